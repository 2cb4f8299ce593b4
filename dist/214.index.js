export const id = 214;
export const ids = [214];
export const modules = {

/***/ 9577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ CodeOceanApiError),
/* harmony export */   OG: () => (/* binding */ parseBody),
/* harmony export */   OV: () => (/* binding */ CodeOceanNetworkError),
/* harmony export */   Ym: () => (/* binding */ CancelledCreateError),
/* harmony export */   x_: () => (/* binding */ serverMessage)
/* harmony export */ });
/* unused harmony export explainApiError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(113);



const REASONS = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    423: 'Locked',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout'
};
const MAX_MESSAGE = 500;
/** Parses a body as JSON when it is JSON, else returns it as text. */
function parseBody(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    try {
        return JSON.parse(trimmed);
    }
    catch {
        return text;
    }
}
/**
 * The server's own words, whatever shape they came in: a JSON object with
 * `message` (Code Ocean's usual form), other JSON, an HTML error page from a
 * proxy, or plain text. Always one line, never a workflow command (see untrusted.ts).
 */
function serverMessage(body) {
    return (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(serverWords(body));
}
function serverWords(body) {
    if (body === undefined || body === null || body === '')
        return '(no message)';
    if (typeof body === 'string') {
        // Only the start is ever shown, so only the start is searched.
        const start = body.slice(0, 64 * MAX_MESSAGE);
        if (isHtml(start)) {
            const title = /<title[^>]*>([^<]*)<\/title>/i.exec(start)?.[1];
            const text = (title ?? start.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
            return `an HTML page: "${(0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(text, 200)}"`;
        }
        return (0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(start.trim(), MAX_MESSAGE);
    }
    if (typeof body === 'object' && !Array.isArray(body)) {
        const { message } = body;
        if (typeof message === 'string' && message !== '') {
            const rest = firstFields(body, 'message');
            const extra = Object.keys(rest).length > 0 ? ` ${(0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .preview */ .VH)(rest, 300)}` : '';
            return (0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(message, MAX_MESSAGE) + extra;
        }
    }
    return (0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .preview */ .VH)(body, MAX_MESSAGE);
}
/** Up to 50 fields of `object` but `omit`, without copying a huge object whole. */
function firstFields(object, omit) {
    const fields = {};
    let count = 0;
    for (const key in object) {
        if (key === omit || !Object.hasOwn(object, key))
            continue;
        fields[key] = object[key];
        if (++count >= 50)
            break;
    }
    return fields;
}
function isHtml(text) {
    return /<html|<!doctype/i.test(text);
}
function hint(status, body, context) {
    switch (status) {
        case 400: {
            const sent = context.sentBody === undefined
                ? ''
                : `\nThe request body sent was:\n${JSON.stringify(context.sentBody, null, 2)}`;
            return `Code Ocean rejected the request as malformed or invalid.${sent}`;
        }
        case 401:
            return ('The API token was not accepted. Check that the `secret` input holds a current Code Ocean ' +
                'access token (Account > Access Tokens) created on this deployment, and that it has not been revoked.');
        case 403:
            return ('The token was accepted but lacks permission. It needs the Capsule Read/Write scope ' +
                '(and Data Asset Read when data assets are attached), and its owner needs access to the capsule or pipeline.');
        case 404:
            if (typeof body === 'string' && isHtml(body)) {
                return ('Code Ocean answered with a web page, not the API: check the `domain` input. It must be the ' +
                    'address of your Code Ocean deployment (the API lives at /api/v1 under it), not of another site or of a page.');
            }
            return context.idHint
                ? `Code Ocean does not know ${context.idHint}, or the token's owner cannot see it. Check the id and that it is shared with the token's owner.`
                : "Code Ocean does not know this path; check the `domain` input (the deployment's address, without /api/v1).";
        case 429:
            return 'Code Ocean is overloaded and asked the action to slow down.';
        default:
            return status >= 500 ? 'Code Ocean reported a server error; it is usually temporary.' : '';
    }
}
/** Builds the message a user sees for an error answer from Code Ocean. */
function explainApiError(status, body, context) {
    const reason = REASONS[status] ? ` ${REASONS[status]}` : '';
    const advice = hint(status, body, context);
    return (`Code Ocean refused to ${context.operation}: HTTP ${status}${reason}: ${serverMessage(body)}` +
        (advice ? `\n${advice}` : ''));
}
/** An error answer from Code Ocean, with a message ready for the user. */
class CodeOceanApiError extends Error {
    status;
    body;
    constructor(status, body, context) {
        super(explainApiError(status, body, context));
        this.status = status;
        this.body = body;
        this.name = 'CodeOceanApiError';
    }
}
/**
 * A cancelled call that may have created something (a run, a data asset): a cancel
 * like any other, whose message says what may now exist.
 */
class CancelledCreateError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RequestAbortedError */ .$1 {
    constructor(message) {
        super();
        this.message = message;
        this.name = 'CancelledCreateError';
    }
}
/**
 * No usable answer from Code Ocean: DNS, a refused connection, a reset, no answer
 * within the deadline, or an answer over its size limit.
 */
class CodeOceanNetworkError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'CodeOceanNetworkError';
    }
}


/***/ }),

/***/ 9597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NC: () => (/* binding */ RESULTS_LISTING_ANSWER_LIMIT),
/* harmony export */   QA: () => (/* binding */ ANSWER_TOO_LARGE),
/* harmony export */   XW: () => (/* binding */ describeLimit),
/* harmony export */   hc: () => (/* binding */ DATA_ASSET_ANSWER_LIMIT),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS),
/* harmony export */   zI: () => (/* binding */ RUNS_LISTING_ANSWER_LIMIT),
/* harmony export */   zh: () => (/* binding */ DOWNLOAD_LINK_ANSWER_LIMIT),
/* harmony export */   zx: () => (/* binding */ RUN_ANSWER_LIMIT)
/* harmony export */ });
/**
 * How long one call to Code Ocean may take and how much of an answer the action reads.
 * Both bound what a broken or hostile server can cost the step: a server that sends a
 * byte now and then cannot hold it for ever, and an answer that never ends (or a small
 * compressed one that inflates to gigabytes) cannot fill the runner's memory.
 */
const KiB = 1024;
const MiB = 1024 * KiB;
/**
 * Each attempt of a call ends after this, answered or not: the whole attempt, from
 * connecting to the last byte of the answer, not only a silence on the socket.
 */
const DEFAULT_TIMEOUT_MS = 30_000;
/** A run: start, status check, rename, stop. Real ones are a few KiB, even with many parameters. */
const RUN_ANSWER_LIMIT = { bytes: 1 * MiB, what: 'a run' };
/** One folder of a run's results; a folder of tens of thousands of files still fits. */
const RESULTS_LISTING_ANSWER_LIMIT = { bytes: 8 * MiB, what: 'a results listing' };
/** Every run of a capsule or pipeline, unpaginated: thousands of runs still fit. */
const RUNS_LISTING_ANSWER_LIMIT = { bytes: 8 * MiB, what: 'a list of runs' };
/** A signed download link for one result file. */
const DOWNLOAD_LINK_ANSWER_LIMIT = { bytes: 64 * KiB, what: 'a download link' };
/** A data asset: create and read. */
const DATA_ASSET_ANSWER_LIMIT = { bytes: 1 * MiB, what: 'a data asset' };
/** The error code a call over its answer limit fails with; such a call is not repeated. */
const ANSWER_TOO_LARGE = 'ERR_ANSWER_TOO_LARGE';
/** A limit for people: `1 MiB`, `64 KiB`. */
function describeLimit(bytes) {
    if (bytes >= MiB && bytes % MiB === 0)
        return `${bytes / MiB} MiB`;
    if (bytes >= KiB && bytes % KiB === 0)
        return `${bytes / KiB} KiB`;
    return `${bytes} bytes`;
}


/***/ }),

/***/ 6635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ readComputation),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   Ht: () => (/* binding */ isKnownState),
/* harmony export */   mP: () => (/* binding */ UnreadableAnswerError)
/* harmony export */ });
/* unused harmony exports TERMINAL_STATES, KNOWN_STATES */
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(873);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(113);
/* harmony import */ var _id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8543);



const TERMINAL_STATES = ['completed', 'failed'];
const KNOWN_STATES = ['initializing', 'running', 'finalizing', 'completed', 'failed'];
/** Code Ocean answered 2xx with something that is not a computation (an HTML page, say). */
class UnreadableAnswerError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnreadableAnswerError';
    }
}
function asNumber(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return Number(value);
    }
    return undefined;
}
function asBoolean(value) {
    if (typeof value === 'boolean')
        return value;
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    return undefined;
}
function asText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number')
        return String(value);
    return undefined;
}
/**
 * Reads a computation from whatever the server sent. Tolerant on purpose: Code Ocean's
 * own examples capitalise some keys ("Id", "Has_results"), and older servers may send
 * numbers as strings. `knownId`, the id of the run asked about, wins over whatever id
 * the body carries; an id from the body must look like one (see id.ts).
 */
function readComputation(body, knownId) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        const shown = typeof body === 'string' ? body.slice(0, 1_000).replace(/\s+/g, ' ').trim() : (0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .preview */ .VH)(body, 200);
        throw new UnreadableAnswerError(`Code Ocean answered with something that is not a run: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(shown.slice(0, 200))}`);
    }
    const raw = body;
    const field = (name) => {
        if (name in raw)
            return raw[name];
        const key = Object.keys(raw).find((k) => k.toLowerCase() === name);
        return key === undefined ? undefined : raw[key];
    };
    const id = knownId ?? asText(field('id'));
    if (!id) {
        throw new UnreadableAnswerError(`Code Ocean answered without a run id: ${(0,_preview_js__WEBPACK_IMPORTED_MODULE_2__/* .preview */ .VH)(body, 300)}`);
    }
    (0,_id_js__WEBPACK_IMPORTED_MODULE_1__/* .checkId */ .ij)(id, 'run');
    const state = (asText(field('state')) ?? '').toLowerCase();
    return {
        id,
        state,
        name: asText(field('name')),
        created: asNumber(field('created')),
        run_time: asNumber(field('run_time')),
        end_status: asText(field('end_status'))?.toLowerCase(),
        exit_code: asNumber(field('exit_code')),
        has_results: asBoolean(field('has_results')),
        owner: asText(field('owner')),
        raw
    };
}
function isTerminal(state) {
    return TERMINAL_STATES.includes(state);
}
function isKnownState(state) {
    return KNOWN_STATES.includes(state);
}


/***/ }),

/***/ 8543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fn: () => (/* binding */ idSegment),
/* harmony export */   ij: () => (/* binding */ checkId)
/* harmony export */ });
/* unused harmony exports idProblem, NotAnIdError */
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(873);

/**
 * What an id may not be or hold. Ids go into URL paths: `.` and `..` survive
 * `encodeURIComponent` and are then resolved away by the URL parser, so
 * `computations/..` would become a request to `/api/v1/`; separators, `?` and `#`
 * would change which resource is meant, control characters have no place in one.
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_AN_ID = /[/\\?#\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Why `id` cannot be an id, or undefined when it can. */
function idProblem(id) {
    if (id === '')
        return 'it is empty';
    if (id === '.' || id === '..')
        return `it is "${id}"`;
    if (NOT_IN_AN_ID.test(id))
        return 'it holds "/", "\\", "?", "#" or a control character';
    return undefined;
}
/** Code Ocean sent something as an id that cannot be one; nothing is sent with it. */
class NotAnIdError extends Error {
    constructor(what, id, problem) {
        super(`Code Ocean answered with a ${what} id that is not an id ("${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(id).slice(0, 100)}": ${problem}); ` +
            'the action sends no request with it. Ids look like 9af23fd6-1f7c-4d8a-a4a7-3a3f8c0e9d21.');
        this.name = 'NotAnIdError';
    }
}
/** Returns `id` when it looks like an id; throws NotAnIdError otherwise. */
function checkId(id, what) {
    const problem = idProblem(id);
    if (problem)
        throw new NotAnIdError(what, id, problem);
    return id;
}
/** An id as one URL path segment: checked, then encoded. */
function idSegment(id, what) {
    return encodeURIComponent(checkId(id, what));
}


/***/ }),

/***/ 7503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LW: () => (/* binding */ classifyNetworkError),
/* harmony export */   Y5: () => (/* binding */ isRetryableNetworkProblem),
/* harmony export */   eA: () => (/* binding */ explainNetworkFailure),
/* harmony export */   vp: () => (/* binding */ provesNothingSent),
/* harmony export */   vz: () => (/* binding */ explainStoreFailure)
/* harmony export */ });
/* unused harmony export hostAndPort */
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6455);
/**
 * What went wrong when a request got no answer at all, and what to tell the user about
 * it. Pure functions: the HTTP transport hands them the error code and where the request
 * went, and shows what they return. Self-hosted runners meet these first: a mistyped
 * `domain`, a firewall, a company proxy, a company certificate authority.
 */

const PROBLEM_OF_CODE = new Map(Object.entries({
    ENOTFOUND: 'dns-missing',
    EAI_AGAIN: 'dns-temporary',
    ECONNREFUSED: 'refused',
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
    ETIMEDOUT: 'timeout',
    ECONNABORTED: 'timeout',
    // The server's certificate chain leads to no authority the runner trusts.
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-unknown-ca',
    UNABLE_TO_GET_ISSUER_CERT: 'tls-unknown-ca',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-unknown-ca',
    // The server's own certificate, or the root its chain ends in, signed itself.
    DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'tls-self-signed',
    CERT_HAS_EXPIRED: 'tls-expired',
    CERT_NOT_YET_VALID: 'tls-expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'tls-hostname'
}));
/** The kind of failure a Node or axios error code stands for. */
function classifyNetworkError(code) {
    return (code !== undefined && PROBLEM_OF_CODE.get(code)) || 'other';
}
/**
 * Whether trying again could help. A name that does not exist, or a certificate the
 * runner refuses, will be the same in a second; retrying would only delay the message
 * that says how to fix it. A DNS server that did not answer may answer next time.
 */
function isRetryableNetworkProblem(problem) {
    return problem !== 'dns-missing' && !problem.startsWith('tls-');
}
/** Whether the failure proves the request never reached the server (so nothing can have happened there). */
function provesNothingSent(problem) {
    return (problem === 'dns-missing' ||
        problem === 'dns-temporary' ||
        problem === 'refused' ||
        problem === 'unreachable' ||
        problem.startsWith('tls-'));
}
const CA_ADVICE = 'If your deployment (or a proxy that inspects https) uses a private certificate authority, put that ' +
    "authority's certificate (PEM) on the runner and set NODE_EXTRA_CA_CERTS to its path in the job's `env`:\n" +
    '  env:\n    NODE_EXTRA_CA_CERTS: /etc/ssl/certs/company-ca.pem';
/** `host:port` of a URL, with the scheme's default port filled in. */
function hostAndPort(url) {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'http:' ? '80' : '443');
    return { host: parsed.hostname, port };
}
function reachabilityQuestion(where, proxy) {
    const question = `Is the \`${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Domain}\` input right, and is ${where} reachable from this runner?`;
    return proxy === undefined
        ? `${question} A self-hosted runner behind a firewall may need HTTPS_PROXY (see the action's README, "Self-hosted runners").`
        : `${question} The request went through the proxy ${proxy}: check that the proxy is up and lets the runner through to ${where}.`;
}
/** What happened, in words, and what to do about it. */
function explanation(failure, problem) {
    const { host, port } = hostAndPort(failure.url);
    const where = `${host}:${port}`;
    const code = failure.code ?? 'network error';
    switch (problem) {
        case 'dns-missing':
            if (failure.lookedUp !== undefined && failure.lookedUp !== host) {
                return {
                    what: `the proxy host ${failure.lookedUp} was not found (ENOTFOUND)`,
                    advice: "Check HTTPS_PROXY and HTTP_PROXY in the job's environment."
                };
            }
            return {
                what: `the host ${host} was not found (ENOTFOUND)`,
                advice: `Check the \`${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Domain}\` input: ${host} does not resolve from this runner. It should be your Code Ocean ` +
                    `deployment's address, as in your browser, e.g. \`${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Domain}: codeocean.example.com\`. A name only your ` +
                    "company's DNS knows needs a runner inside that network."
            };
        case 'dns-temporary':
            return {
                what: `looking up ${host} failed (EAI_AGAIN) on every try`,
                advice: "The runner's DNS server did not answer; this is usually temporary. Try again later."
            };
        case 'refused':
            return {
                what: `the connection to ${where} was refused (ECONNREFUSED)`,
                advice: reachabilityQuestion(where, failure.proxy)
            };
        case 'unreachable':
            return { what: `${where} cannot be reached (${code})`, advice: reachabilityQuestion(where, failure.proxy) };
        case 'timeout':
            return {
                what: `no answer from ${where} within ${Math.round(failure.timeoutMs / 1000)} s (${code})`,
                advice: reachabilityQuestion(where, failure.proxy)
            };
        case 'tls-unknown-ca':
            return {
                what: `the certificate of ${where} is not signed by a certificate authority this runner trusts (${code}: ${failure.text})`,
                advice: CA_ADVICE
            };
        case 'tls-self-signed':
            return {
                what: `the certificate of ${where} is self-signed, or its chain ends in a root this runner does not trust (${code}: ${failure.text})`,
                advice: CA_ADVICE
            };
        case 'tls-expired':
            return failure.code === 'CERT_NOT_YET_VALID'
                ? {
                    what: `the certificate of ${where} is not valid yet (CERT_NOT_YET_VALID)`,
                    advice: "Check the runner's clock."
                }
                : {
                    what: `the certificate of ${where} has expired (CERT_HAS_EXPIRED)`,
                    advice: "The deployment's administrators must renew it; if they have, check the runner's clock."
                };
        case 'tls-hostname':
            return {
                what: `the certificate of ${where} is not issued for the name ${host} (ERR_TLS_CERT_ALTNAME_INVALID: ${failure.text})`,
                advice: `Set the \`${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Domain}\` input to a name the certificate covers, the one you use in the browser.`
            };
        case 'other':
            return { what: `${code}: ${failure.text}` };
    }
}
/**
 * The message for a request that got no answer: what happened and where on the first
 * line, what to do on the next.
 */
function explainNetworkFailure(failure) {
    const { what, advice } = explanation(failure, classifyNetworkError(failure.code));
    const via = failure.proxy === undefined ? '' : `, through the proxy ${failure.proxy}`;
    const first = `Could not ${failure.operation}: ${what} (Code Ocean at ${failure.url}${via})`;
    return advice === undefined ? first : `${first}\n${advice}`;
}
const STORE_REACH = "Result files come from the storage that Code Ocean's signed links point to, not from the Code Ocean host: " +
    'the runner must reach it too (see the action\'s README, "Self-hosted runners").';
/**
 * What to tell the user when a download from the object store got no answer, or
 * undefined to leave the error's own words (a reset, an unexpected code). Never
 * quotes the signed URL, whose query is a credential: only its host and port.
 */
function explainStoreFailure(failure) {
    const problem = classifyNetworkError(failure.code);
    if (problem === 'other')
        return undefined;
    const { host } = hostAndPort(failure.url);
    const general = explanation({ ...failure, operation: '' }, problem);
    const what = problem === 'dns-missing' ? `the object store host ${host} was not found (ENOTFOUND)` : general.what;
    const via = failure.proxy === undefined ? '' : ` (through the proxy ${failure.proxy})`;
    let advice = STORE_REACH;
    if (problem === 'tls-unknown-ca' || problem === 'tls-self-signed') {
        advice =
            "If it uses a private certificate authority, set NODE_EXTRA_CA_CERTS to that authority's certificate (PEM) in the job's `env`.";
    }
    else if (problem === 'tls-expired') {
        advice = general.advice ?? STORE_REACH;
    }
    else if (problem === 'tls-hostname') {
        advice =
            "The object store's certificate does not cover its own address: a matter for the deployment's administrators.";
    }
    // One line: download messages quote it inside their own sentences.
    return `${what}${via}. ${advice}`;
}


/***/ }),

/***/ 113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   VH: () => (/* binding */ preview),
/* harmony export */   fN: () => (/* binding */ DEBUG_PREVIEW_CHARS)
/* harmony export */ });
/** Short, cheap excerpts of what Code Ocean sent, for messages and debug lines. */
/** Characters of an answer a debug line shows at most. */
const DEBUG_PREVIEW_CHARS = 2_000;
/** `text` cut to `max` characters, marked with an ellipsis when cut. */
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
/**
 * At most `max` characters of `value` as JSON, for messages and debug lines. Stops
 * walking once it has enough, so a large answer costs no more than its preview.
 */
function preview(value, max) {
    const parts = [];
    let length = 0;
    /** Adds text; false once there is enough. */
    const emit = (text) => {
        parts.push(text);
        length += text.length;
        return length <= max;
    };
    const walk = (item) => {
        if (typeof item === 'string')
            return emit(JSON.stringify(item.slice(0, max + 1)));
        if (item === null || typeof item !== 'object')
            return emit(String(JSON.stringify(item) ?? 'null'));
        if (Array.isArray(item)) {
            if (!emit('['))
                return false;
            for (let i = 0; i < item.length; i++)
                if (!emit(i > 0 ? ',' : '') || !walk(item[i]))
                    return false;
            return emit(']');
        }
        if (!emit('{'))
            return false;
        let first = true;
        // for…in, not Object.entries: the values of a huge object are not all copied for a short preview.
        for (const key in item) {
            if (!Object.hasOwn(item, key))
                continue;
            const label = `${first ? '' : ','}${JSON.stringify(key.slice(0, max + 1))}:`;
            if (!emit(label) || !walk(item[key]))
                return false;
            first = false;
        }
        return emit('}');
    };
    walk(value);
    return clip(parts.join(''), max);
}


/***/ }),

/***/ 2197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ proxyFor)
/* harmony export */ });
/* harmony import */ var proxy_from_env__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8182);
/**
 * Which proxy a request goes through, for messages. The requests themselves are routed
 * by axios, which reads the same variables through the same library (proxy-from-env):
 * HTTPS_PROXY, HTTP_PROXY, NO_PROXY and their lower-case forms, tunnelling https
 * through CONNECT. This only names the proxy when a request fails.
 */

/** The proxy for `url` as `scheme://host:port` (never its user name or password), or undefined. */
function proxyFor(url) {
    const proxy = (0,proxy_from_env__WEBPACK_IMPORTED_MODULE_0__/* .getProxyForUrl */ .T)(url);
    if (proxy === '')
        return undefined;
    try {
        const parsed = new URL(proxy);
        return `${parsed.protocol}//${parsed.host}`;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 9431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KO: () => (/* binding */ mayRetry),
/* harmony export */   U3: () => (/* binding */ RETRYABLE_STATUSES),
/* harmony export */   qO: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* unused harmony exports FINAL_CODES, BASE_DELAY_MS, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, parseRetryAfter */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9597);
/* harmony import */ var _network_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7503);
/**
 * When and how long to retry a request to Code Ocean. Pure functions; the HTTP client
 * applies them through axios-retry.
 */


/** Answers that mean "try again later": overload and gateway or server hiccups. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
/**
 * Failures never repeated: a cancel, and an answer over its size limit (the server
 * would most likely send it again, and each time costs the whole limit).
 */
const FINAL_CODES = new Set(['ERR_CANCELED', _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ANSWER_TOO_LARGE */ .QA]);
const BASE_DELAY_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** A server asking for a longer pause than this gets this; the step has a job to finish. */
const MAX_RETRY_AFTER_MS = 60_000;
/**
 * Whether a failed attempt may be repeated. Never when the host name does not exist
 * (ENOTFOUND) or TLS refused the server's certificate. A start is repeated only when Code Ocean
 * surely did not start a run: it said 429 (refused, come back later), or the
 * connection was refused before anything was sent. Anything else after a start was
 * sent (a 500, a reset, a timeout) may have started a run, so it is not repeated.
 */
function mayRetry(attempt) {
    if (FINAL_CODES.has(attempt.code ?? ''))
        return false;
    // A host name that does not exist, or a certificate the runner refuses, is the same a
    // second later: retrying would only delay the message that says how to fix it.
    const problem = attempt.status === undefined ? (0,_network_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyNetworkError */ .LW)(attempt.code) : undefined;
    if (problem !== undefined && !(0,_network_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableNetworkProblem */ .Y5)(problem))
        return false;
    if (attempt.kind === 'start') {
        return attempt.status === 429 || (problem !== undefined && (0,_network_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .provesNothingSent */ .vp)(problem));
    }
    if (attempt.status !== undefined)
        return RETRYABLE_STATUSES.has(attempt.status);
    return true;
}
/** Reads Retry-After, in seconds or as an HTTP date, as milliseconds from `now`. */
function parseRetryAfter(value, now) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * Delay before retry number `retry` (1 for the first): exponential backoff with full
 * jitter (a random delay between 0 and the backoff ceiling, so many clients do not
 * retry in step), unless the server said when to come back, which is honoured up to
 * a cap.
 */
function retryDelayMs(retry, retryAfter, now = Date.now(), random = Math.random) {
    const asked = parseRetryAfter(retryAfter, now);
    if (asked !== undefined)
        return Math.min(asked, MAX_RETRY_AFTER_MS);
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (retry - 1));
    return Math.floor(random() * ceiling);
}


/***/ }),

/***/ 4214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attachToRun: () => (/* reexport */ attachToRun),
  beforeRun: () => (/* reexport */ beforeRun),
  connect: () => (/* reexport */ connect),
  followRun: () => (/* reexport */ followRun),
  leaveRunning: () => (/* reexport */ leaveRunning),
  preflight: () => (/* reexport */ preflight),
  startRun: () => (/* reexport */ startRun)
});

;// CONCATENATED MODULE: ./src/lifecycle/before-run.ts
/** Whether anything must happen before the start: most steps need none of it. */
function needsPreparation(settings) {
    return settings.syncGit || settings.resumeOnRerun || (settings.run.dataAssets?.length ?? 0) > 0;
}
/**
 * Git sync, data assets ready, run to resume: done only when the inputs ask for them,
 * and their code is loaded only then, so a plain start stays fast.
 */
async function beforeRun(client, settings, step, interrupter) {
    if (!needsPreparation(settings))
        return settings;
    const { prepareRun } = await __webpack_require__.e(/* import() */ 814).then(__webpack_require__.bind(__webpack_require__, 5814));
    return prepareRun(client, settings, step, interrupter);
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var lib_core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/codeocean/preview.ts
var preview = __webpack_require__(113);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/describe.ts
var describe = __webpack_require__(313);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/lifecycle/backstop.ts





let current;
/** The record file of this step, or undefined outside a runner. */
function recordFile(env = process.env) {
    const { RUNNER_TEMP: temp, GITHUB_ACTION: step } = env;
    if (!temp || !step)
        return undefined;
    return (0,external_node_path_.join)(temp, 'codeocean-run-action', `step-${encodeURIComponent(step)}.json`);
}
function record(watch) {
    const file = recordFile();
    if (!file)
        return;
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(file, '..'), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, JSON.stringify(watch));
}
/** The main step takes a started run into its care; `watching`: the post step stops it if this step dies. */
function watchRun(id, watching) {
    current = { id, watching };
    // The record first: state without a record is ignored, a record without state is harmless.
    record(current);
    lib_core/* saveState */.LZ(names/* State */.Uw.ComputationId, id);
    lib_core/* saveState */.LZ(names/* State */.Uw.Watching, watching ? 'true' : 'false');
}
/** The run's fate is settled (ended, stopped, or left running on purpose): the post step leaves it alone. */
function settleRun() {
    lib_core/* saveState */.LZ(names/* State */.Uw.Watching, 'false');
    if (current?.watching) {
        current = { ...current, watching: false };
        record(current);
    }
}
function readRecord() {
    const file = recordFile();
    if (!file)
        return undefined;
    try {
        const parsed = JSON.parse(readFileSync(file, 'utf8'));
        return typeof parsed.id === 'string' && typeof parsed.watching === 'boolean'
            ? { id: parsed.id, watching: parsed.watching }
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * For the post step: the id of the run to stop, when the main step was still waiting
 * for it as it ended. Undefined when there is nothing to do, or when the state given
 * does not match the main step's own record (then nothing is stopped, with a warning).
 */
function runLeftWatched() {
    const id = core.getState(State.ComputationId);
    if (!id || core.getState(State.Watching) !== 'true')
        return undefined;
    const recorded = readRecord();
    if (recorded?.id !== id) {
        core.warning(`The post step was asked to stop Code Ocean run ${inline(id)}, but the main step ` +
            (recorded ? `started run ${inline(recorded.id)}` : 'left no record of starting it') +
            '; it stops nothing.');
        return undefined;
    }
    return recorded.watching ? id : undefined;
}

// EXTERNAL MODULE: ./src/lifecycle/step.ts + 1 modules
var lifecycle_step = __webpack_require__(4073);
// EXTERNAL MODULE: ./src/codeocean/rules.ts
var rules = __webpack_require__(3346);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/codeocean/api-errors.ts
var api_errors = __webpack_require__(9577);
;// CONCATENATED MODULE: ./src/lifecycle/release-runs.ts


/** Whether a run belongs to a release version: Code Ocean says so in `owner`, older servers only by the version run. */
function isReleaseRun(run, version) {
    return run.owner === rules/* RELEASE_OWNER */.wc || (run.owner === undefined && version !== undefined);
}
/** For a rename or stop refused with 403: why, when the run is a release version's; else ''. */
function releaseRefusalReason(error, run, version) {
    return error instanceof api_errors/* CodeOceanApiError */.ER && error.status === 403 && isReleaseRun(run, version)
        ? rules/* RELEASE_RUNS_ADMIN_ONLY */.uA
        : '';
}

;// CONCATENATED MODULE: ./src/lifecycle/stop.ts








/**
 * A stop must be confirmed well within the runner's 7.5 s between SIGINT and SIGTERM:
 * two attempts of at most 1.5 s each, with under a second between them. A stop after
 * the wait-timeout has no such hurry and gets the client's ordinary retries.
 */
const STOP_ON_CANCEL = { timeoutMs: 1_500, retries: 1 };
/** Stops the run when the inputs ask for it; says what became of the run. */
async function stopIfAsked(why, client, run, settings) {
    const stop = why === 'cancel' ? settings.stopOnCancel : settings.stopOnTimeout;
    if (!stop) {
        settleRun();
        const choice = why === 'cancel' ? settings.stopChoices.cancel : settings.stopChoices.timeout;
        // `auto` got here only for a followed run: say why, and how to stop one.
        return choice === 'auto'
            ? `The run was left running: this step did not start it (stop-on-${why}: auto stops only runs the step started; set it to true to stop followed runs too).`
            : `The run was left running (stop-on-${why}: false).`;
    }
    try {
        await client.computations.delete(run.id, why === 'cancel' ? STOP_ON_CANCEL : {});
        settleRun();
        return `The run was stopped (${rules/* STOP_MEANS_DELETE */.sg}).`;
    }
    catch (error) {
        // After a cancel the post step tries again; after a timeout nobody would.
        if (why === 'timeout')
            settleRun();
        // A release version's run: only an admin may stop it; say so plainly.
        const release = releaseRefusalReason(error, run, settings.run?.version);
        return (`The run could not be stopped: ${(0,untrusted/* inline */.mG)((0,errors/* errorMessage */.gJ)(error).split('\n')[0])}${release ? ` ${release}` : ''}` +
            (why === 'cancel' ? ' The post step will try again.' : ' It may still be running in Code Ocean.'));
    }
}
/** Ends a wait cut short by a cancel or the wait-timeout: stops the run if asked, and fails the step saying what happened. */
async function endEarly(why, client, run, settings, step) {
    (0,lifecycle_step/* setStatus */.Lx)(step, why === 'cancel' ? 'cancelled' : 'timed-out');
    const fate = await stopIfAsked(why, client, run, settings);
    const subject = `Code Ocean run ${(0,describe/* describeRun */.v)(run)} (last state: ${(0,untrusted/* inline */.mG)(run.state || 'unknown')})`;
    (0,lifecycle_step/* failStep */.vy)(step, why === 'cancel'
        ? `The workflow was cancelled while waiting for ${subject}. ${fate}`
        : `Timed out after ${(0,format/* formatDuration */.a)(settings.waitTimeoutMinutes * 60_000)} (wait-timeout: ${settings.waitTimeoutMinutes}) waiting for ${subject}. ${fate}`);
}

// EXTERNAL MODULE: ./src/lifecycle/verdict.ts
var lifecycle_verdict = __webpack_require__(9325);
// EXTERNAL MODULE: ./src/lifecycle/wait.ts
var wait = __webpack_require__(955);
;// CONCATENATED MODULE: ./src/lifecycle/follow.ts










/**
 * With `poll-interval: auto`: how long the run will likely take, from the target's
 * earlier runs. Its code is loaded only then; it runs alongside the wait.
 */
async function estimateLater(client, run, settings, step, signal) {
    const { estimateFromEarlierRuns } = await __webpack_require__.e(/* import() */ 268).then(__webpack_require__.bind(__webpack_require__, 5268));
    const { target, version } = settings.run;
    const request = { target, started: run, version, listed: step.targetRuns, redact: step.redact };
    return estimateFromEarlierRuns(client.targets, request, signal);
}
/** Waits for the run to end, unless a cancel or the wait-timeout comes first. */
function waitForEnd(client, run, settings, step, interrupter) {
    if (interrupter.reason)
        throw new errors/* RequestAbortedError */.$1();
    // The listing of earlier runs ends with the wait, should it still be going.
    const listing = new AbortController();
    const signal = AbortSignal.any([interrupter.signal, listing.signal]);
    // A followed run's target is unknown (a run does not name it): no earlier runs to go by.
    const estimate = settings.pollInterval === 'auto' && settings.run !== undefined
        ? estimateLater(client, run, settings, step, signal)
        : undefined;
    return (0,wait/* waitForCompletion */.Bu)(client.computations, run, {
        estimateLater: estimate,
        interval: settings.pollInterval,
        // A followed run may be hours old already: `auto` polls it as the age it is.
        startedAt: settings.computationId === undefined ? undefined : (0,wait/* runBeganAt */.c2)(run),
        // Each line carries the server's words (states, errors): kept to one line, never a command.
        log: (line) => lib_core/* info */.pq((0,untrusted/* inline */.mG)(step.redact(line))),
        warn: (line) => lib_core/* warning */.$e((0,untrusted/* inline */.mG)(step.redact(line))),
        onUpdate: (c) => {
            lib_core/* debug */.Yz((0,untrusted/* inline */.mG)(step.redact(`Computation: ${(0,preview/* preview */.VH)(c.raw, preview/* DEBUG_PREVIEW_CHARS */.fN)}`)));
            step.summary.computation = c;
            step.outputs.setComputation(c);
        },
        signal: interrupter.signal
    }).finally(() => listing.abort());
}
/** Reports the verdict, and what the after-run phase could not deliver. */
function conclude(verdict, problems, step) {
    if (verdict.succeeded && problems.length === 0) {
        lib_core/* info */.pq((0,untrusted/* inline */.mG)(step.redact(verdict.message)));
        return;
    }
    if (verdict.succeeded) {
        // The run itself succeeded, but the step did not deliver all it was asked to.
        (0,lifecycle_step/* setStatus */.Lx)(step, 'failed');
    }
    (0,lifecycle_step/* failStep */.vy)(step, [verdict.succeeded ? `${verdict.message}, but:` : verdict.message, ...problems].join('\n'));
}
/**
 * A cancel that came once the run had finished: the run is left as it is (stopping
 * would delete it and its results), and the step ends as cancelled.
 */
function cancelledAfterEnd(run, verdict, step) {
    (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
    (0,lifecycle_step/* failStep */.vy)(step, `The workflow was cancelled after Code Ocean run ${(0,describe/* describeRun */.v)(run)} had finished (${verdict.message}); ` +
        'the run was left as it is, and what was to follow it was cut short.');
}
/** Follows a run (started by this step, or found by `computation-id`) to its end, judges it, and handles its results. */
async function followRun(client, run, settings, step, interrupter) {
    let finished;
    try {
        finished = await waitForEnd(client, run, settings, step, interrupter);
    }
    catch (error) {
        if (error instanceof errors/* RequestAbortedError */.$1 && interrupter.reason) {
            await endEarly(interrupter.reason, client, step.summary.computation ?? run, settings, step);
            return;
        }
        // Not a cancel: leave the run as it is; the post step must not stop it either.
        settleRun();
        throw error;
    }
    settleRun();
    const verdict = (0,lifecycle_verdict/* judge */.S)(finished);
    (0,lifecycle_step/* setStatus */.Lx)(step, verdict.status);
    step.summary.message = verdict.message;
    // Loaded when a run has finished: a step that only starts a run never pays for it.
    const { afterRun } = await Promise.all(/* import() */[__webpack_require__.e(974), __webpack_require__.e(593)]).then(__webpack_require__.bind(__webpack_require__, 9974));
    const problems = await afterRun(client, finished, verdict, settings, step, interrupter.cancelSignal);
    if (interrupter.cancelSignal.aborted)
        cancelledAfterEnd(finished, verdict, step);
    else
        conclude(verdict, problems, step);
}

;// CONCATENATED MODULE: ./src/lifecycle/follow-existing.ts









/** A 404 for the run to follow, said in terms of the input that named it. */
class RunNotFoundError extends Error {
    constructor(id, cause) {
        super(`Input '${names/* Input */.pd.ComputationId}': Code Ocean has no run ${(0,untrusted/* inline */.mG)(id)} that the token's owner can see (HTTP 404), ` +
            'so there is nothing to follow. Check the id: it is the `computation-id` output of the step that started ' +
            "the run, or the id in the run's address in Code Ocean, on this deployment (`domain`). A run that was " +
            'stopped is deleted in Code Ocean and cannot be followed.\n' +
            (0,untrusted/* inline */.mG)(cause.message.split('\n')[0]), { cause });
        this.name = 'RunNotFoundError';
    }
}
/** How old the run is, for the log: "created 2h 5m ago", or nothing when unknown. */
function age(run) {
    const began = (0,wait/* runBeganAt */.c2)(run);
    return began === undefined ? '' : `, created ${(0,format/* formatDuration */.a)(Date.now() - began)} ago`;
}
/**
 * For `computation-id`: reads the run something else started and takes it up as if
 * this step had started it (outputs at once, the summary, the post step's backstop),
 * so that the wait, the judgement and the results all apply. A run that has already
 * finished is judged by the wait at once. The backstop only stops the run when
 * `stop-on-cancel` says so explicitly (`auto` resolved to false for a followed run).
 */
async function attachToRun(client, settings, step, interrupter) {
    step.summary.followed = true;
    let run;
    try {
        run = await client.computations.get(settings.computationId, { signal: interrupter.signal });
    }
    catch (error) {
        if (interrupter.reason === 'cancel') {
            (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
        }
        if (error instanceof api_errors/* CodeOceanApiError */.ER && error.status === 404) {
            throw new RunNotFoundError(settings.computationId, error);
        }
        throw error;
    }
    step.outputs.setComputation(run);
    step.summary.computation = run;
    lib_core/* info */.pq(step.redact(`Following Code Ocean run ${(0,describe/* describeRun */.v)(run)}, which this step did not start ` +
        `(state: ${(0,untrusted/* inline */.mG)(run.state || 'unknown')}${age(run)})`));
    watchRun(run.id, settings.stopOnCancel);
    return run;
}

// EXTERNAL MODULE: ./src/codeocean/limits.ts
var limits = __webpack_require__(9597);
// EXTERNAL MODULE: ./src/codeocean/models/computation.ts
var computation = __webpack_require__(6635);
;// CONCATENATED MODULE: ./src/codeocean/models/git-sync.ts
function count(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0;
}
/** Reads a sync answer. The server leaves out zero and false fields, so `{}` (or no body) is 0, 0, false. */
function readGitSync(body) {
    const raw = (typeof body === 'object' && body !== null ? body : {});
    return { pulled: count(raw.pulled), pushed: count(raw.pushed), newBranch: raw.new_branch === true };
}

;// CONCATENATED MODULE: ./src/codeocean/targets.ts




/** `capsules/{id}` or `pipelines/{id}`: the two share their routes. */
function route(target) {
    return `${target.kind === 'pipeline' ? 'pipelines' : 'capsules'}/${encodeURIComponent(target.id)}`;
}
/** Capsules and pipelines: `/capsules/{id}/…` and `/pipelines/{id}/…`. */
class TargetsApi {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /**
     * POST /capsules|pipelines/{id}/sync (Code Ocean 4.6+): pulls new commits from the
     * linked Git repository and pushes commits made in Code Ocean to it. Repeating it
     * changes nothing more, so it is retried like a read.
     */
    async sync(target, call = {}) {
        const data = await this.transport.request({ method: 'POST', url: `${route(target)}/sync` }, { operation: `sync ${target.kind} ${target.id} with Git`, idHint: `${target.kind} ${target.id}` }, 'idempotent', call);
        return readGitSync(data);
    }
    /** GET /capsules|pipelines/{id}/computations: every run of the target, in no promised order. */
    async runs(target, call = {}) {
        return (await this.listRuns(target, call)).runs;
    }
    /** As runs(), with the server's clock, to tell which runs were created since a given moment. */
    async listRuns(target, call = {}) {
        const { body: data, ...clock } = await this.transport.answer({ method: 'GET', url: `${route(target)}/computations` }, {
            operation: `list the runs of ${target.kind} ${target.id}`,
            idHint: `${target.kind} ${target.id}`,
            answerLimit: limits/* RUNS_LISTING_ANSWER_LIMIT */.zI
        }, 'idempotent', call);
        if (!Array.isArray(data)) {
            throw new Error(`Code Ocean answered the list of runs with something that is not a list: ${(0,preview/* preview */.VH)(data, 200)}`);
        }
        const runs = data.flatMap((item) => {
            try {
                return [(0,computation/* readComputation */.Ed)(item)];
            }
            catch {
                // One unreadable entry must not hide the others.
                return [];
            }
        });
        return { runs, ...clock };
    }
}

;// CONCATENATED MODULE: ./src/codeocean/app-panels.ts

/** App panels: `GET /capsules/{id}/app_panel` and `GET /pipelines/{id}/app_panel`. */
class AppPanelsApi {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** The raw app panel of a capsule or pipeline, of release `version` when given. */
    async get(target, version, call = {}) {
        const what = `${target.kind} ${target.id}`;
        return this.transport.request({
            method: 'GET',
            url: `${route(target)}/app_panel`,
            params: version === undefined ? undefined : { version }
        }, { operation: `read the app panel of ${what}`, idHint: what }, 'idempotent', call);
    }
}

// EXTERNAL MODULE: ./src/codeocean/models/id.ts
var models_id = __webpack_require__(8543);
// EXTERNAL MODULE: ./src/codeocean/network-errors.ts
var network_errors = __webpack_require__(7503);
;// CONCATENATED MODULE: ./src/codeocean/computations.ts




/** Said whenever a start request failed in a way that does not rule out a started run. */
const RUN_MAY_HAVE_STARTED = 'The request may have reached Code Ocean, so a run may have started: look at the ' +
    "capsule's or pipeline's runs in Code Ocean before running this step again. " +
    'The action does not repeat a start that may have succeeded, so one step never starts two runs.';
/** Code Ocean said yes to a start, but its answer is not a run that can be read. */
class UnreadableStartError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'UnreadableStartError';
    }
}
/**
 * Whether a failed start may have started a run: the request went out and the answer,
 * if any, does not rule a run out (a 5xx, a reset, a timeout, an answer too large or
 * unreadable). Not a cancel, nor a refusal (4xx), nor a request that surely never left.
 */
function mayHaveStartedRun(error) {
    if (error instanceof UnreadableStartError)
        return true;
    if (error instanceof api_errors/* CodeOceanApiError */.ER)
        return error.status >= 500;
    if (error instanceof api_errors/* CodeOceanNetworkError */.OV)
        return !(0,network_errors/* provesNothingSent */.vp)((0,network_errors/* classifyNetworkError */.LW)(error.code));
    return false;
}
/** Runs: `/computations` and `/computations/{id}`. */
class ComputationsApi {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** POST /computations: starts a capsule or pipeline run. Repeated only when surely refused. */
    async start(body, call = {}) {
        const context = {
            operation: 'start the run',
            sentBody: body,
            idHint: body.pipeline_id ? `pipeline ${body.pipeline_id}` : `capsule ${body.capsule_id ?? ''}`,
            mayHaveTakenEffect: RUN_MAY_HAVE_STARTED
        };
        const data = await this.transport.request({ method: 'POST', url: 'computations', data: body, headers: { 'Content-Type': 'application/json' } }, context, 'start', call);
        try {
            return (0,computation/* readComputation */.Ed)(data);
        }
        catch (error) {
            // The server said yes but its answer is unreadable: a run has probably started.
            throw new UnreadableStartError(`${error.message}\nA run has probably started: check the ${body.pipeline_id ? 'pipeline' : 'capsule'}'s runs in Code Ocean before running this step again.`, { cause: error });
        }
    }
    /** GET /computations/{id} */
    async get(id, call = {}) {
        const data = await this.transport.request({ method: 'GET', url: `computations/${(0,models_id/* idSegment */.fn)(id, 'run')}` }, { operation: `read run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
        // The run asked about is the run answered about, whatever id the body carries.
        return (0,computation/* readComputation */.Ed)(data, id);
    }
    /** PATCH /computations/{id}?name=…: Code Ocean takes the new name as a query parameter. */
    async rename(id, name, call = {}) {
        await this.transport.request({ method: 'PATCH', url: `computations/${(0,models_id/* idSegment */.fn)(id, 'run')}`, params: { name } }, { operation: `rename run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
    }
    /**
     * DELETE /computations/{id}: in Code Ocean this stops the run and deletes it. A run
     * that is already gone (404) counts as stopped.
     */
    async delete(id, call = {}) {
        try {
            await this.transport.request({ method: 'DELETE', url: `computations/${(0,models_id/* idSegment */.fn)(id, 'run')}` }, { operation: `stop run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
        }
        catch (error) {
            if (error instanceof api_errors/* CodeOceanApiError */.ER && error.status === 404)
                return;
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ./src/codeocean/models/data-asset.ts


/**
 * Reads a data asset from an answer, keeping only what the action uses. `knownId`, the
 * id of the asset asked about, wins over whatever id the body carries.
 */
function readDataAsset(body, knownId) {
    const sent = (typeof body === 'object' && body !== null ? body : {});
    const raw = knownId === undefined ? sent : { ...sent, id: knownId };
    if (typeof raw.id !== 'string' || raw.id === '') {
        throw new Error(`Code Ocean answered without a data asset id: ${(0,preview/* preview */.VH)(body, 200)}`);
    }
    return {
        id: (0,models_id/* checkId */.ij)(raw.id, 'data asset'),
        name: typeof raw.name === 'string' ? raw.name : undefined,
        state: typeof raw.state === 'string' ? raw.state.toLowerCase() : '',
        failure_reason: typeof raw.failure_reason === 'string' ? raw.failure_reason : undefined
    };
}

;// CONCATENATED MODULE: ./src/codeocean/data-assets.ts



/** Data assets: `/data_assets` and `/data_assets/{id}`. */
class DataAssetsApi {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** POST /data_assets: captures a run's results as a new data asset. */
    async create(params, call = {}) {
        const data = await this.transport.request({ method: 'POST', url: 'data_assets', data: params, headers: { 'Content-Type': 'application/json' } }, {
            operation: `create the data asset "${params.name}"`,
            sentBody: params,
            idHint: `run ${params.source.computation.id}`,
            mayHaveTakenEffect: `The request may have reached Code Ocean, so the data asset "${params.name}" may exist: look at the data assets in Code Ocean before capturing again.`,
            answerLimit: limits/* DATA_ASSET_ANSWER_LIMIT */.hc
        }, 
        // Creating twice would make two assets; like a start, repeat it only when refused.
        'start', call);
        return readDataAsset(data);
    }
    /** GET /data_assets/{id} */
    async get(id, call = {}) {
        const data = await this.transport.request({ method: 'GET', url: `data_assets/${(0,models_id/* idSegment */.fn)(id, 'data asset')}` }, { operation: `read data asset ${id}`, idHint: `data asset ${id}`, answerLimit: limits/* DATA_ASSET_ANSWER_LIMIT */.hc }, 'idempotent', call);
        return readDataAsset(data, id);
    }
}

;// CONCATENATED MODULE: ./src/codeocean/models/result-item.ts
/**
 * Reads a results listing: `{items: [...]}` as documented, or a bare list as some
 * servers send. Entries without a path are skipped; a missing size stays unknown.
 */
function readResultItems(data) {
    const items = Array.isArray(data) ? data : data?.items;
    if (!Array.isArray(items))
        return [];
    return items.flatMap((raw) => {
        const item = raw;
        if (typeof item?.path !== 'string')
            return [];
        const type = item.type === 'folder' ? 'folder' : 'file';
        const size = Number(item.size);
        return [
            {
                // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the API's name is a JSON scalar (text)
                name: String(item.name ?? item.path.split('/').pop()),
                path: item.path,
                type,
                size: Number.isFinite(size) ? size : undefined
            }
        ];
    });
}

;// CONCATENATED MODULE: ./src/codeocean/results.ts




/** A run's results: `/computations/{id}/results…`. */
class ResultsApi {
    transport;
    /** Which signed-URL endpoint the server has: `/results/urls`, or only the deprecated one. */
    urlEndpoint;
    /** Pending while the first signed-URL call finds that out. */
    urlProbe;
    constructor(transport) {
        this.transport = transport;
    }
    /** POST /computations/{id}/results: one folder of the results tree ('' is the top). */
    async list(id, path, call = {}) {
        const data = await this.transport.request({
            method: 'POST',
            url: `computations/${(0,models_id/* idSegment */.fn)(id, 'run')}/results`,
            data: { path },
            headers: { 'Content-Type': 'application/json' }
        }, {
            operation: `list the results of run ${id}${path ? ` in "${path}"` : ''}`,
            idHint: `run ${id}`,
            answerLimit: limits/* RESULTS_LISTING_ANSWER_LIMIT */.NC
        }, 'idempotent', call);
        return readResultItems(data);
    }
    /**
     * A fresh signed URL for one result file. Uses `/results/urls` (Code Ocean 4.0+)
     * and falls back, for good, to the deprecated `/results/download_url` when an older
     * server does not know it.
     */
    async fileUrl(id, path, call = {}) {
        const context = {
            operation: `get a download link for result "${path}" of run ${id}`,
            idHint: `result "${path}" of run ${id}`,
            answerLimit: limits/* DOWNLOAD_LINK_ANSWER_LIMIT */.zh
        };
        // The first call finds out which endpoint the server has; concurrent calls wait for it.
        while (this.urlProbe)
            await this.urlProbe;
        if (this.urlEndpoint !== 'legacy') {
            let probeDone = () => { };
            if (this.urlEndpoint === undefined)
                this.urlProbe = new Promise((resolve) => (probeDone = resolve));
            try {
                const data = await this.transport.request({ method: 'GET', url: `computations/${(0,models_id/* idSegment */.fn)(id, 'run')}/results/urls`, params: { path } }, context, 'idempotent', call);
                this.urlEndpoint = 'current';
                const url = data?.download_url;
                if (typeof url === 'string' && url)
                    return url;
                throw new Error(`Code Ocean sent no download_url for result "${path}"`);
            }
            catch (error) {
                if (!(error instanceof api_errors/* CodeOceanApiError */.ER && error.status === 404) || this.urlEndpoint === 'current')
                    throw error;
                this.urlEndpoint = 'legacy';
            }
            finally {
                this.urlProbe = undefined;
                probeDone();
            }
        }
        const data = await this.transport.request({ method: 'GET', url: `computations/${(0,models_id/* idSegment */.fn)(id, 'run')}/results/download_url`, params: { path } }, context, 'idempotent', call);
        const url = data?.url;
        if (typeof url === 'string' && url)
            return url;
        throw new Error(`Code Ocean sent no url for result "${path}"`);
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./node_modules/axios/lib/axios.js + 64 modules
var axios = __webpack_require__(107);
// EXTERNAL MODULE: ./node_modules/axios-retry/dist/esm/index.js
var esm = __webpack_require__(8405);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./node_modules/axios/index.js
var node_modules_axios = __webpack_require__(9159);
;// CONCATENATED MODULE: ./src/codeocean/attempt.ts


/**
 * One attempt: aborted by its own deadline or by the caller, whichever comes first.
 * axios's `timeout` only notices a socket that stays silent, so a server that sends a
 * byte now and then would hold a call open for ever; this deadline holds whatever the
 * server does, and each retry gets a fresh one.
 */
class Attempt {
    plan;
    expired = false;
    controller = new AbortController();
    timer;
    onCallerAbort = () => this.controller.abort();
    constructor(plan) {
        this.plan = plan;
        this.timer = setTimeout(() => {
            this.expired = true;
            this.controller.abort();
        }, plan.deadlineMs);
        if (plan.signal?.aborted)
            this.controller.abort();
        plan.signal?.addEventListener('abort', this.onCallerAbort, { once: true });
    }
    get signal() {
        return this.controller.signal;
    }
    end() {
        clearTimeout(this.timer);
        this.plan.signal?.removeEventListener('abort', this.onCallerAbort);
    }
    /** The error to report for a failed attempt: a deadline or a size limit gets a code of its own. */
    explain(error, config) {
        const answered = error instanceof node_modules_axios/* AxiosError */.pe && error.response !== undefined;
        if (this.expired && !answered && !this.plan.signal?.aborted) {
            // Reported as a timeout, not as a cancel: it may be retried, and the message says so.
            return new node_modules_axios/* AxiosError */.pe(`no answer within ${Math.round(this.plan.deadlineMs / 1000)} s`, 'ETIMEDOUT', config);
        }
        // axios's own words for an answer over maxContentLength (checked on the decompressed bytes).
        if (error instanceof node_modules_axios/* AxiosError */.pe && /^maxContentLength size of \d+ exceeded/.test(error.message)) {
            return new node_modules_axios/* AxiosError */.pe(error.message, limits/* ANSWER_TOO_LARGE */.QA, config);
        }
        return error;
    }
}
/**
 * Gives every attempt of a call its own deadline and answer limit. Installed before
 * axios-retry, so that retries see a deadline as a timeout and an oversized answer as
 * final, and so that a retry's back-off listens to the caller's cancel, not to the
 * spent deadline of the attempt before.
 */
function installAttempts(http) {
    http.interceptors.request.use((config) => {
        const plan = config.codeOceanAttempt;
        if (!plan)
            return config;
        const attempt = new Attempt(plan);
        config.codeOceanCurrent = attempt;
        config.signal = attempt.signal;
        config.maxContentLength = plan.maxBytes;
        // The deadline covers the whole attempt; axios's idle timeout would only repeat it.
        config.timeout = 0;
        return config;
    });
    http.interceptors.response.use((response) => {
        settle(response.config);
        return response;
    }, (error) => {
        const config = error?.config;
        const attempt = config && settle(config);
        throw attempt && config ? attempt.explain(error, config) : error;
    });
}
/** Ends the attempt of `config` and hands the call back to the caller's own signal. */
function settle(config) {
    const attempt = config.codeOceanCurrent;
    attempt?.end();
    config.codeOceanCurrent = undefined;
    config.signal = config.codeOceanAttempt?.signal;
    return attempt;
}

// EXTERNAL MODULE: ./src/codeocean/proxy.ts
var proxy = __webpack_require__(2197);
// EXTERNAL MODULE: ./src/codeocean/retry.ts
var codeocean_retry = __webpack_require__(9431);
;// CONCATENATED MODULE: ./src/codeocean/transport.ts














const DEFAULT_RETRIES = 5;
/**
 * The one place that talks HTTP to Code Ocean: authentication, timeouts, retries, and
 * turning every failure into a message for people, with the token scrubbed from it.
 * The resource classes (computations, results, data assets) build on it.
 */
class ApiTransport {
    options;
    http;
    agents;
    redact;
    timeoutMs;
    constructor(options) {
        this.options = options;
        this.timeoutMs = options.timeoutMs ?? limits/* DEFAULT_TIMEOUT_MS */.t1;
        // Keep-alive, as the official SDK does: polling reuses one connection. Proxies
        // (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, either case) are axios's own: it tunnels https
        // through CONNECT over these agents' TLS settings (see proxy.ts and the proxy e2e test).
        this.agents = {
            http: new (external_node_http_default()).Agent({ keepAlive: true }),
            https: new (external_node_https_default()).Agent({ keepAlive: true })
        };
        this.redact = (0,redact/* redactor */.$p)([options.token, (0,redact/* basicAuthValue */.yk)(options.token)]);
        this.http = axios/* default */.A.create({
            baseURL: `${options.apiBase}/`,
            auth: { username: options.token, password: '' },
            headers: { 'User-Agent': version/* USER_AGENT */._, Accept: 'application/json' },
            httpAgent: this.agents.http,
            httpsAgent: this.agents.https,
            // Every answer is read as text and judged here, so odd bodies never throw inside axios.
            responseType: 'text',
            transformResponse: [(data) => data],
            validateStatus: () => true,
            maxRedirects: 0
        });
        // Before the retries, so that they see what each attempt's deadline and size limit made of it.
        installAttempts(this.http);
        this.installRetries();
    }
    /**
     * Sends one call and returns its parsed body (JSON, else text). An error answer
     * becomes a CodeOceanApiError, a failure to get any answer a CodeOceanNetworkError.
     */
    async request(config, context, kind, call) {
        return (await this.answer(config, context, kind, call)).body;
    }
    /** As request(), with the server's clock as its answer told it (for times the server wrote). */
    async answer(config, context, kind, call) {
        const retry = { kind, operation: context.operation };
        const attempt = {
            signal: call.signal,
            deadlineMs: call.timeoutMs ?? this.timeoutMs,
            maxBytes: (context.answerLimit ?? limits/* RUN_ANSWER_LIMIT */.zx).bytes
        };
        const full = {
            ...config,
            signal: call.signal,
            codeOceanRetry: retry,
            codeOceanAttempt: attempt
        };
        if (call.retries !== undefined)
            full['axios-retry'] = { retries: call.retries };
        let response;
        try {
            response = await this.http.request(full);
        }
        catch (error) {
            if (axios/* default */.A.isAxiosError(error) && error.response) {
                // Retries ran out on a retryable status: report the last answer.
                response = error.response;
            }
            else {
                throw this.networkError(error, context, call);
            }
        }
        const body = (0,api_errors/* parseBody */.OG)(typeof response.data === 'string' ? response.data : '');
        if (response.status >= 200 && response.status < 300) {
            const serverDate = Date.parse(headerOf(response, 'date') ?? '');
            return { body, receivedAt: Date.now(), ...(Number.isNaN(serverDate) ? {} : { serverDate }) };
        }
        const error = new api_errors/* CodeOceanApiError */.ER(response.status, body, context);
        if (context.mayHaveTakenEffect && response.status >= 500) {
            error.message += `\n${context.mayHaveTakenEffect}`;
        }
        error.message = this.redact(error.message);
        throw error;
    }
    /** Frees pooled connections so the process can exit promptly. */
    close() {
        this.agents.http.destroy();
        this.agents.https.destroy();
    }
    installRetries() {
        const { options } = this;
        (0,esm/* default */.Ay)(this.http, {
            retries: options.retries ?? DEFAULT_RETRIES,
            shouldResetTimeout: true,
            // Answers other than overload and server errors are final, and judged in request().
            validateResponse: (response) => !codeocean_retry/* RETRYABLE_STATUSES */.U3.has(response.status),
            retryCondition: (error) => {
                const retry = retryConfigOf(error.config);
                return (0,codeocean_retry/* mayRetry */.KO)({ kind: retry?.kind ?? 'idempotent', status: error.response?.status, code: error.code });
            },
            retryDelay: (count, error) => (0,codeocean_retry/* retryDelayMs */.qO)(count, headerOf(error.response, 'retry-after')),
            onRetry: (count, error, config) => {
                const retry = retryConfigOf(config);
                const what = error.response ? `HTTP ${error.response.status}` : (error.code ?? 'a network error');
                const total = (config['axios-retry']?.retries ?? options.retries ?? DEFAULT_RETRIES) + 1;
                options.onRetry?.(`Code Ocean answered ${what} when trying to ${retry?.operation ?? 'call it'}; trying again (attempt ${count + 1} of ${total})`);
            }
        });
    }
    networkError(error, context, call) {
        const cancelled = call.signal?.aborted || (axios/* default */.A.isAxiosError(error) && error.code === 'ERR_CANCELED');
        // A cancelled call that may have created something must say so; any other is simply given up.
        if (cancelled && !context.mayHaveTakenEffect)
            return new errors/* RequestAbortedError */.$1();
        const code = cancelled ? 'ERR_CANCELED' : axios/* default */.A.isAxiosError(error) ? error.code : undefined;
        let message = code === 'ERR_CANCELED' || code === limits/* ANSWER_TOO_LARGE */.QA
            ? `Could not ${context.operation}: ${this.detailOf(error, code, context, call)} (Code Ocean at ${this.options.apiBase})`
            : (0,network_errors/* explainNetworkFailure */.eA)({
                operation: context.operation,
                code,
                text: error instanceof Error ? error.message : String(error),
                url: this.options.apiBase,
                timeoutMs: call.timeoutMs ?? this.timeoutMs,
                proxy: (0,proxy/* proxyFor */.i)(this.options.apiBase),
                lookedUp: lookedUpHost(error)
            });
        if (context.mayHaveTakenEffect && !(0,network_errors/* provesNothingSent */.vp)((0,network_errors/* classifyNetworkError */.LW)(code))) {
            message += `\n${context.mayHaveTakenEffect}`;
        }
        if (cancelled)
            return new api_errors/* CancelledCreateError */.Ym(this.redact(message));
        return new api_errors/* CodeOceanNetworkError */.OV(this.redact(message), code);
    }
    detailOf(error, code, context, call) {
        if (!axios/* default */.A.isAxiosError(error) && code === undefined)
            return String(error);
        switch (code) {
            case 'ERR_CANCELED':
                return 'the call was cancelled before Code Ocean answered';
            case 'ECONNABORTED':
            case 'ETIMEDOUT':
                return `no answer within ${Math.round((call.timeoutMs ?? this.timeoutMs) / 1000)} s`;
            case limits/* ANSWER_TOO_LARGE */.QA: {
                const limit = context.answerLimit ?? limits/* RUN_ANSWER_LIMIT */.zx;
                return (`Code Ocean's answer was larger than ${(0,limits/* describeLimit */.XW)(limit.bytes)}, the most the action reads for ${limit.what}; ` +
                    'it stopped reading there. No real answer is that large: check the `domain` input and any proxy in between');
            }
            default:
                return `${code ?? 'network error'}: ${error.message}`;
        }
    }
}
function retryConfigOf(config) {
    return config?.codeOceanRetry;
}
/** The host name a failed DNS lookup was for (Node puts it on the error axios wraps). */
function lookedUpHost(error) {
    const cause = axios/* default */.A.isAxiosError(error) ? error.cause : undefined;
    const hostname = cause?.hostname;
    return typeof hostname === 'string' ? hostname : undefined;
}
function headerOf(response, name) {
    const value = response?.headers?.[name];
    return typeof value === 'string' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/codeocean/client.ts







/**
 * Code Ocean's REST API, grouped by resource as its documentation is: runs, their
 * results, data assets, app panels. All share one connection pool, one token and one retry policy.
 */
class CodeOceanClient {
    computations;
    results;
    dataAssets;
    appPanels;
    /** Capsules and pipelines: Git sync and their lists of runs. */
    targets;
    transport;
    constructor(options) {
        this.transport = new ApiTransport(options);
        this.computations = new ComputationsApi(this.transport);
        this.results = new ResultsApi(this.transport);
        this.dataAssets = new DataAssetsApi(this.transport);
        this.appPanels = new AppPanelsApi(this.transport);
        this.targets = new TargetsApi(this.transport);
    }
    /** Frees pooled connections so the process can exit promptly. */
    close() {
        this.transport.close();
    }
}

// EXTERNAL MODULE: ./src/codeocean/models/run-request.ts
var run_request = __webpack_require__(4845);
;// CONCATENATED MODULE: ./src/lifecycle/start.ts










/** A client for the deployment the inputs name, whose retries are told in the log. */
function connect(settings, step) {
    lib_core/* debug */.Yz(`API base: ${settings.location.apiBase}; wait: ${settings.wait}; poll-interval: ${settings.pollInterval}; wait-timeout: ${settings.waitTimeoutMinutes} min`);
    return new CodeOceanClient({
        apiBase: settings.location.apiBase,
        token: settings.token,
        onRetry: (message) => lib_core/* info */.pq((0,untrusted/* inline */.mG)(step.redact(message)))
    });
}
/** The pre-flight check against the app panel, unless `check-parameters: false`. */
async function preflight(client, settings) {
    if (!settings.checkParameters) {
        lib_core/* info */.pq('Parameters not checked against the app panel (check-parameters: false).');
        return;
    }
    // Loaded only when it runs, so that a step that does not check never pays for it.
    const { checkBeforeStart } = await __webpack_require__.e(/* import() */ 824).then(__webpack_require__.bind(__webpack_require__, 5824));
    await checkBeforeStart(client, settings);
}
/**
 * Renames the run and returns it as it now is; a failure here must not fail a run
 * that has started, so it is only a warning.
 */
async function renameRun(client, run, name, version, step) {
    try {
        await client.computations.rename(run.id, name);
    }
    catch (error) {
        const release = releaseRefusalReason(error, run, version);
        lib_core/* warning */.$e(step.redact(`Could not name the run '${(0,untrusted/* inline */.mG)(name)}'; it keeps the name '${(0,untrusted/* inline */.mG)(run.name ?? run.id)}'. ${(0,errors/* errorMessage */.gJ)(error)}` +
            (release ? `\n${release}` : '')));
        return run;
    }
    const renamed = { ...run, name, raw: { ...run.raw, name } };
    step.outputs.setComputation(renamed);
    lib_core/* info */.pq(`Named the run '${(0,untrusted/* inline */.mG)(name)}'`);
    return renamed;
}
/**
 * How long a start may still take after a cancel. Cutting a start short at once could
 * leave a run nobody knows about, while an answer that comes in this time gives the
 * run's id, so the cancel can stop it. Waiting out the start's whole 30 s deadline
 * instead would outlast the runner's 10 s from SIGINT to SIGKILL, and a killed step
 * writes no summary and says nothing of the run; so after this grace the start is
 * given up, and the step says a run may have started, with time left to end well.
 */
const START_GRACE_AFTER_CANCEL_MS = 3_000;
/** A signal that aborts `graceMs` after `cancel` does. */
function graceAfter(cancel, graceMs) {
    const controller = new AbortController();
    let timer;
    const onCancel = () => {
        timer = setTimeout(() => controller.abort(), graceMs);
    };
    if (cancel.aborted)
        onCancel();
    else
        cancel.addEventListener('abort', onCancel, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            cancel.removeEventListener('abort', onCancel);
        }
    };
}
/** Sends the start; a cancel meanwhile gives it a short grace (see START_GRACE_AFTER_CANCEL_MS). */
async function sendStart(client, body, interrupter) {
    const grace = graceAfter(interrupter.signal, START_GRACE_AFTER_CANCEL_MS);
    try {
        return await client.computations.start(body, { signal: grace.signal });
    }
    finally {
        grace.dispose();
    }
}
/**
 * The run the start created: its answer, or, when the start failed after the request
 * went out, the one run Code Ocean lists with our request since just before the start
 * (see adopt.ts). Never sends the start again.
 */
async function startOrAdopt(client, settings, body, step, interrupter) {
    const sentAt = Date.now();
    try {
        try {
            return { run: await sendStart(client, body, interrupter), adopted: false };
        }
        catch (error) {
            if (interrupter.reason === 'cancel' || !mayHaveStartedRun(error))
                throw error;
            // Loaded only here, so that a start that answers never pays for it.
            const { findAdoptableRun } = await __webpack_require__.e(/* import() */ 724).then(__webpack_require__.bind(__webpack_require__, 7724));
            const failure = error;
            const target = settings.run.target;
            const run = await findAdoptableRun(client.targets, {
                request: body,
                target,
                sentAt,
                failure,
                signal: interrupter.signal,
                // The wait's estimate of the run's length reads these runs instead of listing them again.
                onListing: (runs) => (step.targetRuns = runs)
            });
            return { run, adopted: true };
        }
    }
    catch (error) {
        if (interrupter.reason === 'cancel') {
            (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
        }
        throw error;
    }
}
/**
 * Starts the run, reports it at once (outputs first: they must survive a failed or
 * cancelled wait), hands it to the post step's backstop, and names it.
 */
async function startRun(client, settings, step, interrupter) {
    const body = (0,run_request/* buildRunRequest */.b)(settings.run);
    step.summary.request = body;
    const { kind, id } = settings.run.target;
    lib_core/* startGroup */.Oh(`Starting ${kind} ${id} on ${settings.location.siteUrl}`);
    // Parameter values are outside text too (event text can reach them): one value per line, defused.
    for (const line of JSON.stringify(body, null, 2).split('\n'))
        lib_core/* info */.pq((0,untrusted/* inline */.mG)(line));
    lib_core/* endGroup */.N4();
    const answer = await startOrAdopt(client, settings, body, step, interrupter);
    let started = answer.run;
    step.outputs.setComputation(started);
    if (answer.adopted) {
        const line = `The start request failed, but Code Ocean had started run ${(0,describe/* describeRun */.v)(started)}; following it`;
        lib_core/* info */.pq(step.redact(line));
        step.summary.notes.push(line);
    }
    else {
        lib_core/* info */.pq(step.redact(`Started Code Ocean run ${(0,describe/* describeRun */.v)(started)} of ${kind} ${(0,untrusted/* inline */.mG)(id)}`));
    }
    if (settings.wait) {
        // From here the run is ours to look after: if this step dies, the post step stops it.
        watchRun(started.id, settings.stopOnCancel);
    }
    if (settings.runName && !interrupter.reason) {
        started = await renameRun(client, started, settings.runName, settings.run.version, step);
    }
    step.summary.computation = started;
    return started;
}
/** For `wait: false`: the step ends as soon as the run has started. */
function leaveRunning(step) {
    (0,lifecycle_step/* setStatus */.Lx)(step, 'started');
    lib_core/* info */.pq('Not waiting for the run to finish (wait: false).');
}

;// CONCATENATED MODULE: ./src/lifecycle/phases.ts
/**
 * The phases that talk to Code Ocean, in one place for main.ts to load once the
 * inputs are good: a step that stops at an input error never loads the API client,
 * axios, or anything after them.
 */






/***/ }),

/***/ 386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SD: () => (/* binding */ describeEstimate),
/* harmony export */   _Q: () => (/* binding */ assessRunLength),
/* harmony export */   wu: () => (/* binding */ STRETCHES)
/* harmony export */ });
/* unused harmony exports MAX_HISTORY, MIN_HISTORY, MAX_RELATIVE_SPREAD, estimateRunLength */
/** The stretches between neighbouring `tenthsMs`: each holds a tenth of the earlier ends. */
const STRETCHES = 10;
/** The most recent successful runs taken into account. */
const MAX_HISTORY = 20;
/** Fewer successful runs than this say too little. */
const MIN_HISTORY = 3;
/**
 * Lengths spread wider than this, relative to the typical length (from the 10th to the
 * 90th percentile), are "all over the place", for example a target whose runs take either
 * 10 minutes or 2 hours: no window would be likely, so the wait stays plain `auto`.
 */
const MAX_RELATIVE_SPREAD = 0.5;
function percentile(sorted, p) {
    const at = (sorted.length - 1) * p;
    const low = Math.floor(at);
    const high = Math.ceil(at);
    return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}
function succeeded(c) {
    return c.state === 'completed' && c.end_status === 'succeeded' && (c.exit_code ?? 0) === 0;
}
function versionOf(c) {
    const value = Number(c.raw.version);
    return Number.isInteger(value) && value > 0 ? value : undefined;
}
/** The runs an estimate can rest on: ended successfully, with a length; the most recent first. */
function usableRuns(history) {
    return history
        .filter((c) => succeeded(c) && c.run_time !== undefined && c.run_time > 0)
        .sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
}
/**
 * The estimate, or why there is none: too few successful runs, or lengths all over the
 * place. Prefers runs of the same release `version` when there are enough of them; takes
 * the most recent ones.
 */
function assessRunLength(history, version) {
    if (history.length === 0)
        return { why: 'there are no earlier runs' };
    const usable = usableRuns(history);
    const sameVersion = version === undefined ? [] : usable.filter((c) => versionOf(c) === version);
    const chosen = (sameVersion.length >= MIN_HISTORY ? sameVersion : usable).slice(0, MAX_HISTORY);
    if (chosen.length < MIN_HISTORY) {
        return {
            why: `too few earlier runs succeeded (${usable.length} of ${history.length}; at least ${MIN_HISTORY} needed)`
        };
    }
    const lengths = chosen.map((c) => (c.run_time ?? 0) * 1000).sort((a, b) => a - b);
    const typicalMs = percentile(lengths, 0.5);
    const p10 = percentile(lengths, 0.1);
    const p90 = percentile(lengths, 0.9);
    if ((p90 - p10) / typicalMs > MAX_RELATIVE_SPREAD) {
        return { why: `the lengths of the ${chosen.length} earlier successful runs are too spread out` };
    }
    return {
        estimate: {
            typicalMs,
            tenthsMs: Array.from({ length: STRETCHES + 1 }, (_, i) => percentile(lengths, i / STRETCHES)),
            shortestMs: lengths[0],
            longestMs: lengths[lengths.length - 1],
            runs: chosen.length
        }
    };
}
/** The estimate, or undefined when the history is of no use (see assessRunLength). */
function estimateRunLength(history, version) {
    return assessRunLength(history, version).estimate;
}
/** A length in the unit that reads best: seconds up to 2 min, then whole minutes. */
function rounded(ms) {
    return ms >= 120_000 ? { value: Math.round(ms / 60_000), unit: 'min' } : { value: Math.round(ms / 1000), unit: 's' };
}
function say(ms) {
    const { value, unit } = rounded(ms);
    return `${value} ${unit}`;
}
/** "57–63 min" or "90 s–3 min"; undefined when both ends round alike. */
function range(fromMs, untilMs, joiner) {
    const [from, until] = [rounded(fromMs), rounded(untilMs)];
    if (from.unit !== until.unit)
        return `${say(fromMs)}${joiner}${say(untilMs)}`;
    return from.value === until.value ? undefined : `${from.value}${joiner}${until.value} ${until.unit}`;
}
/** "every 5 s" or "every 8–20 s", in whole seconds. */
function every(minSpacingMs, maxSpacingMs) {
    const [least, most] = [Math.round(minSpacingMs / 1000), Math.round(maxSpacingMs / 1000)];
    return least === most ? `every ${least} s` : `every ${least}–${most} s`;
}
/**
 * The one log line that says what the estimate is and what the wait will do with it,
 * e.g. "Earlier runs took 57–63 min (typically 60 min, from 8 runs); checking every
 * 7–12 s from 57 to 63 min".
 */
function describeEstimate(estimate, window) {
    const took = range(estimate.shortestMs, estimate.longestMs, '–');
    const checks = range(window.fromMs, window.untilMs, ' to ');
    return (`Earlier runs took ${took === undefined ? `about ${say(estimate.typicalMs)}` : took} ` +
        `(typically ${say(estimate.typicalMs)}, from ${estimate.runs} runs); ` +
        `checking ${every(window.minSpacingMs, window.maxSpacingMs)} ` +
        (checks === undefined ? `around ${say(window.fromMs)}` : `from ${checks}`));
}


/***/ }),

/***/ 9325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ judge)
/* harmony export */ });
/* harmony import */ var _report_describe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(313);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);


/**
 * Judges a finished run. `completed` alone is not success: Code Ocean also reports
 * completed runs whose end status is failed or stopped, and completed/succeeded runs
 * with a non-zero exit code.
 */
function judge(c) {
    const facts = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(`state ${c.state || 'unknown'}, end status ${c.end_status ?? 'none'}, ` + `exit code ${c.exit_code ?? 'none'}`);
    const ok = c.state === 'completed' && c.end_status === 'succeeded' && (c.exit_code === undefined || c.exit_code === 0);
    if (ok) {
        return { status: 'succeeded', succeeded: true, message: `Code Ocean run ${(0,_report_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRun */ .v)(c)} succeeded (${facts})` };
    }
    const status = c.end_status === 'stopped' ? 'stopped' : 'failed';
    const verb = status === 'stopped' ? 'was stopped' : 'failed';
    return { status, succeeded: false, message: `Code Ocean run ${(0,_report_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRun */ .v)(c)} ${verb}: ${facts}` };
}


/***/ }),

/***/ 955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ waitForCompletion),
/* harmony export */   Gc: () => (/* binding */ nextPollDelayMs),
/* harmony export */   c2: () => (/* binding */ runBeganAt),
/* harmony export */   wA: () => (/* binding */ likelyEndWindow)
/* harmony export */ });
/* unused harmony exports MAX_AUTO_POLL_SECONDS, OUTAGE_LIMIT_MS, isTransientFailure, CHECK_WORTH_MS, APPROACH, OVERDUE */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _codeocean_api_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9577);
/* harmony import */ var _codeocean_models_computation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6635);
/* harmony import */ var _codeocean_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9431);
/* harmony import */ var _codeocean_rules_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3346);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6264);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(873);
/* harmony import */ var _run_length_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(386);









/** Upper bound of the `auto` poll interval. */
const MAX_AUTO_POLL_SECONDS = 60;
/**
 * How long status checks may keep failing (after each one's own retries) before the
 * step gives up: long enough to ride out a deployment or a network blip.
 */
const OUTAGE_LIMIT_MS = 10 * 60_000;
/**
 * Failures worth waiting out: no answer, overload or server errors, an unreadable
 * answer. A 401, 403 or 404 will not get better by waiting.
 */
function isTransientFailure(error) {
    if (error instanceof _codeocean_api_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CodeOceanApiError */ .ER)
        return _codeocean_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .RETRYABLE_STATUSES */ .U3.has(error.status);
    if (error instanceof _codeocean_models_computation_js__WEBPACK_IMPORTED_MODULE_2__/* .UnreadableAnswerError */ .mP)
        return true;
    return error instanceof _codeocean_api_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CodeOceanNetworkError */ .OV;
}
/**
 * What one status check is worth, in lateness. Between two neighbouring tenths of the
 * earlier lengths (a stretch `w` long that holds a tenth of the likely ends), checking
 * every `s` costs `w / s` checks and leaves an end there `s / 2` late on average; that
 * lateness plus this price per check is least at `s = √(2 × CHECK_WORTH_MS × 10 w)`. So
 * checks are dense where earlier runs ended close together and sparser where they spread
 * out, and a spread four times as wide gets twice the spacing, not four times. Tuned in
 * `npm run bench -- predictive`: a 1 h run with a tight history is noticed within 10 s on
 * average for at most 15% of the checks of a fixed 5 s, whether it ends near the typical
 * length or anywhere in the history's spread. (Checking every 5 s through the middle
 * third of the spread, within the same budget, left nothing for its edges: an end just
 * before that third was noticed up to a minute late.)
 */
const CHECK_WORTH_MS = 180;
/** Before the window, a sleep covers at most this share of the distance to it. */
const APPROACH = 0.5;
/** After the window, a sleep lasts at most this share of the time since it closed. */
const OVERDUE = 0.1;
const MIN_POLL_MS = _codeocean_rules_js__WEBPACK_IMPORTED_MODULE_6__/* .MIN_POLL_SECONDS */ .Rj * 1000;
function autoDelayMs(elapsedMs) {
    const seconds = Math.min(MAX_AUTO_POLL_SECONDS, Math.max(_codeocean_rules_js__WEBPACK_IMPORTED_MODULE_6__/* .MIN_POLL_SECONDS */ .Rj, (elapsedMs / 1000) * 0.1));
    return Math.round(seconds * 1000);
}
/**
 * The spacing of checks through a stretch between two neighbouring tenths, starting at
 * `atMs`: never below the 5 s minimum, never sparser than plain auto.
 */
function spacingMs(stretchMs, atMs) {
    const best = Math.sqrt(2 * CHECK_WORTH_MS * _run_length_js__WEBPACK_IMPORTED_MODULE_7__/* .STRETCHES */ .wu * stretchMs);
    return Math.round(Math.max(MIN_POLL_MS, Math.min(autoDelayMs(atMs), best)));
}
/** The spacing of each stretch an end can fall in (none for tenths that coincide). */
function spacings(tenths) {
    return tenths.slice(1).flatMap((t, i) => (t > tenths[i] ? [spacingMs(t - tenths[i], tenths[i])] : []));
}
/**
 * When the end is likely, for the log: from the shortest to the longest earlier run,
 * checking at most and at least this often in between.
 */
function likelyEndWindow(estimate) {
    const tenths = estimate.tenthsMs;
    const all = spacings(tenths);
    return {
        fromMs: tenths[0],
        untilMs: tenths[tenths.length - 1],
        minSpacingMs: all.length > 0 ? Math.min(...all) : MIN_POLL_MS,
        maxSpacingMs: all.length > 0 ? Math.max(...all) : MIN_POLL_MS
    };
}
/**
 * Milliseconds to wait before the next status check.
 *
 * `auto` checks every 5 s at first and then every tenth of the run's age, up to
 * 60 s: a run that ends is noticed within 10% of its age (never more than a
 * minute late), while a run of hours costs a small fraction of the requests a
 * fixed 5 s interval would make. With an estimate from earlier runs, it checks
 * that sparsely until the shortest earlier run's length, then as densely as the
 * earlier runs' ends lie (see CHECK_WORTH_MS) until the longest one's, and more
 * sparsely again after it: the end is noticed within seconds, for a few more
 * requests than plain `auto`.
 */
function nextPollDelayMs(interval, elapsedMs, estimate) {
    if (interval !== 'auto')
        return interval * 1000;
    const auto = autoDelayMs(elapsedMs);
    if (!estimate)
        return auto;
    const tenths = estimate.tenthsMs;
    const [fromMs, untilMs] = [tenths[0], tenths[tenths.length - 1]];
    if (elapsedMs < fromMs) {
        // Checks close in on the window, each sleep covering a share of the distance to it,
        // so an end just before it is still noticed soon; but no faster than the checks
        // inside it will be, which would spend requests where the end is least likely.
        const inside = spacingMs(tenths[1] - tenths[0], fromMs);
        return Math.round(Math.min(auto, Math.max(inside, (fromMs - elapsedMs) * APPROACH)));
    }
    if (elapsedMs >= untilMs) {
        // Longer than every earlier run: overdue, likely to end any moment, so checks
        // start at the 5 s minimum and thin out gradually back to plain auto.
        return Math.round(Math.max(MIN_POLL_MS, Math.min(auto, (elapsedMs - untilMs) * OVERDUE)));
    }
    const stretch = tenths.findLastIndex((t) => t <= elapsedMs);
    return spacingMs(tenths[stretch + 1] - tenths[stretch], elapsedMs);
}
/**
 * When a run began, from its `created` time (unix seconds), for a run found rather than
 * started: one started an hour ago is polled as an hour-old run. Undefined when the
 * server gave no usable time (some examples send 0), or one ahead of this clock, where
 * the age would be nonsense; then the age counts from the start of the wait.
 */
function runBeganAt(run, now = Date.now()) {
    if (run.created === undefined || !(run.created > 0))
        return undefined;
    const ms = run.created * 1000;
    return ms <= now ? ms : undefined;
}
/**
 * Polls the run until it is `completed` or `failed`. Logs each state once, with the
 * time since the wait began, rather than a line per check; an unknown state is
 * reported once and waited out, since newer servers may add states.
 */
async function waitForCompletion(source, started, options) {
    const now = options.now ?? Date.now;
    const signal = options.signal;
    const sleep = options.sleep ?? ((ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal }));
    const begin = now();
    const ageFrom = options.startedAt ?? begin;
    const warnedStates = new Set();
    let current = started;
    let lastState;
    const observe = (c) => {
        options.onUpdate?.(c);
        if (c.state === lastState)
            return;
        lastState = c.state;
        options.log(`Run is ${c.state || '(no state)'} (after ${(0,_format_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(now() - begin)})`);
        if (!(0,_codeocean_models_computation_js__WEBPACK_IMPORTED_MODULE_2__/* .isKnownState */ .Ht)(c.state) && !warnedStates.has(c.state)) {
            warnedStates.add(c.state);
            options.warn(`Code Ocean reported a state the action does not know, '${c.state}'; it keeps waiting for 'completed' or 'failed'.`);
        }
    };
    let estimate = options.estimate;
    options.estimateLater?.then((later) => (estimate ??= later), () => undefined);
    observe(current);
    let failingSince;
    while (!(0,_codeocean_models_computation_js__WEBPACK_IMPORTED_MODULE_2__/* .isTerminal */ .Hd)(current.state)) {
        try {
            await sleep(nextPollDelayMs(options.interval, now() - ageFrom, estimate));
            signal?.throwIfAborted();
            current = await source.get(current.id, { signal });
        }
        catch (error) {
            if (signal?.aborted || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RequestAbortedError */ .$1)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RequestAbortedError */ .$1();
            if (!isTransientFailure(error))
                throw error;
            const firstFailure = failingSince === undefined;
            failingSince ??= now();
            const failingFor = now() - failingSince;
            if (failingFor >= OUTAGE_LIMIT_MS) {
                throw new Error(`Could not check run ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_5__/* .inline */ .mG)(current.id)} for ${(0,_format_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(failingFor)}; giving up waiting. ` +
                    `The run may still be going in Code Ocean. Last error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`, { cause: error });
            }
            // One warning per outage, not one per failed check.
            if (firstFailure) {
                options.warn(`Could not check the run (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error).split('\n')[0]}); ` +
                    `the action keeps trying for up to ${(0,_format_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(OUTAGE_LIMIT_MS)} of failures.`);
            }
            continue;
        }
        if (failingSince !== undefined) {
            options.log(`Reached Code Ocean again after ${(0,_format_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(now() - failingSince)} of failed checks`);
            failingSince = undefined;
        }
        observe(current);
    }
    return current;
}


/***/ }),

/***/ 313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ describeRun)
/* harmony export */ });
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(873);

/**
 * A run as people recognise it: `'nightly' (9af23fd6-…)`, or the bare id when it has no
 * name. One line whatever the server named it: the name is outside text (see untrusted.ts).
 */
function describeRun(c) {
    return c.name ? `'${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(c.name)}' (${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(c.id)})` : (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(c.id);
}


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ printUntrusted),
/* harmony export */   mG: () => (/* binding */ inline)
/* harmony export */ });
/* unused harmony export freshStopToken */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Text from outside (Code Ocean's answers, the run's console log, event text in a
 * `run-name`) reaches the log as data, never as a workflow command. The runner reads
 * every stdout line that starts with `::` as a command, and every line holding the
 * legacy `##[name]` form anywhere. @actions/core escapes `%`, `\r` and `\n` in the
 * messages of its own commands (`core.error`, `core.setFailed`, `core.warning`), which
 * keeps each one command; it leaves other control characters, the Unicode line
 * separators and `##[` as they are, and `core.info` writes its text with no escaping
 * at all. So every value from outside goes through `inline`, wherever it is printed.
 */
/** Line breaks: what ends a line for the runner (`\r`, `\n`) or for a reader (NEL, LS, PS). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Control characters other than tab (C0, DEL, C1), which can hide or redraw text in the log. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** A zero-width space: splits a sequence the runner would act on, without changing what people read. */
const ZWSP = '\u200b';
/** Defuses the legacy command form `##[`, which the runner looks for anywhere in a line. */
function defuseLegacy(text) {
    return text.replaceAll('##[', `#${ZWSP}#[`);
}
/**
 * One value from outside, fit to stand inside a log line or an annotation: line
 * breaks become `⏎`, other control characters `�`, legacy `##[` is split, and a
 * leading `::` too, so the value can neither start a line of its own nor be one.
 */
function inline(text) {
    const flat = defuseLegacy(text.replace(LINE_BREAKS, '⏎').replace(CONTROLS, '\uFFFD'));
    return flat.replace(/^(\s*)::/, `$1:${ZWSP}:`);
}
/** A token nobody can guess or have printed before: ends a `::stop-commands::` block. */
function freshStopToken() {
    return `codeocean-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')}`;
}
/**
 * Prints lines from outside as GitHub documents for untrusted output: between
 * `::stop-commands::<token>` and `::<token>::`, with a fresh random token, so the
 * runner acts on no command inside. The block is closed however printing ends.
 */
function printUntrusted(lines, write) {
    const token = freshStopToken();
    write(`::stop-commands::${token}`);
    try {
        // Legacy `##[` would still style a line in the log viewer: defused here too.
        for (const line of lines)
            write(defuseLegacy(line));
    }
    finally {
        write(`::${token}::`);
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export ACTION_VERSION */
/** Sent in the User-Agent header; kept equal to package.json's version by a test. */
const ACTION_VERSION = '0.1.0';
const USER_AGENT = `codeocean-run-action/${ACTION_VERSION}`;


/***/ })

};

//# sourceMappingURL=214.index.js.map