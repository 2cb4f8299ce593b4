export const id = 200;
export const ids = [200,916,670];
export const modules = {

/***/ 2410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ VALUE_CHARS),
/* harmony export */   Ax: () => (/* binding */ joinCapped),
/* harmony export */   P1: () => (/* binding */ capItems),
/* harmony export */   v: () => (/* binding */ andMore),
/* harmony export */   yA: () => (/* binding */ capText)
/* harmony export */ });
/**
 * How much of an outside value, and of a list, people are shown. A run name, a parameter
 * value, a result path or a list of allowed values can be as long as the server or an
 * event makes it; every message, the job summary and the pull request comment show a
 * readable part and say how much more there was, so each stays within what GitHub
 * accepts (1 MiB for a step summary, 65,536 characters for a comment). The full values
 * stay where they belong: in the outputs and in Code Ocean.
 */
/** The most characters of one outside value that a message, the summary or the comment shows. */
const VALUE_CHARS = 300;
/** The most items of a list from outside (allowed values, candidates) that a message shows. */
const LIST_ITEMS = 10;
/** A count for people: `4,990`. */
function count(n) {
    return n.toLocaleString('en-US');
}
/**
 * `value`, cut to `max` characters when longer, with how many more there were:
 * `abc… (397,000 more characters)`. Never splits a surrogate pair. For an excerpt of a
 * value only partly read, whose length is not known, preview.ts has clip.
 */
function capText(value, max = VALUE_CHARS) {
    if (value.length <= max)
        return value;
    const last = value.charCodeAt(max - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
    return `${value.slice(0, end)}… (${count(value.length - end)} more characters)`;
}
/** The first `max` items and how many were left out, for a list that says "and N more" its own way (a table). */
function capItems(items, max) {
    return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
/**
 * Items for a message, at most `max` of them, then how many more: `a, b, c and 4,990
 * more`. Each item is shown as given: cap and defuse outside text before (capText, inline).
 */
function joinCapped(items, max = LIST_ITEMS, separator = ', ') {
    const { shown, more } = capItems(items, max);
    return more === 0 ? shown.join(separator) : `${shown.join(separator)} and ${count(more)} more`;
}
/** "and 12 more files", for a list or a table cut by capItems. */
function andMore(more, noun) {
    return `…and ${count(more)} more ${noun}.`;
}


/***/ }),

/***/ 9991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ parseBody),
/* harmony export */   cU: () => (/* binding */ explainApiError),
/* harmony export */   x_: () => (/* binding */ serverMessage)
/* harmony export */ });
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(873);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(113);


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
    return (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(serverWords(body));
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
            return `an HTML page: "${(0,_preview_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(text, 200)}"`;
        }
        return (0,_preview_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(start.trim(), MAX_MESSAGE);
    }
    if (typeof body === 'object' && !Array.isArray(body)) {
        const { message } = body;
        if (typeof message === 'string' && message !== '') {
            const rest = firstFields(body, 'message');
            const extra = Object.keys(rest).length > 0 ? ` ${(0,_preview_js__WEBPACK_IMPORTED_MODULE_1__/* .preview */ .VH)(rest, 300)}` : '';
            return (0,_preview_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(message, MAX_MESSAGE) + extra;
        }
    }
    return (0,_preview_js__WEBPACK_IMPORTED_MODULE_1__/* .preview */ .VH)(body, MAX_MESSAGE);
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


/***/ }),

/***/ 3242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ CodeOceanApiError),
/* harmony export */   OV: () => (/* binding */ CodeOceanNetworkError),
/* harmony export */   Ym: () => (/* binding */ CancelledCreateError),
/* harmony export */   id: () => (/* binding */ NotAnIdError),
/* harmony export */   mP: () => (/* binding */ UnreadableAnswerError),
/* harmony export */   wx: () => (/* binding */ UnreadableStartError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);
/* harmony import */ var _api_error_messages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9991);
/**
 * Every error the API client throws for the layers above to tell apart: an error
 * answer, no usable answer, a cancel that may have created something, and answers
 * that cannot be read. What they say is worked out in api-error-messages.ts and
 * network-failures.ts; the cancel they build on is src/errors.ts's RequestAbortedError.
 */



/** An error answer from Code Ocean, with a message ready for the user. */
class CodeOceanApiError extends Error {
    status;
    body;
    constructor(status, body, context) {
        super((0,_api_error_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .explainApiError */ .cU)(status, body, context));
        this.status = status;
        this.body = body;
        this.name = 'CodeOceanApiError';
    }
}
/**
 * A cancelled call that may have created something (a run, a data asset): a cancel
 * like any other, whose message says what may now exist.
 */
class CancelledCreateError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__.RequestAbortedError {
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
/** Code Ocean said yes to a start, but its answer is not a run that can be read. */
class UnreadableStartError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'UnreadableStartError';
    }
}
/** Code Ocean answered 2xx with something that is not a computation (an HTML page, say). */
class UnreadableAnswerError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnreadableAnswerError';
    }
}
/** Code Ocean sent something as an id that cannot be one; nothing is sent with it. */
class NotAnIdError extends Error {
    constructor(what, id, problem) {
        super(`Code Ocean answered with a ${what} id that is not an id ("${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(id).slice(0, 100)}": ${problem}); ` +
            'the action sends no request with it. Ids look like 9af23fd6-1f7c-4d8a-a4a7-3a3f8c0e9d21.');
        this.name = 'NotAnIdError';
    }
}


/***/ }),

/***/ 8543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fn: () => (/* binding */ idSegment),
/* harmony export */   ij: () => (/* binding */ checkId),
/* harmony export */   lx: () => (/* binding */ idProblem)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3242);

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
/** Returns `id` when it looks like an id; throws NotAnIdError otherwise. */
function checkId(id, what) {
    const problem = idProblem(id);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotAnIdError */ .id(what, id, problem);
    return id;
}
/** An id as one URL path segment: checked, then encoded. */
function idSegment(id, what) {
    return encodeURIComponent(checkId(id, what));
}


/***/ }),

/***/ 4845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ buildRunRequest)
/* harmony export */ });
/** Builds the request body for a run. Pure: the same spec always gives the same body. */
function buildRunRequest(spec) {
    const body = spec.target.kind === 'pipeline' ? { pipeline_id: spec.target.id } : { capsule_id: spec.target.id };
    if (spec.version !== undefined)
        body.version = spec.version;
    if (spec.resumeRunId)
        body.resume_run_id = spec.resumeRunId;
    if (spec.dataAssets?.length)
        body.data_assets = spec.dataAssets;
    if (spec.parameters?.length)
        body.parameters = spec.parameters;
    if (spec.namedParameters?.length)
        body.named_parameters = spec.namedParameters;
    if (spec.processes?.length)
        body.processes = spec.processes;
    if (spec.nextflowProfile)
        body.nextflow_profile = spec.nextflowProfile;
    return body;
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
/**
 * `text` cut to `max` characters, marked with an ellipsis when cut. Not capText
 * (caps.ts), which says how many characters more there were: preview stops walking an
 * answer once it has `max` characters, so the rest is never counted, and a count would
 * be wrong.
 */
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

/***/ 3346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rj: () => (/* binding */ MIN_POLL_SECONDS),
/* harmony export */   sg: () => (/* binding */ STOP_MEANS_DELETE),
/* harmony export */   uA: () => (/* binding */ RELEASE_RUNS_ADMIN_ONLY),
/* harmony export */   wc: () => (/* binding */ RELEASE_OWNER)
/* harmony export */ });
/** Rules of Code Ocean's API that the action's behaviour follows. */
/** Code Ocean's Python SDK refuses to poll more often than this. */
const MIN_POLL_SECONDS = 5;
/** Said wherever a run is stopped, because users do not expect it. */
const STOP_MEANS_DELETE = 'in Code Ocean, stopping a run deletes it and its results';
/** Whose runs only admins may rename or stop: Code Ocean owns runs of a release version as `release`. */
const RELEASE_OWNER = 'release';
/** Said when renaming or stopping a run of a release version is refused (HTTP 403). */
const RELEASE_RUNS_ADMIN_ONLY = 'Runs of a release version are owned by `release` in Code Ocean, and only admins may rename or delete (stop) them.';


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RequestAbortedError: () => (/* binding */ RequestAbortedError),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * The errors every layer shares: the message of anything thrown, and the cancel. Each
 * layer keeps its own error classes in one module beside it: codeocean/errors.ts,
 * inputs/errors.ts, results/errors.ts, lifecycle/errors.ts.
 */
/** Turns anything thrown into a message fit for the log. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** A call was given up because the step is being cancelled or has timed out. */
class RequestAbortedError extends Error {
    constructor() {
        super('request aborted');
        this.name = 'RequestAbortedError';
    }
}


/***/ }),

/***/ 6264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   sO: () => (/* binding */ DAY_MS),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** A day in milliseconds, for limits counted in days (settle-max-age, the longest timer). */
const DAY_MS = 24 * 60 * 60 * 1000;
/** Sizes for people: `0 B`, `1.5 KiB`, `256.0 MiB`. */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
/** Durations for people: `45s`, `2m 05s`, `1h 02m 09s`. */
function formatDuration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n) => String(n).padStart(2, '0');
    if (h > 0)
        return `${h}h ${pad(m)}m ${pad(s)}s`;
    if (m > 0)
        return `${m}m ${pad(s)}s`;
    return `${s}s`;
}


/***/ }),

/***/ 5245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ resolveApiLocation)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1318);

const EXAMPLE = 'domain: codeocean.example.com';
/** Hosts for which plain http is acceptable: traffic never leaves the machine. */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
/**
 * Refuses `https:/host`, `https:host` and the like: a scheme not followed by `//`. Left
 * alone, the URL parser would read the scheme's name as the host. `host:8443` is a port.
 */
function checkSchemeShape(input, text) {
    const scheme = /^([a-z][a-z0-9+.-]*):(?!\/\/)(.*)$/i.exec(text);
    if (!scheme || /^\d+(\/|$)/.test(scheme[2]))
        return;
    const rest = scheme[2].replace(/^[\\/]+/, '');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `"${text}" has a malformed scheme: "${scheme[1]}:" must be followed by "//"`, `domain: ${/^https?$/i.test(scheme[1]) ? scheme[1].toLowerCase() : 'https'}://${rest || 'codeocean.example.com'}`);
}
/** Pages of Code Ocean's web app, whose addresses users copy from the browser. */
const APP_PAGE = /\/(capsule|capsules|pipeline|pipelines|data-assets?|data_assets?|datasets?|computations?)(\/|$)/i;
/** Refuses the address of a page in Code Ocean's web app (a capsule, a pipeline, a data asset). */
function checkNotAPageAddress(input, url) {
    const page = APP_PAGE.exec(url.pathname);
    if (!page)
        return;
    const prefix = url.pathname.slice(0, page.index).replace(/\/+$/, '');
    const site = `${url.protocol}//${url.host}${prefix}`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `"${url.href}" is the address of a page in Code Ocean, not of the deployment; give the deployment's address only (the ids go in 'capsule-id' or 'pipeline-id')`, `domain: ${site}`);
}
/**
 * Turns `host`, `host:port` or a URL (with optional path prefix) into the API base URL.
 * https is assumed; http is allowed for loopback only, since the token travels in
 * every request's Authorization header.
 */
function resolveApiLocation(input, raw) {
    const text = raw.trim();
    if (text === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, 'is empty', EXAMPLE);
    }
    checkSchemeShape(input, text);
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
    let url;
    try {
        url = new URL(hasScheme ? text : `https://${text}`);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `"${text}" is not a host name or URL`, EXAMPLE);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `scheme "${url.protocol.slice(0, -1)}" is not supported; use https`, EXAMPLE);
    }
    if (url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, 'must not contain a user name or password; give the token in the `secret` input', EXAMPLE);
    }
    if (url.search || text.includes('?')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, 'must not contain a query string (?...)', EXAMPLE);
    }
    if (url.hash || text.includes('#')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, 'must not contain a fragment (#...)', EXAMPLE);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `http would send the API token in clear text to ${url.host}; use https (http is accepted only for localhost)`, 'domain: https://codeocean.example.com');
    }
    checkNotAPageAddress(input, url);
    // Users paste the API base itself, sometimes more than once, or with trailing slashes.
    let path = url.pathname.replace(/\/+$/, '');
    while (/\/api\/v1$/i.test(path)) {
        path = path.replace(/\/api\/v1$/i, '').replace(/\/+$/, '');
    }
    const siteUrl = `${url.protocol}//${url.host}${path}`;
    return { siteUrl, apiBase: `${siteUrl}/api/v1` };
}


/***/ }),

/***/ 3664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ readDownloadSettings)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6455);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8463);


/**
 * The default `results-timeout`, as action.yml declares it: an hour is 3.6 GB at 1 MB/s,
 * the slowest transfer rate the download accepts, and more than a hosted runner's
 * disk holds at a few MB/s; a server that stalls every request just inside its
 * deadline holds the job no longer than that.
 */
const DEFAULT_RESULTS_TIMEOUT_MINUTES = 60;
/** `download-results`, `results-filter` and `results-timeout`, for a run's step and a settle step alike. */
function readDownloadSettings(problems, env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const downloadFolder = problems.check(_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.DownloadResults, (raw) => (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDownloadFolder */ .oJ)(_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.DownloadResults, raw, workspace));
    const resultsFilter = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(problems.read(_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ResultsFilter), false);
    const resultsTimeoutMinutes = problems.check(_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ResultsTimeout, (raw) => (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseResultsTimeout */ .hS)(_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ResultsTimeout, raw)) ??
        DEFAULT_RESULTS_TIMEOUT_MINUTES;
    if (resultsFilter.length > 0 && !downloadFolder) {
        problems.add(_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ResultsFilter, `only applies to downloads; set 'download-results' to a folder too`, `${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.DownloadResults}: results`);
    }
    return { downloadFolder, resultsFilter, resultsTimeoutMinutes };
}


/***/ }),

/***/ 1318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** Problems with the inputs: raised, and reported, before anything is sent to Code Ocean. */
const EXAMPLE_INDENT = '  Example: ';
/** A problem with what the workflow gave the action; raised before anything is sent. */
class InputError extends Error {
    input;
    constructor(input, problem, example) {
        // A multi-line example (YAML) keeps its shape, lined up under its first line.
        const shown = example?.replace(/\n/g, `\n${' '.repeat(EXAMPLE_INDENT.length)}`);
        super(`Input '${input}': ${problem}` + (shown ? `\n${EXAMPLE_INDENT}${shown}` : ''));
        this.input = input;
        this.name = 'InputError';
    }
}
/** Several input problems at once, so a user fixes them in one go. */
class InputErrors extends Error {
    problems;
    constructor(problems, redact = (text) => text) {
        super(redact(problems.length === 1
            ? problems[0].message
            : `${problems.length} inputs need fixing:\n${problems.map((p) => `- ${p.message.replace(/\n/g, '\n  ')}`).join('\n')}`));
        this.problems = problems;
        this.name = 'InputErrors';
    }
}


/***/ }),

/***/ 3915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ nearestTypo)
/* harmony export */ });
/* harmony import */ var fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1916);

/**
 * The candidate nearest to `name`, when it is near enough to be what a typo meant: at most
 * 2 edits away, or a third of the candidate's length. Exact comparison; callers fold case
 * or spelling first.
 */
function nearestTypo(name, candidates) {
    if (candidates.length === 0)
        return undefined;
    const best = (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .closest */ .kp)(name, [...candidates]);
    return (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .distance */ .Io)(name, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}


/***/ }),

/***/ 8925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ Problems)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1318);

/**
 * Reads inputs through their parsers and collects every InputError instead of
 * stopping at the first, so that one run of the step reports all of them.
 */
class Problems {
    read;
    list = [];
    /** What the reading took the liberty of reading differently from how it was written, to say in the log. */
    notes = [];
    constructor(read) {
        this.read = read;
    }
    /** Parses a non-empty input; undefined when it is empty or wrong (the problem is kept). */
    check(name, parse) {
        const raw = this.read(name);
        if (raw === '')
            return undefined;
        return this.attempt(() => parse(raw));
    }
    /** Runs a parser, keeping its InputError. */
    attempt(parse) {
        try {
            return parse();
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d)
                this.list.push(error);
            else
                throw error;
            return undefined;
        }
    }
    note(text) {
        this.notes.push(text);
    }
    add(input, problem, example) {
        this.list.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, problem, example));
    }
}


/***/ }),

/***/ 9854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pm: () => (/* binding */ SETTLE_WORKFLOW_EXAMPLE),
/* harmony export */   Vf: () => (/* binding */ runningWorkflowFile),
/* harmony export */   eV: () => (/* binding */ parseSettleWorkflow)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1318);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);


/**
 * `settle-workflow`: the file name of the workflow that settles check runs, whose
 * schedule the action pauses while nothing is pending (docs/checks.md). GitHub names a
 * workflow by its file in `.github/workflows/` (no folders below it), and its enable and
 * disable calls take that name in place of the workflow's id.
 */
const WORKFLOW_FILE = /^[A-Za-z0-9_.-]+\.ya?ml$/;
const WORKFLOWS_FOLDER = '.github/workflows/';
const SETTLE_WORKFLOW_EXAMPLE = `${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleWorkflow}: settle.yml`;
/** The workflow's file name, or undefined when the input is empty; the folder may be written out. */
function parseSettleWorkflow(raw) {
    if (raw === '')
        return undefined;
    const file = raw.startsWith(WORKFLOWS_FOLDER) ? raw.slice(WORKFLOWS_FOLDER.length) : raw;
    if (!WORKFLOW_FILE.test(file) || file.startsWith('.')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleWorkflow, `"${raw}" is not the file name of a workflow in ${WORKFLOWS_FOLDER} (letters, digits, '.', '_' or '-', ending ` +
            'in .yml or .yaml)', SETTLE_WORKFLOW_EXAMPLE);
    }
    return file;
}
/**
 * The file name of the workflow this step runs in, from GITHUB_WORKFLOW_REF
 * (`owner/repo/.github/workflows/settle.yml@refs/heads/main`), or undefined when the
 * runner did not set it in that form.
 */
function runningWorkflowFile(env) {
    const ref = env.GITHUB_WORKFLOW_REF ?? '';
    const path = /^[^/\s]+\/[^/\s]+\/\.github\/workflows\/([^/@\s]+)@/.exec(ref);
    return path?.[1];
}


/***/ }),

/***/ 7878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ getSettleSettings),
/* harmony export */   dw: () => (/* binding */ isSettling)
/* harmony export */ });
/* unused harmony export parseSettleMaxAge */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6670);
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5245);
/* harmony import */ var _downloads_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3664);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1318);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8925);
/* harmony import */ var _settle_workflow_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9854);
/* harmony import */ var _token_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7900);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8463);










/**
 * `settle-max-age`'s range: GitHub concludes a check left incomplete for 14 days `stale`
 * itself (docs/github-checks.md), so a longer age could never be acted on.
 */
const SETTLE_MAX_AGE_DAYS = { min: 1, max: 14, fallback: 7 };
/**
 * The inputs that start or follow a run, or shape what follows one, and so have no place
 * in a settle step, with the value the runner passes when the workflow leaves them out
 * (action.yml's default; '' for none). Only a value other than that is refused: a default
 * always arrives and cannot be told from a value written out.
 */
const NOT_FOR_SETTLE = [
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.PipelineId, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.CapsuleId, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ComputationId, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Version, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.DataAssets, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Processes, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Parameters, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.NamedParameters, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.NextflowProfile, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SyncGit, 'false'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ResumeRunId, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ResumeOnRerun, 'false'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.RunName, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.CheckParameters, 'true'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Wait, 'true'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.PollInterval, 'auto'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.WaitTimeout, '0'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.StopOnCancel, 'auto'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.StopOnTimeout, 'false'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.CaptureResults, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.CaptureTags, ''],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.CommentOnPr, 'false'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.CheckRun, 'false']
];
const SETTLE_EXAMPLE = `${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Settle}: true\n${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.GithubToken}: \${{ github.token }}`;
/**
 * Whether the step settles rather than runs: `settle` is anything but empty or false. A
 * value that is not a boolean counts, so that the settle step's reading reports it,
 * rather than a run's reading complaining that no pipeline is named.
 */
function isSettling(read = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput) {
    const raw = read(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Settle).trim();
    return raw !== '' && raw.toLowerCase() !== 'false';
}
/** `settle-max-age`: a whole number of days from 1 to 14. */
function parseSettleMaxAge(raw) {
    const { min, max } = SETTLE_MAX_AGE_DAYS;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .d(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleMaxAge, `"${raw}" is not a whole number of days from ${min} to ${max} (GitHub itself marks a check left incomplete ` +
            `for ${max} days stale)`, `${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleMaxAge}: 7`);
    }
    return Number(raw);
}
/**
 * `settle-workflow` in a settle step names the workflow it runs in: the step turns only
 * its own schedule off, so a typo cannot pause another workflow of the repository.
 */
function readOwnWorkflow(problems, env) {
    const named = problems.check(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleWorkflow, _settle_workflow_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSettleWorkflow */ .eV);
    if (named === undefined)
        return undefined;
    const running = (0,_settle_workflow_js__WEBPACK_IMPORTED_MODULE_6__/* .runningWorkflowFile */ .Vf)(env);
    if (running === named)
        return named;
    problems.add(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleWorkflow, running === undefined
        ? `names ${named}, but GITHUB_WORKFLOW_REF does not say which workflow this step runs in; a settle step turns ` +
            'off only its own workflow'
        : `names ${named}, but this step runs in ${running}; a settle step turns off only its own workflow: name ` +
            `${running}, or leave '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleWorkflow}' out`, `${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleWorkflow}: ${running ?? 'settle.yml'}`);
    return undefined;
}
/**
 * Reads the inputs of a settle step. Throws InputErrors naming every input that is wrong,
 * or that only applies to a run (a target, a followed run, the wait, the capture, the
 * comment): a settle step starts and follows nothing, and only downloads results.
 */
function getSettleSettings(token, readRaw = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput, env = process.env) {
    const read = (name) => readRaw(name).trim();
    const problems = new _problems_js__WEBPACK_IMPORTED_MODULE_5__/* .Problems */ .Z(read);
    const settle = problems.check(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Settle, (raw) => (0,_values_js__WEBPACK_IMPORTED_MODULE_8__/* .parseBooleanInput */ .S8)(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Settle, raw));
    const domain = read(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Domain) || env[_names_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvFallback */ .cg.Domain] || '';
    let location;
    if (domain === '') {
        problems.add(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Domain, `is not set (nor is the environment variable ${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvFallback */ .cg.Domain}); a settle step reads the runs from Code Ocean`, `${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Domain}: \${{ vars.${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvFallback */ .cg.Domain} }}`);
    }
    else {
        location = problems.attempt(() => (0,_domain_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveApiLocation */ .s)(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Domain, domain));
    }
    if (token === '') {
        problems.add(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Secret, `is not set (nor is the environment variable ${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvFallback */ .cg.Secret}); a settle step reads the runs from Code Ocean`, 'secret: ${{ secrets.CODEOCEAN_API_TOKEN }}');
    }
    const githubToken = read(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.GithubToken);
    (0,_token_js__WEBPACK_IMPORTED_MODULE_7__/* .registerGithubToken */ .k)(githubToken);
    if (githubToken === '' || githubToken.startsWith('${{')) {
        problems.add(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.GithubToken, 'is empty, but a settle step completes check runs: give the workflow token (the app that created the checks), ' +
            'with `permissions: checks: write`', `${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.GithubToken}: \${{ github.token }}`);
    }
    const summary = problems.check(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Summary, (raw) => (0,_values_js__WEBPACK_IMPORTED_MODULE_8__/* .parseBooleanInput */ .S8)(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Summary, raw)) ?? true;
    const maxAgeDays = problems.check(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleMaxAge, parseSettleMaxAge) ?? SETTLE_MAX_AGE_DAYS.fallback;
    const downloads = (0,_downloads_js__WEBPACK_IMPORTED_MODULE_3__/* .readDownloadSettings */ .G)(problems, env);
    const settleWorkflow = readOwnWorkflow(problems, env);
    for (const [name, fallback] of NOT_FOR_SETTLE) {
        const value = read(name);
        if (value === '' || value.toLowerCase() === fallback)
            continue;
        problems.add(`${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Settle}' and '${name}`, `both are set; '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Settle}: true' only completes the check runs earlier steps left in progress, and starts ` +
            `or follows no run, while '${name}' only applies to a run. A settle step takes only '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Domain}', ` +
            `'${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Secret}', '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.GithubToken}', '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Summary}', '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleMaxAge}', ` +
            `'${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.SettleWorkflow}' and the downloads' ` +
            `'${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.DownloadResults}', '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ResultsFilter}' and '${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ResultsTimeout}': remove '${name}' ` +
            `from this step, or run the action in a step of its own`, SETTLE_EXAMPLE);
    }
    if (problems.list.length === 0 && location && settle) {
        return { location, token, githubToken, summary, maxAgeDays, ...downloads, settleWorkflow };
    }
    if (problems.list.length === 0) {
        // Only reached when called with `settle` false: the caller checks isSettling first.
        problems.add(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Settle, 'is not true, so there is nothing to settle', SETTLE_EXAMPLE);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputErrors */ .G(problems.list, (0,_redact_js__WEBPACK_IMPORTED_MODULE_9__.redactor)([token, githubToken]));
}


/***/ }),

/***/ 7900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readToken),
/* harmony export */   k: () => (/* binding */ registerGithubToken)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6670);



/**
 * Reads the token and registers it (and the Authorization header value derived from
 * it) as secrets. Called before anything else, so nothing can print it unmasked.
 */
function readToken(read = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput, env = process.env) {
    const token = (read(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Secret) || env[_names_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvFallback */ .cg.Secret] || '').trim();
    if (token) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(token);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__.basicAuthValue)(token));
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__.registerSecret)(token);
    }
    return token;
}
/**
 * Masks the GitHub token like the Code Ocean token, and for the same reason, before
 * any use. An unexpanded `${{ … }}` is a mistake in the workflow, not a secret.
 */
function registerGithubToken(token) {
    if (token && !token.startsWith('${{')) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(token);
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__.registerSecret)(token);
    }
}


/***/ }),

/***/ 6262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   We: () => (/* binding */ warnAboutUnexpectedInputs)
/* harmony export */ });
/* unused harmony exports DECLARED_INPUTS, inputVariable, unexpectedInputs */
/* harmony import */ var _caps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2410);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6455);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);
/* harmony import */ var _nearest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3915);




/** Every input action.yml declares (names.ts keeps them; a test keeps the two equal). */
const DECLARED_INPUTS = Object.values(_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd);
const PREFIX = 'INPUT_';
/**
 * The environment variable the runner passes an input in: upper-cased, spaces to `_`,
 * hyphens kept (`wait-timeout` → `INPUT_WAIT-TIMEOUT`), as @actions/core's getInput reads it.
 */
function inputVariable(name) {
    return `${PREFIX}${name.replace(/ /g, '_').toUpperCase()}`;
}
/**
 * The `INPUT_*` variables in `env` that no declared input explains. The runner passes
 * every `with:` key on, declared or not, and nothing reads an undeclared one: a typo
 * (`wait-timout`, `download-result`, `sync_git`) would otherwise pass in silence, and the
 * step would do less than the workflow asked. Sorted, so the warnings come in a stable order.
 */
function unexpectedInputs(env, declared = DECLARED_INPUTS) {
    const known = new Set(declared.map(inputVariable));
    return Object.keys(env)
        .filter((variable) => {
        const upper = variable.toUpperCase();
        return upper.startsWith(PREFIX) && upper.length > PREFIX.length && !known.has(upper);
    })
        .sort()
        .map((variable) => {
        const name = variable.slice(PREFIX.length).toLowerCase();
        // `sync_git` is one edit from `sync-git`; the comparison needs no folding beyond case.
        return { name, closest: (0,_nearest_js__WEBPACK_IMPORTED_MODULE_2__/* .nearestTypo */ .z)(name, declared) };
    });
}
/** The warning for one unexpected input: its name stays one line and never a workflow command. */
function unexpectedInputWarning({ name, closest }) {
    const shown = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)((0,_caps_js__WEBPACK_IMPORTED_MODULE_3__/* .capText */ .yA)(name, 100));
    return closest === undefined
        ? `Unexpected input '${shown}': this action has no input of that name, so it is ignored. ` +
            `The inputs it reads are listed in its action.yml.`
        : `Unexpected input '${shown}': did you mean '${closest}'? This action has no input '${shown}', so it is ignored.`;
}
/**
 * Warns once per input the workflow gave that the action does not declare. The main step
 * only: the post step sees the same variables, and once is enough.
 */
function warnAboutUnexpectedInputs(env, warn) {
    for (const input of unexpectedInputs(env))
        warn(unexpectedInputWarning(input));
}


/***/ }),

/***/ 8463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   F1: () => (/* binding */ parseStopChoice),
/* harmony export */   Mh: () => (/* binding */ parseWaitTimeout),
/* harmony export */   S8: () => (/* binding */ parseBooleanInput),
/* harmony export */   Uz: () => (/* binding */ parsePollInterval),
/* harmony export */   aQ: () => (/* binding */ parseTimeoutChoice),
/* harmony export */   hS: () => (/* binding */ parseResultsTimeout),
/* harmony export */   oJ: () => (/* binding */ parseDownloadFolder),
/* harmony export */   ot: () => (/* binding */ parseVersion)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _codeocean_rules_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3346);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6264);
/* harmony import */ var _timer_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2087);
/* harmony import */ var _within_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2664);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1318);






// The spellings YAML 1.2's core schema reads as booleans (as @actions/core's getBooleanInput
// does), and the same three of auto; one list, so every yes/no/auto input reads alike.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
const AUTO = ['auto', 'Auto', 'AUTO'];
function parseBooleanInput(input, raw) {
    if (TRUE.includes(raw))
        return true;
    if (FALSE.includes(raw))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is not true or false`, `${input}: 'false'`);
}
/** The StopChoice `raw` spells, or undefined when it spells none. */
function stopChoiceOf(raw) {
    if (AUTO.includes(raw))
        return 'auto';
    if (TRUE.includes(raw))
        return true;
    if (FALSE.includes(raw))
        return false;
    return undefined;
}
function parseStopChoice(input, raw) {
    const choice = stopChoiceOf(raw);
    if (choice === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is not true, false or auto`, `${input}: auto`);
    return choice;
}
function parseTimeoutChoice(input, raw) {
    if (raw.toLowerCase() === 'hand-over')
        return 'hand-over';
    const choice = stopChoiceOf(raw);
    if (choice === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is not true, false, auto or hand-over`, `${input}: auto`);
    }
    return choice;
}
/** The longest poll-interval and wait-timeout a timer holds (see timer-limits.ts): refused beyond, never cut short. */
const MAX_POLL_SECONDS = Math.floor(_timer_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_TIMER_MS */ ._ / 1000);
const MAX_WAIT_MINUTES = Math.floor(_timer_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_TIMER_MS */ ._ / 60_000);
function aboutDays(ms) {
    return `about ${Math.round(ms / _format_js__WEBPACK_IMPORTED_MODULE_4__/* .DAY_MS */ .sO)} days`;
}
function parsePollInterval(input, raw) {
    const text = raw.trim().toLowerCase();
    if (text === '' || text === 'auto')
        return 'auto';
    const seconds = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(seconds)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is not a number of seconds or 'auto'`, `${input}: 30`);
    }
    if (seconds < _codeocean_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .MIN_POLL_SECONDS */ .Rj) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `${raw} seconds is too often; Code Ocean asks clients to wait at least ${_codeocean_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .MIN_POLL_SECONDS */ .Rj} seconds between checks`, `${input}: 30`);
    }
    if (seconds * 1000 > _timer_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_TIMER_MS */ ._) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `${text} seconds is longer than the action can wait between checks; at most ${MAX_POLL_SECONDS} seconds (${aboutDays(_timer_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_TIMER_MS */ ._)})`, `${input}: 30`);
    }
    return seconds;
}
/**
 * A time limit in minutes (decimals allowed), `0` for no limit, and no more than a timer
 * holds; `example` is the minutes a refusal suggests.
 */
function parseMinutesLimit(input, raw, example) {
    const text = raw.trim();
    if (!/^\d+(\.\d+)?$/.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is not a number of minutes (0 for no limit)`, `${input}: ${example}`);
    }
    const minutes = Number(text);
    if (minutes * 60_000 > _timer_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_TIMER_MS */ ._) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `${text} minutes is longer than the action can wait; at most ${MAX_WAIT_MINUTES} minutes (${aboutDays(_timer_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_TIMER_MS */ ._)}), or 0 for no limit`, `${input}: ${example}`);
    }
    return minutes;
}
/** `wait-timeout`: how long the step waits for the run. */
function parseWaitTimeout(input, raw) {
    return parseMinutesLimit(input, raw, 90);
}
/**
 * Resolves `download-results` inside the workspace: results must not be written
 * anywhere a later step would not expect them, neither by path nor through a link.
 */
function parseDownloadFolder(input, raw, workspace) {
    const text = raw.trim();
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is an absolute path; give a folder relative to the workspace`, `${input}: results`);
    }
    const folder = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, text);
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(workspace, folder);
    if (inside === '' || !(0,_within_js__WEBPACK_IMPORTED_MODULE_1__/* .isWithin */ .U)(folder, workspace)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is not a folder inside the workspace`, `${input}: results`);
    }
    // A link (say, one a pull request added) must not carry the results out of the workspace.
    const why = (0,_within_js__WEBPACK_IMPORTED_MODULE_1__/* .leadsOutOf */ .t)(folder, workspace);
    if (why !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is refused: ${why}; give a folder inside the workspace`, `${input}: results`);
    }
    return folder;
}
/** Splits a list input on newlines (and commas, when allowed), dropping blanks and `#` comments. */
function parseList(raw, commas) {
    return raw
        .split(commas ? /[\n,]/ : /\n/)
        .map((item) => item.trim())
        .filter((item) => item !== '' && !item.startsWith('#'));
}
function isReleaseVersion(text) {
    return /^\d+$/.test(text) && Number(text) >= 1 && Number.isSafeInteger(Number(text));
}
/**
 * The release a mistyped version most likely meant: `v3`, `V3`, `version 3`, `3.0` and
 * `#3` name release 3 (Git tags and other tools spell versions so). Undefined when no
 * reading of it is a release number.
 */
function versionMeant(raw) {
    const text = raw
        .trim()
        .replace(/^(v|version|release|#)\s*/i, '')
        .replace(/\.0+$/, '');
    return text !== raw && isReleaseVersion(text) ? String(Number(text)) : undefined;
}
function parseVersion(input, raw) {
    if (!isReleaseVersion(raw)) {
        const meant = versionMeant(raw);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `"${raw}" is not a release version; it must be a positive whole number` +
            (meant ? `. Did you mean ${meant}?` : ''), `${input}: ${meant ?? 2}`);
    }
    return Number(raw);
}
/**
 * `results-timeout`: minutes for all that follows the run (decimals allowed), `0` for
 * no limit, and no more than a timer holds (as wait-timeout).
 */
function parseResultsTimeout(input, raw) {
    return parseMinutesLimit(input, raw, 60);
}


/***/ }),

/***/ 8616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y$: () => (/* binding */ recordCheck),
/* harmony export */   YA: () => (/* binding */ settleCheck)
/* harmony export */ });
/* unused harmony export checkLeftOpen */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(873);
/* harmony import */ var _step_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4070);





const checks = (0,_step_record_js__WEBPACK_IMPORTED_MODULE_3__/* .stepRecord */ .o)('check', (parsed) => typeof parsed.id === 'number' && typeof parsed.runId === 'string' && typeof parsed.open === 'boolean'
    ? { id: parsed.id, runId: parsed.runId, open: parsed.open }
    : undefined);
/** The step made check run `id`, for Code Ocean run `runId`, and answers for it until settleCheck. */
function recordCheck(id, runId) {
    checks.hand({ id, runId, open: true }, { [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.CheckRunId]: String(id) });
}
/** The check run is completed, or left in progress on purpose (`wait: false`): the post step leaves it alone. */
function settleCheck(id, runId) {
    checks.settle({ [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.CheckRunId]: '' }, { id, runId, open: false });
}
/** For the post step: the check run the main step left open as it ended, and its run, when state and record agree. */
function checkLeftOpen() {
    const stated = core.getState(State.CheckRunId);
    if (!stated)
        return undefined;
    const recorded = checks.agreeing(stated, (check) => String(check.id), (check) => `The post step was asked to complete check run ${inline(capText(stated, 100))}, but the main step ` +
        (check ? `made check run ${check.id}` : 'left no record of making it') +
        '; it completes nothing.');
    return recorded?.open ? { id: recorded.id, runId: recorded.runId } : undefined;
}


/***/ }),

/***/ 1786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ checkRunsFor),
/* harmony export */   P3: () => (/* binding */ CHECK_CALL_MS),
/* harmony export */   we: () => (/* binding */ closeCheckRun)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _report_checks_check_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3033);
/* harmony import */ var _report_checks_check_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8442);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7994);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(873);
/* harmony import */ var _check_backstop_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8616);






/** The longest a check call may take while the step goes on. */
const CHECK_CALL_MS = 10_000;
/**
 * After a cancel: the check is completed within what is left of the runner's 7.5 s to
 * SIGTERM once the stop (at most 4 s, stop.ts) is done; the pull request comment after it
 * is cut short at once.
 */
const CHECK_CALL_AFTER_CANCEL_MS = 2_000;
/** The step's Checks API calls, each failure a warning kept to one line and scrubbed. */
function checkRunsFor(token, redact, env = process.env) {
    return new _report_checks_check_run_js__WEBPACK_IMPORTED_MODULE_2__/* .CheckRuns */ .rp({
        token,
        repository: env.GITHUB_REPOSITORY ?? '',
        warn: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning((0,_untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .inline */ .mG)(redact(message)))
    });
}
/** Turns on the check's settle workflow, if it names one, and says so when that worked. */
async function wakeSettle(check, cancelled) {
    if (!check.settleWorkflow)
        return;
    const signal = AbortSignal.timeout(cancelled ? CHECK_CALL_AFTER_CANCEL_MS : CHECK_CALL_MS);
    if (await check.checks.wakeWorkflow(check.settleWorkflow, signal)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Turned on the settle workflow ${check.settleWorkflow}: its schedule settles check run ${check.id}.`);
    }
}
/**
 * At the step's end: completes the check run with the outcome, the job summary
 * (`markdown`) and the reason, or, with `wait: false`, leaves it in progress saying the
 * run is settled later. Either way the post step then leaves it alone.
 */
async function closeCheckRun(step, markdown, cancelled) {
    const check = step.check;
    if (!check)
        return;
    const signal = AbortSignal.timeout(cancelled ? CHECK_CALL_AFTER_CANCEL_MS : CHECK_CALL_MS);
    const status = step.summary.status ?? 'failed';
    const conclusion = (0,_report_checks_check_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .checkConclusion */ .Gc)(status);
    let settled = true;
    try {
        if (conclusion === undefined) {
            await check.checks.update(check.id, (0,_report_checks_check_run_js__WEBPACK_IMPORTED_MODULE_2__/* .leftRunningCheckRunBody */ .Wz)(check.runId, markdown, step.handedOver === true), signal);
            // Left in progress even when that update failed or ran out of time: its settle
            // workflow must run, so the turn-on has a time limit of its own.
            await wakeSettle(check, cancelled);
            return;
        }
        const text = status === 'succeeded' ? undefined : (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .renderReason */ .J)(step.summary, step.failure, step.redact);
        const body = (0,_report_checks_check_run_js__WEBPACK_IMPORTED_MODULE_2__/* .completeCheckRunBody */ .Lk)({
            conclusion,
            completedAt: Date.now(),
            title: (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .outcomeLine */ .RW)(step.summary),
            summary: markdown,
            text
        });
        const done = await check.checks.update(check.id, body, signal);
        if (done)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Completed check run ${check.id}: ${conclusion}.`);
        // Refused, the check stays in progress: only a settle can complete it now.
        else if (!cancelled)
            await wakeSettle(check, cancelled);
        // Cut short by a cancel: the post step tries again.
        settled = done || !cancelled;
    }
    finally {
        if (settled)
            (0,_check_backstop_js__WEBPACK_IMPORTED_MODULE_5__/* .settleCheck */ .YA)(check.id, check.runId);
        step.check = undefined;
    }
}


/***/ }),

/***/ 4070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ stepRecord)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** The record of this step for `kind`; `parse` gives back a well-formed record or undefined. */
function stepRecord(kind, parse) {
    const file = () => {
        const { RUNNER_TEMP: temp, GITHUB_ACTION: step } = process.env;
        if (!temp || !step)
            return undefined;
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(temp, 'codeocean-run-action', `${kind}-${encodeURIComponent(step)}.json`);
    };
    const write = (value) => {
        const path = file();
        if (!path)
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(path, JSON.stringify(value));
    };
    const read = () => {
        const path = file();
        if (!path)
            return undefined;
        try {
            // A file of `null` throws in `parse` too, and is no record.
            return parse(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8')));
        }
        catch {
            return undefined;
        }
    };
    const save = (state) => {
        for (const [name, value] of Object.entries(state))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(name, value);
    };
    return {
        hand(value, state) {
            // The record first: state without a record is ignored, a record without state is harmless.
            write(value);
            save(state);
        },
        settle(state, value) {
            // Either half alone already keeps the post step off, so the order does not matter.
            save(state);
            if (value !== undefined)
                write(value);
        },
        agreeing(stated, key, refusal) {
            const recorded = read();
            if (recorded === undefined || key(recorded) !== stated) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(refusal(recorded));
                return undefined;
            }
            return recorded;
        }
    };
}


/***/ }),

/***/ 3248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ failStepWith),
/* harmony export */   Lx: () => (/* binding */ setStatus),
/* harmony export */   sW: () => (/* binding */ failStepShowing),
/* harmony export */   vy: () => (/* binding */ failStep),
/* harmony export */   zu: () => (/* binding */ newStep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6670);
/* harmony import */ var _report_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3303);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5468);





function newStep(env = process.env) {
    const summary = {
        startedAt: Date.now(),
        notes: [],
        workflowRun: (0,_report_links_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowRunUrl */ .C)(env),
        workspace: env.GITHUB_WORKSPACE || undefined
    };
    return { outputs: new _report_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Outputs */ .t(), summary, redact: _redact_js__WEBPACK_IMPORTED_MODULE_4__.redactRegistered };
}
/** Sets the step's status: the `status` output and the summary's, always the same. */
function setStatus(step, status) {
    step.summary.status = status;
    step.outputs.setStatus(status);
}
/** Fails the step with a message, recorded in the summary too. */
function failStep(step, message) {
    failStepShowing(step, message, message);
}
/**
 * Fails the step with a message whose summary shows only `shown` (nothing when
 * undefined): for a message that opens by repeating the summary's line about the run
 * (a run's verdict). A function of its own, not an optional parameter, because an
 * optional parameter's default would also stand in for an explicit undefined.
 */
function failStepShowing(step, message, shown) {
    step.summary.message = shown;
    step.failure = message;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(step.redact(message));
}
/** Fails the step for an error that ended it early; a status set before (cancelled, say) stands. */
function failStepWith(step, error) {
    step.summary.status ??= 'failed';
    failStep(step, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error));
}


/***/ }),

/***/ 2200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/inputs/domain.ts
var inputs_domain = __webpack_require__(5245);
// EXTERNAL MODULE: ./src/inputs/downloads.ts
var downloads = __webpack_require__(3664);
// EXTERNAL MODULE: ./src/inputs/errors.ts
var errors = __webpack_require__(1318);
// EXTERNAL MODULE: ./src/caps.ts
var caps = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/inputs/nearest.ts
var nearest = __webpack_require__(3915);
;// CONCATENATED MODULE: ./src/inputs/structured.ts



/** Whether a structured input is written as JSON (a list or a map in brackets), else YAML. */
function looksLikeJson(text) {
    return /^[[{]/.test(text.trim());
}
/** The example in the form the user wrote the input in, so the fix is easy to copy. */
function exampleFor(example, text) {
    return looksLikeJson(text) ? example.json : example.yaml;
}
/**
 * A value written as a bare `~` or `null` (any case). The failsafe schema would keep it as
 * that text, but the user almost surely meant "nothing": it is refused with the fix.
 */
class UnquotedNull {
    source;
    constructor(source) {
        this.source = source;
    }
}
/** The line of the first line whose indentation holds a tab, or undefined. */
function tabIndentedLine(text) {
    const index = text.split('\n').findIndex((line) => /^[ ]*\t/.test(line));
    return index < 0 ? undefined : index + 1;
}
/**
 * Parses an input written as JSON or YAML.
 *
 * The YAML "failsafe" schema keeps every scalar as the string the user typed:
 * `False` stays `"False"`, `0075` stays `"0075"`, `10` becomes `"10"`. That is
 * exactly what Code Ocean wants, since all parameter values are strings.
 * JSON is YAML too, so `[75, "HS25"]` reads as `["75", "HS25"]`.
 */
function parseStructured(input, text, example) {
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        schema: 'failsafe',
        prettyErrors: true,
        uniqueKeys: true
    });
    const first = doc.errors[0];
    if (first) {
        const tabLine = tabIndentedLine(text);
        if (tabLine !== undefined) {
            throw new errors/* InputError */.d(input, `is not valid YAML: line ${tabLine} is indented with a tab, and YAML does not allow tabs for indentation; indent with spaces`, exampleFor(example, text));
        }
        const where = first.linePos?.[0];
        const at = where ? ` at line ${where.line}, column ${where.col}` : '';
        const detail = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new errors/* InputError */.d(input, `is not valid JSON or YAML${at}: ${detail}`, exampleFor(example, text));
    }
    (0,dist/* visit */.YR)(doc, {
        Scalar(key, node) {
            if (key !== 'key' && node.type === 'PLAIN' && /^(~|null)$/i.test(node.source ?? '')) {
                node.value = new UnquotedNull(node.source ?? '');
            }
        }
    });
    return doc.toJS();
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof UnquotedNull);
}
/** Describes a parsed value the way a user would recognise it. */
function describe(value) {
    if (Array.isArray(value))
        return 'a list';
    if (isPlainObject(value))
        return 'a map';
    if (value instanceof UnquotedNull)
        return `an unquoted ${value.source}`;
    if (value === undefined || value === null)
        return 'nothing';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- lists and maps are handled above: a scalar
    return `the text "${String(value)}"`;
}
/** Suggests the known key a mistyped one most likely meant, or nothing. */
function suggestKey(key, known) {
    const normal = key.toLowerCase().replace(/-/g, '_');
    const near = (0,nearest/* nearestTypo */.z)(normal, known);
    if (near !== undefined)
        return near;
    // A truncated or extended key: "param" for "param_name", "mountpoint" for "mount".
    if (normal.length < 3)
        return undefined;
    return known.find((k) => normal.startsWith(k) || k.startsWith(normal));
}
/** Refuses keys outside `known`, pointing to the likely intended one. */
function checkKeys(input, where, value, known, example) {
    for (const key of Object.keys(value)) {
        if (known.includes(key))
            continue;
        const guess = suggestKey(key, known);
        const hint = guess ? `; did you mean '${guess}'?` : `; known keys: ${known.join(', ')}`;
        throw new errors/* InputError */.d(input, `${where} has an unknown key '${key}'${hint}`, example);
    }
}

;// CONCATENATED MODULE: ./src/inputs/run-params.ts


/** The right form of each input, shown in its errors; structured inputs have a JSON and a YAML form. */
const Examples = {
    id: 'pipeline-id: 4bc97533-6eb4-48ac-966f-648548a756d2',
    resumeRunId: 'resume-run-id: 9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60',
    dataAssets: {
        json: `data-assets: '[{"id": "bf8cf993-a583-495c-bebd-2f38f81d1ea1", "mount": "Alignment"}]'`,
        yaml: 'data-assets: |\n  - id: bf8cf993-a583-495c-bebd-2f38f81d1ea1\n    mount: Alignment'
    },
    processes: {
        json: `processes: '[{"name": "capsule_art_simulation_illumina_1", "parameters": ["75", "HS25"]}, ` +
            `{"name": "capsule_np_create_folders_test_1", "named_parameters": {"NumFiles": "10"}}]'`,
        yaml: 'processes: |\n  - name: capsule_art_simulation_illumina_1\n    parameters: ["75", HS25]\n' +
            '  - name: capsule_np_create_folders_test_1\n    named_parameters: {NumFiles: 10}'
    },
    parameters: {
        json: `parameters: '["75", "1", "HS25", "", "False"]'`,
        yaml: "parameters: |\n  - 75\n  - 1\n  - HS25\n  - ''\n  - 'False'"
    },
    namedParameters: {
        json: `named-parameters: '{"NumFiles": "10", "Mode": "fast"}'`,
        yaml: 'named-parameters: |\n  NumFiles: 10\n  Mode: fast'
    }
};
const CODE_OCEAN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Checks that `value` looks like a Code Ocean id (a UUID). */
function parseId(input, value, example = Examples.id) {
    if (!CODE_OCEAN_ID.test(value)) {
        throw new errors/* InputError */.d(input, `"${value}" is not a Code Ocean id; ids are UUIDs of 36 characters, as shown on the capsule's or pipeline's metadata page`, example);
    }
    return value;
}
/** A parameter value must be a single value, sent as the string the user wrote. */
function parameterValue(input, where, value, example) {
    if (value instanceof UnquotedNull) {
        throw new errors/* InputError */.d(input, `${where} is an unquoted ${value.source}, which YAML reads as "no value"; to send the text, quote it ('${value.source}'), and for an empty value write ''`, example);
    }
    if (Array.isArray(value) || isPlainObject(value)) {
        throw new errors/* InputError */.d(input, `${where} is ${describe(value)}, but a parameter value must be a single value (text or a number); quote it to send it as text`, example);
    }
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- lists and maps are rejected above: a scalar
    return value === null || value === undefined ? '' : String(value);
}
/** Joins a location prefix ("process 'x', ", or '' for the whole input) and a phrase. */
function at(prefix, rest) {
    return `${prefix}${rest}`;
}
function parseOrderedList(input, prefix, value, example) {
    if (!Array.isArray(value)) {
        throw new errors/* InputError */.d(input, at(prefix, `parameters must be a list of values, not ${describe(value)}`), example);
    }
    return value.map((item, i) => parameterValue(input, at(prefix, `parameter ${i + 1}`), item, example));
}
/** Accepts `{name: value}` or the API's list of `{param_name, value}`. */
function parseNamedList(input, prefix, value, example) {
    if (isPlainObject(value)) {
        return Object.entries(value).map(([name, v]) => ({
            param_name: name,
            value: parameterValue(input, at(prefix, `named parameter '${name}'`), v, example)
        }));
    }
    if (!Array.isArray(value)) {
        throw new errors/* InputError */.d(input, at(prefix, `named parameters must be a map of {name: value} or a list of {param_name, value}, not ${describe(value)}`), example);
    }
    return value.map((item, i) => {
        const itemAt = at(prefix, `named parameter ${i + 1}`);
        if (!isPlainObject(item)) {
            throw new errors/* InputError */.d(input, `${itemAt} must be {param_name, value}, not ${describe(item)}`, example);
        }
        checkKeys(input, itemAt, item, ['param_name', 'value'], example);
        const name = item.param_name;
        if (typeof name !== 'string' || name === '') {
            throw new errors/* InputError */.d(input, `${itemAt} has no 'param_name'`, example);
        }
        if (!('value' in item)) {
            throw new errors/* InputError */.d(input, at(prefix, `named parameter '${name}' has no 'value'`), example);
        }
        return {
            param_name: name,
            value: parameterValue(input, at(prefix, `named parameter '${name}'`), item.value, example)
        };
    });
}
function parseList(input, text, forms) {
    const example = exampleFor(forms, text);
    const value = parseStructured(input, text, forms);
    if (!Array.isArray(value)) {
        throw new errors/* InputError */.d(input, `must be a list, not ${describe(value)}`, example);
    }
    return value;
}
function parseObjectItem(input, where, item, example) {
    if (!isPlainObject(item)) {
        throw new errors/* InputError */.d(input, `${where} must be a map, not ${describe(item)}`, example);
    }
    return item;
}
function parseDataAssets(input, text) {
    const example = exampleFor(Examples.dataAssets, text);
    return parseList(input, text, Examples.dataAssets).map((raw, i) => {
        const where = `item ${i + 1}`;
        const item = parseObjectItem(input, where, raw, example);
        checkKeys(input, where, item, ['id', 'mount'], example);
        if (typeof item.id !== 'string' || item.id === '') {
            throw new errors/* InputError */.d(input, `${where} has no 'id'`, example);
        }
        const asset = { id: parseId(input, item.id, example) };
        if (item.mount !== undefined && item.mount !== '') {
            if (typeof item.mount !== 'string') {
                throw new errors/* InputError */.d(input, `${where} has a 'mount' that is ${describe(item.mount)}; it must be a folder name`, example);
            }
            asset.mount = item.mount;
        }
        return asset;
    });
}
function parseProcesses(input, text) {
    const example = exampleFor(Examples.processes, text);
    return parseList(input, text, Examples.processes).map((raw, i) => {
        const where = `item ${i + 1}`;
        const item = parseObjectItem(input, where, raw, example);
        checkKeys(input, where, item, ['name', 'parameters', 'named_parameters'], example);
        if (typeof item.name !== 'string' || item.name === '') {
            throw new errors/* InputError */.d(input, `${where} has no 'name'; use the process name as it appears in the pipeline's main.nf`, example);
        }
        const process = { name: item.name };
        const prefix = `process '${item.name}': `;
        if (item.parameters !== undefined) {
            process.parameters = parseOrderedList(input, prefix, item.parameters, example);
        }
        if (item.named_parameters !== undefined) {
            process.named_parameters = parseNamedList(input, prefix, item.named_parameters, example);
        }
        return process;
    });
}
function parseParameters(input, text) {
    const example = exampleFor(Examples.parameters, text);
    return parseOrderedList(input, '', parseStructured(input, text, Examples.parameters), example);
}
function parseNamedParameters(input, text) {
    const example = exampleFor(Examples.namedParameters, text);
    return parseNamedList(input, '', parseStructured(input, text, Examples.namedParameters), example);
}

// EXTERNAL MODULE: ./src/inputs/values.ts
var values = __webpack_require__(8463);
;// CONCATENATED MODULE: ./src/inputs/followed-run.ts






/** The right form of a step that follows a run: the id, and nothing that shapes a start. */
const FOLLOW_EXAMPLE = `${names/* Input */.pd.ComputationId}: 9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60`;
/**
 * Inputs that only say what to start, and so have no place beside `computation-id`:
 * the target and every field of the start request, `run-name` (the name given to a run
 * this step starts: a followed run keeps the name it has, and renaming someone else's
 * run is not the step's business), and the phases before a start.
 *
 * Not here, on purpose: `check-parameters` (checks a request, and a followed run has
 * none: it is ignored; since its default `true` always arrives, an explicit value could
 * not be told from the default anyway) and everything that comes after a start (the
 * wait, the stop choices, results, summary, comment), which applies to a followed run too.
 */
const START_ONLY_INPUTS = [
    names/* Input */.pd.PipelineId,
    names/* Input */.pd.CapsuleId,
    names/* Input */.pd.Version,
    names/* Input */.pd.DataAssets,
    names/* Input */.pd.Processes,
    names/* Input */.pd.Parameters,
    names/* Input */.pd.NamedParameters,
    names/* Input */.pd.NextflowProfile,
    names/* Input */.pd.ResumeRunId,
    names/* Input */.pd.RunName
];
/**
 * Start-only switches whose default `false` always arrives from the runner: only `true`
 * conflicts with `computation-id`.
 */
const START_ONLY_SWITCHES = [names/* Input */.pd.SyncGit, names/* Input */.pd.ResumeOnRerun];
function conflict(problems, other) {
    problems.add(`${names/* Input */.pd.ComputationId}' and '${other}`, `both are set; '${names/* Input */.pd.ComputationId}' follows a run that was started elsewhere, while '${other}' only shapes ` +
        `a run this step would start. Remove '${other}' to follow the run, or '${names/* Input */.pd.ComputationId}' to start a new run`, FOLLOW_EXAMPLE);
}
/** A Code Ocean id inside other text: 36 characters not part of a longer run of hex digits. */
const ID_INSIDE = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/gi;
/** The part of an address a run id follows: `/computation/`, `/computations/`, `computation_id=`, `/runs/`. */
const RUN_MARK = /(computations?|computation[_-]?id|runs?)[/=]$/i;
/** The part of an address a capsule's or pipeline's id follows: `/capsule/`, `/pipelines/`, `capsule_id=`. */
const TARGET_MARK = /(capsules?|pipelines?|(?:capsule|pipeline)[_-]?id)[/=]$/i;
/** Where a run's id is found: each refusal of an address says it. */
const WHERE_A_RUN_ID_IS = "in a run's address it is the part after /computation/, as in " +
    'https://codeocean.example.com/computation/9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60';
/** The address a user copied from the browser, rather than an id: it has a scheme or a path. */
function isAddress(text) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.includes('/');
}
/** Each distinct id in `text`, with the few characters before it that say what it is the id of. */
function idsIn(text) {
    const found = new Map();
    for (const match of text.matchAll(ID_INSIDE)) {
        const id = match[0].toLowerCase();
        if (!found.has(id))
            found.set(id, text.slice(Math.max(0, match.index - 24), match.index));
    }
    return [...found].map(([id, after]) => ({ id, after }));
}
/** The last part of an address before an id, as a user would recognise it: `capsule/`, `computation=`. */
function segmentBefore(after) {
    const withoutMark = /[/=]$/.test(after) ? after.slice(0, -1) : after;
    const start = Math.max(...['/', '?', '&', '#', '='].map((c) => withoutMark.lastIndexOf(c))) + 1;
    return after.slice(start);
}
/** Where an id stands in an address, for the message that asks which one is the run's. */
function place(after) {
    const segment = segmentBefore(after);
    return segment === '' ? 'at the start' : `after '${(0,untrusted/* inline */.mG)(segment)}'`;
}
/**
 * Reads `computation-id`: a run id, or the address of a run pasted from the browser. An
 * address holding one id gives that id; one holding several gives the one after
 * `/computation/` (or `/runs/`), and otherwise is refused with each id and what it follows,
 * so the user sees which part is the run's. Pure: the caller says where an id came from.
 */
function readRunId(raw) {
    if (!isAddress(raw))
        return { id: parseRunId(raw), fromAddress: false };
    const ids = idsIn(raw);
    const marked = ids.filter((found) => RUN_MARK.test(found.after));
    const chosen = ids.length === 1 ? ids[0] : marked.length === 1 ? marked[0] : undefined;
    // A capsule's or pipeline's page holds one id too: following it as a run would only
    // fail later, as a run Code Ocean does not know.
    if (chosen && TARGET_MARK.test(chosen.after)) {
        const kind = /pipeline/i.test(segmentBefore(chosen.after)) ? 'pipeline' : 'capsule';
        throw new errors/* InputError */.d(names/* Input */.pd.ComputationId, `"${(0,untrusted/* inline */.mG)((0,caps/* capText */.yA)(raw))}" is the address of a ${kind} (its id ${chosen.id} follows '${(0,untrusted/* inline */.mG)(segmentBefore(chosen.after))}'), ` +
            `not of a run. Give the id of a run of it: ${WHERE_A_RUN_ID_IS}; to start a run of the ${kind} instead, give ${kind === 'pipeline' ? names/* Input */.pd.PipelineId : names/* Input */.pd.CapsuleId}: ${chosen.id} and no ${names/* Input */.pd.ComputationId}`, FOLLOW_EXAMPLE);
    }
    if (chosen)
        return { id: chosen.id, fromAddress: true };
    if (ids.length === 0)
        return { id: parseRunId(raw), fromAddress: false };
    const each = ids.map((found) => `${found.id} (${place(found.after)})`).join(', ');
    throw new errors/* InputError */.d(names/* Input */.pd.ComputationId, `"${(0,untrusted/* inline */.mG)((0,caps/* capText */.yA)(raw))}" holds ${ids.length} ids, and which one is the run's is not clear: ${each}. ` +
        `Give the run's id alone; ${WHERE_A_RUN_ID_IS}`, FOLLOW_EXAMPLE);
}
/** A run id has the form of every Code Ocean id; the message says where to find one. */
function parseRunId(raw) {
    try {
        return parseId(names/* Input */.pd.ComputationId, raw, FOLLOW_EXAMPLE);
    }
    catch {
        throw new errors/* InputError */.d(names/* Input */.pd.ComputationId, `"${raw}" is not a Code Ocean run id; run ids are UUIDs of 36 characters, as the 'computation-id' output ` +
            "of the step that started the run gives them, or as the run's address in Code Ocean shows them", FOLLOW_EXAMPLE);
    }
}
/** Whether the inputs ask to follow a run rather than start one (even with an id of the wrong form). */
function isFollowing(problems) {
    return problems.read(names/* Input */.pd.ComputationId) !== '';
}
/**
 * Reads `computation-id` when it is set: its form, and every start-only input set beside
 * it, each reported as a problem of its own so that all are fixed in one go, and
 * `wait: false` (`wait` as read), which would leave nothing to do. Undefined when it is
 * not set or wrong.
 */
function readFollowedRun(problems, wait) {
    const raw = problems.read(names/* Input */.pd.ComputationId);
    if (raw === '')
        return undefined;
    const reading = problems.attempt(() => readRunId(raw));
    if (reading?.fromAddress) {
        // Only the id is repeated: the rest of an address is the user's and may hold anything.
        problems.note(`Input '${names/* Input */.pd.ComputationId}' is an address; following the run id it contains: ${reading.id}`);
    }
    for (const name of START_ONLY_INPUTS)
        if (problems.read(name) !== '')
            conflict(problems, name);
    for (const name of START_ONLY_SWITCHES) {
        if (problems.check(name, (text) => (0,values/* parseBooleanInput */.S8)(name, text)))
            conflict(problems, name);
    }
    if (!wait) {
        problems.add(names/* Input */.pd.Wait, `is false, but following a run ('${names/* Input */.pd.ComputationId}') is waiting for it: a run that has already finished ` +
            `is judged at once, and 'wait-timeout' limits the wait for one that has not`, `${names/* Input */.pd.Wait}: 'true'`);
    }
    return reading?.id;
}

;// CONCATENATED MODULE: ./src/inputs/preparation.ts


function flag(problems, name) {
    return problems.check(name, (raw) => (0,values/* parseBooleanInput */.S8)(name, raw)) ?? false;
}
/** The attempt number from the environment; anything unreadable counts as a first attempt. */
function runAttemptOf(env) {
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    return Number.isSafeInteger(attempt) && attempt > 1 ? attempt : 1;
}
/** Reads `sync-git` and `resume-on-rerun`, and refuses the combinations that make no sense. */
function readPreparationSettings(problems, env) {
    const syncGit = flag(problems, names/* Input */.pd.SyncGit);
    const resumeOnRerun = flag(problems, names/* Input */.pd.ResumeOnRerun);
    if (syncGit && problems.read(names/* Input */.pd.Version).trim() !== '') {
        problems.add(`${names/* Input */.pd.SyncGit}' and '${names/* Input */.pd.Version}`, 'both are set; a release version never changes, so syncing it with Git first makes no sense. ' +
            "Sync and run the current version (leave out 'version'), or run the release without 'sync-git'", `${names/* Input */.pd.SyncGit}: true`);
    }
    if (resumeOnRerun && problems.read(names/* Input */.pd.ResumeRunId).trim() !== '') {
        problems.add(`${names/* Input */.pd.ResumeRunId}' and '${names/* Input */.pd.ResumeOnRerun}`, "both are set; give the run to resume from in 'resume-run-id', or let 'resume-on-rerun' find it, not both", `${names/* Input */.pd.ResumeOnRerun}: true`);
    }
    return { syncGit, resumeOnRerun, runAttempt: runAttemptOf(env) };
}

// EXTERNAL MODULE: ./src/inputs/problems.ts
var inputs_problems = __webpack_require__(8925);
;// CONCATENATED MODULE: ./src/inputs/run-name.ts
/**
 * The default run name, `<owner/repo>@<sha7> <workflow> #<run number>`, so a run in
 * Code Ocean can be traced back to the workflow run that started it. Parts missing
 * from the environment are left out; outside GitHub Actions the result may be ''.
 */
function defaultRunName(env) {
    const repo = env.GITHUB_REPOSITORY ?? '';
    const sha = (env.GITHUB_SHA ?? '').slice(0, 7);
    const source = repo && sha ? `${repo}@${sha}` : repo || sha;
    const workflow = env.GITHUB_WORKFLOW ?? '';
    const number = env.GITHUB_RUN_NUMBER ? `#${env.GITHUB_RUN_NUMBER}` : '';
    return [source, workflow, number].filter((part) => part !== '').join(' ');
}

;// CONCATENATED MODULE: ./src/inputs/run-spec.ts



/** The pipeline or capsule to run: exactly one of the two id inputs. */
function readTarget(problems) {
    const pipeline = problems.read(names/* Input */.pd.PipelineId);
    const capsule = problems.read(names/* Input */.pd.CapsuleId);
    if (pipeline && capsule) {
        problems.add(`${names/* Input */.pd.PipelineId}' and '${names/* Input */.pd.CapsuleId}`, 'both are set; give exactly one: the pipeline or the capsule to run', Examples.id);
        return undefined;
    }
    if (!pipeline && !capsule) {
        problems.add(`${names/* Input */.pd.PipelineId}' or '${names/* Input */.pd.CapsuleId}`, 'neither is set; give the id of the pipeline or of the capsule to run', Examples.id);
        return undefined;
    }
    const kind = pipeline ? 'pipeline' : 'capsule';
    const name = pipeline ? names/* Input */.pd.PipelineId : names/* Input */.pd.CapsuleId;
    const id = problems.attempt(() => parseId(name, pipeline || capsule, `${name}: 4bc97533-6eb4-48ac-966f-648548a756d2`));
    return id === undefined ? undefined : { kind, id };
}
/**
 * Capsules take parameters directly; pipelines per process (`processes`), at pipeline
 * level (`parameters`, `named-parameters`: nf-core pipelines and pipelines with an
 * unlocked main.nf), or both.
 */
function checkFitsTarget(spec, target, problems) {
    if (target?.kind !== 'capsule')
        return;
    if (spec.processes) {
        problems.add(names/* Input */.pd.Processes, `is for pipeline runs; for a capsule run use 'parameters' or 'named-parameters'`, Examples.parameters.json);
    }
    if (spec.nextflowProfile) {
        problems.add(names/* Input */.pd.NextflowProfile, 'is for pipeline runs only; remove it or run a pipeline', 'nextflow-profile: docker');
    }
}
/** What to run: the target and everything that shapes the start request. */
function readRunSpec(problems) {
    const target = readTarget(problems);
    const spec = {
        version: problems.check(names/* Input */.pd.Version, (raw) => (0,values/* parseVersion */.ot)(names/* Input */.pd.Version, raw)),
        resumeRunId: problems.check(names/* Input */.pd.ResumeRunId, (raw) => parseId(names/* Input */.pd.ResumeRunId, raw.trim(), Examples.resumeRunId)),
        dataAssets: problems.check(names/* Input */.pd.DataAssets, (raw) => parseDataAssets(names/* Input */.pd.DataAssets, raw)),
        processes: problems.check(names/* Input */.pd.Processes, (raw) => parseProcesses(names/* Input */.pd.Processes, raw)),
        parameters: problems.check(names/* Input */.pd.Parameters, (raw) => parseParameters(names/* Input */.pd.Parameters, raw)),
        namedParameters: problems.check(names/* Input */.pd.NamedParameters, (raw) => parseNamedParameters(names/* Input */.pd.NamedParameters, raw)),
        nextflowProfile: problems.read(names/* Input */.pd.NextflowProfile) || undefined
    };
    checkFitsTarget(spec, target, problems);
    return target === undefined ? undefined : { target, ...spec };
}

// EXTERNAL MODULE: ./src/inputs/settle-workflow.ts
var settle_workflow = __webpack_require__(9854);
// EXTERNAL MODULE: ./src/inputs/token.ts
var inputs_token = __webpack_require__(7900);
;// CONCATENATED MODULE: ./src/inputs/settings.ts














/** Where Code Ocean is: the `domain` input, or the environment's fallback. */
function readLocation(problems, env) {
    const domain = problems.read(names/* Input */.pd.Domain) || env[names/* EnvFallback */.cg.Domain] || '';
    if (domain.trim() === '') {
        // Most workflows keep the address in a repository variable: the message says how to make one.
        problems.add(names/* Input */.pd.Domain, `is not set (nor is the environment variable ${names/* EnvFallback */.cg.Domain}); set it to the address of your Code Ocean ` +
            `deployment (for example codeocean.example.com): create the repository variable ${names/* EnvFallback */.cg.Domain} in ` +
            `Settings › Secrets and variables › Actions › Variables, and pass it to the step`, `${names/* Input */.pd.Domain}: \${{ vars.${names/* EnvFallback */.cg.Domain} }}`);
        return undefined;
    }
    return problems.attempt(() => (0,inputs_domain/* resolveApiLocation */.s)(names/* Input */.pd.Domain, domain));
}
function checkToken(token, problems) {
    if (token !== '')
        return;
    problems.add(names/* Input */.pd.Secret, `is not set (nor is the environment variable ${names/* EnvFallback */.cg.Secret}); give a Code Ocean API access token from a repository secret`, 'secret: ${{ secrets.CODEOCEAN_API_TOKEN }}');
}
/**
 * `following`: the step follows a run it did not start, which `auto` leaves alone. The
 * default of `stop-on-timeout` stays `false`: a timeout stops no run unless asked to.
 */
function readWaitSettings(problems, following) {
    const stopChoices = {
        cancel: problems.check(names/* Input */.pd.StopOnCancel, (raw) => (0,values/* parseStopChoice */.F1)(names/* Input */.pd.StopOnCancel, raw)) ?? 'auto',
        timeout: problems.check(names/* Input */.pd.StopOnTimeout, (raw) => (0,values/* parseTimeoutChoice */.aQ)(names/* Input */.pd.StopOnTimeout, raw)) ?? false
    };
    const resolve = (choice) => (choice === 'auto' ? !following : choice === true);
    return {
        wait: problems.check(names/* Input */.pd.Wait, (raw) => (0,values/* parseBooleanInput */.S8)(names/* Input */.pd.Wait, raw)) ?? true,
        pollInterval: problems.check(names/* Input */.pd.PollInterval, (raw) => (0,values/* parsePollInterval */.Uz)(names/* Input */.pd.PollInterval, raw)) ?? 'auto',
        waitTimeoutMinutes: problems.check(names/* Input */.pd.WaitTimeout, (raw) => (0,values/* parseWaitTimeout */.Mh)(names/* Input */.pd.WaitTimeout, raw)) ?? 0,
        stopOnCancel: resolve(stopChoices.cancel),
        stopOnTimeout: resolve(stopChoices.timeout),
        handOverOnTimeout: stopChoices.timeout === 'hand-over',
        stopChoices
    };
}
function readResultSettings(problems, wait, env) {
    const { read } = problems;
    const settings = {
        summary: problems.check(names/* Input */.pd.Summary, (raw) => (0,values/* parseBooleanInput */.S8)(names/* Input */.pd.Summary, raw)) ?? true,
        ...(0,downloads/* readDownloadSettings */.G)(problems, env),
        captureName: read(names/* Input */.pd.CaptureResults).trim() || undefined,
        captureTags: (0,values/* parseList */.E1)(read(names/* Input */.pd.CaptureTags), true),
        ...readGitHubTokens(problems)
    };
    if (settings.captureTags.length > 0 && !settings.captureName) {
        problems.add(names/* Input */.pd.CaptureTags, `only applies to a capture; set 'capture-results' to a data asset name too`, `${names/* Input */.pd.CaptureResults}: nightly results`);
    }
    if ((settings.downloadFolder || settings.captureName) && !wait) {
        problems.add(names/* Input */.pd.Wait, `is false, but results can only be downloaded or captured after waiting for the run`, `${names/* Input */.pd.Wait}: 'true'`);
    }
    return settings;
}
/**
 * The GitHub token, for the pull request comment when `comment-on-pr` asks for one, and
 * for the check run when `check-run` does.
 */
function readGitHubTokens(problems) {
    const commentOnPr = problems.check(names/* Input */.pd.CommentOnPr, (raw) => (0,values/* parseBooleanInput */.S8)(names/* Input */.pd.CommentOnPr, raw)) ?? false;
    const checkRun = problems.check(names/* Input */.pd.CheckRun, (raw) => (0,values/* parseBooleanInput */.S8)(names/* Input */.pd.CheckRun, raw)) ?? false;
    const githubToken = problems.read(names/* Input */.pd.GithubToken).trim();
    (0,inputs_token/* registerGithubToken */.k)(githubToken);
    const usable = githubToken !== '' && !githubToken.startsWith('${{');
    const wanted = [...(commentOnPr ? ['comment-on-pr needs a token that may write pull request comments'] : [])];
    if (checkRun)
        wanted.push('check-run needs a token that may write check runs (`checks: write`)');
    if (!usable && wanted.length > 0) {
        problems.add(names/* Input */.pd.GithubToken, `is empty, but ${wanted.join(', and ')}`, `${names/* Input */.pd.GithubToken}: \${{ github.token }}`);
    }
    const settleWorkflow = problems.check(names/* Input */.pd.SettleWorkflow, settle_workflow/* parseSettleWorkflow */.eV);
    if (settleWorkflow !== undefined && !checkRun) {
        problems.add(`${names/* Input */.pd.SettleWorkflow}' and '${names/* Input */.pd.CheckRun}`, `'${names/* Input */.pd.SettleWorkflow}' turns the settle workflow on when this step leaves its check run in progress, but ` +
            `'${names/* Input */.pd.CheckRun}' is not true: set '${names/* Input */.pd.CheckRun}: true', or remove '${names/* Input */.pd.SettleWorkflow}'`, `${names/* Input */.pd.CheckRun}: true\n${settle_workflow/* SETTLE_WORKFLOW_EXAMPLE */.Pm}`);
    }
    return {
        commentToken: commentOnPr ? githubToken : undefined,
        checkToken: checkRun ? githubToken : undefined,
        settleWorkflow: checkRun ? settleWorkflow : undefined
    };
}
const HAND_OVER_EXAMPLE = `${names/* Input */.pd.CheckRun}: true\n${names/* Input */.pd.WaitTimeout}: 30\n${names/* Input */.pd.StopOnTimeout}: hand-over`;
/**
 * `stop-on-timeout: hand-over` hands the run to a settle step through its check run: it
 * needs `check-run: true`, and a run this step starts (a followed run's check carries no
 * external_id, so no settle step could find it).
 */
function checkHandOver(problems, checkRun, following) {
    if (!checkRun) {
        problems.add(`${names/* Input */.pd.StopOnTimeout}' and '${names/* Input */.pd.CheckRun}`, `'${names/* Input */.pd.StopOnTimeout}: hand-over' leaves the run to a settle step through its check run, but ` +
            `'${names/* Input */.pd.CheckRun}' is not true: set '${names/* Input */.pd.CheckRun}: true', or choose true, false or auto`, HAND_OVER_EXAMPLE);
    }
    if (following) {
        problems.add(`${names/* Input */.pd.StopOnTimeout}' and '${names/* Input */.pd.ComputationId}`, `'${names/* Input */.pd.StopOnTimeout}: hand-over' leaves the run to a settle step, which finds only the check runs of runs ` +
            `a step started (a followed run's check does not name its capsule or pipeline): choose true, false or auto`, `${names/* Input */.pd.StopOnTimeout}: auto`);
    }
}
/** What the step starts: the request, the run's name, and what happens before the start. */
function readStartSettings(problems, env) {
    const run = readRunSpec(problems);
    const checkParameters = readCheckParameters(problems);
    const preparation = readPreparationSettings(problems, env);
    const runName = problems.read(names/* Input */.pd.RunName) || defaultRunName(env);
    return { run, checkParameters, runName, ...preparation };
}
function readCheckParameters(problems) {
    return problems.check(names/* Input */.pd.CheckParameters, (raw) => (0,values/* parseBooleanInput */.S8)(names/* Input */.pd.CheckParameters, raw)) ?? true;
}
/**
 * Reads and validates every input. Throws InputErrors naming each bad input, what is
 * wrong and the right form; nothing is sent to Code Ocean before this succeeds. With
 * `computation-id` the step follows that run instead of starting one (FollowSettings).
 */
function getSettings(token, readRaw = core.getInput, env = process.env, log = (line) => core.info(line)) {
    // Trimmed here, not only by the runner's getInput: other hosts of the action
    // (@github/local-action, for one) pass inputs on exactly as written.
    const read = (name) => readRaw(name).trim();
    const problems = new inputs_problems/* Problems */.Z(read);
    const location = readLocation(problems, env);
    checkToken(token, problems);
    const following = isFollowing(problems);
    const start = following ? undefined : readStartSettings(problems, env);
    const waiting = readWaitSettings(problems, following);
    const computationId = following ? readFollowedRun(problems, waiting.wait) : undefined;
    // Only its form is checked when following: a followed run has no request to check.
    if (following)
        readCheckParameters(problems);
    const results = readResultSettings(problems, waiting.wait, env);
    if (waiting.handOverOnTimeout)
        checkHandOver(problems, results.checkToken !== undefined, following);
    if (problems.list.length === 0 && location) {
        for (const note of problems.notes)
            log(note);
        const common = { location, token, ...waiting, ...results };
        if (computationId !== undefined)
            return { ...common, computationId };
        if (start?.run)
            return { ...common, ...start, run: start.run };
    }
    // Each way of getting here added a problem. A token pasted into the wrong input must not be echoed back.
    throw new errors/* InputErrors */.G(problems.list, (0,redact.redactor)([token]));
}

// EXTERNAL MODULE: ./src/inputs/settle.ts
var settle = __webpack_require__(7878);
// EXTERNAL MODULE: ./src/inputs/unexpected-inputs.ts
var unexpected_inputs = __webpack_require__(6262);
;// CONCATENATED MODULE: ./src/lifecycle/interruption.ts

/**
 * Turns the runner's cancel signals and the `wait-timeout` into one AbortSignal that
 * every waiting call takes, and remembers which of the two came first.
 */
class Interrupter {
    reason;
    controller = new AbortController();
    /** Aborted by a cancel only: what follows a finished run has no wait-timeout, but must end on a cancel. */
    cancelController = new AbortController();
    timer;
    onSignal = (signal) => {
        if (this.reason === 'cancel')
            return;
        this.reason = 'cancel';
        core.info(`Received ${signal}: the workflow is being cancelled.`);
        this.controller.abort();
        this.cancelController.abort();
    };
    constructor() {
        process.on('SIGINT', this.onSignal);
        process.on('SIGTERM', this.onSignal);
    }
    get signal() {
        return this.controller.signal;
    }
    /** Aborted when the workflow is cancelled, and never by the wait-timeout. */
    get cancelSignal() {
        return this.cancelController.signal;
    }
    /** Interrupts the wait after `minutes`, unless a cancel came first; 0 means never. */
    timeoutAfter(minutes) {
        if (minutes <= 0)
            return;
        this.timer = setTimeout(() => {
            this.reason ??= 'timeout';
            this.controller.abort();
        }, minutes * 60_000);
    }
    dispose() {
        clearTimeout(this.timer);
        process.off('SIGINT', this.onSignal);
        process.off('SIGTERM', this.onSignal);
    }
}

// EXTERNAL MODULE: ./src/codeocean/models/run-request.ts
var run_request = __webpack_require__(4845);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/event.ts
var report_event = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/report/github-client.ts
var github_client = __webpack_require__(6223);
// EXTERNAL MODULE: ./src/report/markdown.ts
var report_markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/pr-comment.ts







/**
 * The longest comment body GitHub accepts, in characters; a longer one is refused
 * ("Body is too long (maximum is 65536 characters)"). Counted here in UTF-16 code
 * units, never fewer than GitHub's characters.
 */
const MAX_COMMENT_CHARS = 65_536;
/**
 * What tells the legs of a matrix apart: they run one job with different requests
 * (parameters, data assets, versions). A short digest of the request body is the same
 * for every run of one leg, re-runs included, and differs between legs. A re-run that
 * resumes the earlier attempt's run (resume-on-rerun) adds `resume_run_id`; it is the
 * same leg, so that field is left out.
 */
function requestKey(request) {
    const { resume_run_id: _resumed, ...leg } = request;
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(leg)).digest('hex').slice(0, 12);
}
/**
 * The hidden line that identifies this step's comment, so later runs update it
 * instead of adding another: one comment per workflow, job, capsule or pipeline, and
 * request (so each matrix leg keeps its own).
 */
function commentMarker(workflow, job, target, request) {
    const key = [workflow, job, target, request].map((part) => part.replace(/--+|>/g, '-')).join(' / ');
    return `<!-- codeocean-run-action: ${key} -->`;
}
/**
 * The comment: the marker on its first line (how a later run finds it), then the
 * summary, cut with a note if it would be longer than GitHub accepts, which the cap on
 * every value should keep it from.
 */
function commentBody(marker, markdown) {
    const note = '*The rest of this comment was cut: GitHub takes at most 65,536 characters in a comment.*';
    return (0,report_markdown/* fitWithin */.Hi)(`${marker}\n${markdown}`, MAX_COMMENT_CHARS, (part) => part.length, note);
}
/** The pull request number of the current event, or undefined when it is not about one. */
function pullRequestNumber(env) {
    const payload = (0,report_event/* pullRequestPayload */.j)(env);
    if (!payload)
        return undefined;
    const number = Number(payload.pull_request?.number ?? payload.number);
    return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
/**
 * The login of the account the token acts as, or undefined when GitHub does not say.
 * GraphQL's `viewer` answers for every kind of token: a personal token gives the
 * user's login, an installation token (the workflow's GITHUB_TOKEN, or one made for
 * another GitHub App) the app's bot, for example `github-actions[bot]`. REST
 * `GET /user` would not do: GitHub refuses it for installation tokens (403 "Resource
 * not accessible by integration"), and guessing `github-actions[bot]` instead would be
 * wrong for other apps' tokens.
 */
async function tokenLogin(octokit, signal) {
    try {
        const answer = await octokit.graphql('query { viewer { login } }', {
            request: { signal }
        });
        const login = answer.viewer?.login;
        return typeof login === 'string' && login !== '' ? login : undefined;
    }
    catch (error) {
        const reason = (0,github_client/* gitHubReason */.Q)(error);
        core.info((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(`Could not tell which account the token acts as (${reason}); adding a new comment.`)));
        return undefined;
    }
}
/**
 * Our earlier comment: it starts with the marker and was written by the token's own
 * account. Anyone can copy the marker into a comment of theirs; such a comment is
 * never edited. Another leg's comment, by the same account, can hold our marker further
 * down (a result path or a parameter value that quotes it): only a comment that starts
 * with it is ours. Without a known login, no comment counts as ours.
 */
function findOwnComment(comments, marker, login) {
    if (login === undefined)
        return undefined;
    return comments.find((c) => c.user?.login === login && c.body?.startsWith(marker));
}
/**
 * Creates the step's comment on the pull request, or updates the one an earlier run
 * of this step left (found by its marker and its author). The GitHub client is loaded
 * here (githubClient), where a failure to comment is a warning.
 */
async function upsertComment(target, markdown) {
    const octokit = await (0,github_client/* githubClient */.$)(target.token);
    const request = { signal: target.signal };
    const { owner, repo } = (0,report_event/* ownerAndRepo */.H)(target.repository);
    const body = commentBody(target.marker, markdown);
    const login = await tokenLogin(octokit, target.signal);
    const comments = login === undefined
        ? []
        : await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: target.issue,
            per_page: 100,
            request
        });
    const existing = findOwnComment(comments, target.marker, login);
    if (existing) {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body, request });
        return { id: existing.id, created: false };
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: target.issue, body, request });
    return { id: created.data.id, created: true };
}
/**
 * Posts the summary on the pull request, or updates the comment an earlier run left.
 * Only on pull request events; a failure is a warning, since the run's outcome stands.
 */
async function commentOnPullRequest(markdown, token, target, redact, env = process.env, signal) {
    const issue = pullRequestNumber(env);
    if (issue === undefined) {
        core.debug('Not a pull request event: no comment.');
        return;
    }
    const marker = commentMarker(env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', target.id, requestKey(target.request));
    try {
        const result = await upsertComment({ token, repository: env.GITHUB_REPOSITORY ?? '', issue, marker, signal }, markdown);
        core.info(`${result.created ? 'Commented' : 'Updated the comment'} on pull request #${issue}`);
    }
    catch (error) {
        if (signal?.aborted) {
            core.info(`The comment on pull request #${issue} was cut short: the workflow was cancelled.`);
            return;
        }
        // GitHub's answer is outside text: one line, never a workflow command.
        core.warning((0,untrusted/* inline */.mG)(redact(`Could not comment on pull request #${issue}: ${(0,github_client/* gitHubReason */.Q)(error)}. The token in github-token needs ` +
            '`pull-requests: write` (in the workflow: `permissions: pull-requests: write`).')));
    }
}

// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/lifecycle/run/check-run.ts
var check_run = __webpack_require__(1786);
;// CONCATENATED MODULE: ./src/lifecycle/run/finish.ts







/** Whether to write the job summary. Only the `summary` input decides: a bad value elsewhere still gets one. */
function summaryWanted() {
    try {
        return (0,values/* parseBooleanInput */.S8)(names/* Input */.pd.Summary, core.getInput(names/* Input */.pd.Summary) || 'true');
    }
    catch {
        // An invalid `summary` value is reported with the other input errors.
        return true;
    }
}
/**
 * The step's last phase, on every path: every output gets a value, then the job
 * summary, the check run's end (`check-run`) and, when asked for, the pull request
 * comment, which a cancel (`signal`) cuts short.
 */
async function finishStep(step, settings, signal) {
    step.outputs.complete('failed');
    step.summary.endedAt = Date.now();
    const summary = summaryWanted();
    if (!summary && !settings?.commentToken && !step.check)
        return;
    // One rendering serves the job summary, the check run and the pull request comment.
    const markdown = step.redact((0,report_summary/* renderSummary */.Br)(step.summary, step.redact));
    if (summary)
        await (0,report_summary/* writeSummary */.Sy)(markdown);
    // Before the comment, which a cancel cuts short at once: the check gets a short while of its own.
    await (0,check_run/* closeCheckRun */.we)(step, markdown, signal?.aborted === true);
    if (settings?.commentToken) {
        // One comment per target and request, or, for a followed run, per run.
        const target = settings.run
            ? { id: settings.run.target.id, request: (0,run_request/* buildRunRequest */.b)(settings.run) }
            : { id: settings.computationId, request: { computation_id: settings.computationId } };
        await commentOnPullRequest(markdown, settings.commentToken, target, step.redact, process.env, signal);
    }
}

// EXTERNAL MODULE: ./src/lifecycle/step.ts
var lifecycle_step = __webpack_require__(3248);
;// CONCATENATED MODULE: ./src/main.ts








/**
 * The action's main step, phase by phase: read the inputs, start the run (or find the
 * one `computation-id` names) and report it at once, then follow it to its end and
 * handle its results. Whatever happens, the step ends with every output set, a job
 * summary and, if asked, a PR comment.
 */
async function run() {
    if ((0,settle/* isSettling */.dw)()) {
        // `settle: true`: no run to start or follow; complete the checks earlier steps left in progress.
        const { settle } = await Promise.all(/* import() */[__webpack_require__.e(368), __webpack_require__.e(173), __webpack_require__.e(422), __webpack_require__.e(664)]).then(__webpack_require__.bind(__webpack_require__, 1664));
        await settle();
        return;
    }
    const step = (0,lifecycle_step/* newStep */.zu)();
    const interrupter = new Interrupter();
    let settings;
    let client;
    try {
        // The token is masked before anything else can print it.
        const token = (0,inputs_token/* readToken */.A)();
        // Before the inputs are read: a misspelt input may be why they are wrong.
        (0,unexpected_inputs/* warnAboutUnexpectedInputs */.We)(process.env, (message) => core.warning(message));
        settings = getSettings(token);
        // Loaded once the inputs are good: a step that stops at an input error never loads
        // the API client and the phases, a quarter of a valid step's start-up (`npm run bench -- startup`).
        const phases = await Promise.all(/* import() */[__webpack_require__.e(368), __webpack_require__.e(173), __webpack_require__.e(422), __webpack_require__.e(926)]).then(__webpack_require__.bind(__webpack_require__, 3926));
        client = phases.connect(settings, step);
        let started;
        if (settings.computationId !== undefined) {
            // `computation-id`: follow a run something else started; nothing is started.
            started = await phases.attachToRun(client, settings, step, interrupter);
        }
        else {
            settings = await phases.prepareRun(client, settings, step, interrupter);
            await phases.preflight(client, settings);
            ({ run: started, settings } = await phases.startRun(client, settings, step, interrupter));
        }
        // `check-run`: the run as a check on the commit, from now until the step's end.
        await phases.openCheckRun(started, settings, step, interrupter.cancelSignal);
        if (!settings.wait) {
            phases.leaveRunning(step);
            return;
        }
        interrupter.timeoutAfter(settings.waitTimeoutMinutes);
        await phases.followRun(client, started, settings, step, interrupter);
    }
    catch (error) {
        (0,lifecycle_step/* failStepWith */.F9)(step, error);
    }
    finally {
        client?.close();
        // Still listening for a cancel: it cuts the pull request comment short.
        await finishStep(step, settings, interrupter.cancelSignal);
        interrupter.dispose();
    }
}


/***/ }),

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   cg: () => (/* binding */ EnvFallback),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/** Input names, exactly as declared in action.yml. */
const Input = {
    Domain: 'domain',
    Secret: 'secret',
    PipelineId: 'pipeline-id',
    CapsuleId: 'capsule-id',
    ComputationId: 'computation-id',
    Version: 'version',
    DataAssets: 'data-assets',
    Processes: 'processes',
    Parameters: 'parameters',
    NamedParameters: 'named-parameters',
    NextflowProfile: 'nextflow-profile',
    SyncGit: 'sync-git',
    ResumeRunId: 'resume-run-id',
    ResumeOnRerun: 'resume-on-rerun',
    RunName: 'run-name',
    CheckParameters: 'check-parameters',
    Wait: 'wait',
    PollInterval: 'poll-interval',
    WaitTimeout: 'wait-timeout',
    StopOnCancel: 'stop-on-cancel',
    StopOnTimeout: 'stop-on-timeout',
    Summary: 'summary',
    DownloadResults: 'download-results',
    ResultsFilter: 'results-filter',
    ResultsTimeout: 'results-timeout',
    CaptureResults: 'capture-results',
    CaptureTags: 'capture-tags',
    CommentOnPr: 'comment-on-pr',
    CheckRun: 'check-run',
    GithubToken: 'github-token',
    Settle: 'settle',
    SettleMaxAge: 'settle-max-age',
    SettleWorkflow: 'settle-workflow'
};
/**
 * What the main step leaves for the post step (GITHUB_STATE). Never the token. The post
 * step has an entry point of its own (src/post.ts), so no state says which step runs.
 */
const State = {
    ComputationId: 'computation-id',
    /** 'true' while the main step waits and has not settled the run's fate. */
    Watching: 'watching',
    /** The id of this step's check run while it is in progress and the step answers for it; '' once settled. */
    CheckRunId: 'check-run-id'
};
/** Output names, exactly as declared in action.yml. */
const Output = {
    ComputationId: 'computation-id',
    Name: 'name',
    State: 'state',
    EndStatus: 'end-status',
    ExitCode: 'exit-code',
    HasResults: 'has-results',
    RunTime: 'run-time',
    Status: 'status',
    Computation: 'computation',
    ResultsPath: 'results-path',
    ResultFiles: 'result-files',
    DataAssetId: 'data-asset-id',
    GitPulled: 'git-pulled',
    GitPushed: 'git-pushed'
};
/** Environment variables read when the matching input is empty. */
const EnvFallback = {
    Domain: 'CODEOCEAN_DOMAIN',
    Secret: 'CODEOCEAN_API_TOKEN'
};


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   basicAuthValue: () => (/* binding */ basicAuthValue),
/* harmony export */   redactRegistered: () => (/* binding */ redactRegistered),
/* harmony export */   redactor: () => (/* binding */ redactor),
/* harmony export */   registerSecret: () => (/* binding */ registerSecret)
/* harmony export */ });
/**
 * Removes secrets from text we did not write ourselves (server messages can echo
 * what they were sent). The runner masks registered secrets in the log, but not in
 * outputs or the job summary, so the action scrubs them itself too.
 */
function redactor(secrets) {
    const values = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
    return (text) => values.reduce((out, secret) => out.split(secret).join('***'), text);
}
/** The value of the Authorization header for a token: also a secret. */
function basicAuthValue(token) {
    return Buffer.from(`${token}:`).toString('base64');
}
const registered = [];
/** Remembers a secret for `redactRegistered`, the last line of defence. */
function registerSecret(secret) {
    if (secret)
        registered.push(secret, basicAuthValue(secret));
}
/** Scrubs every registered secret: for messages from errors nobody anticipated. */
function redactRegistered(text) {
    return redactor(registered)(text);
}


/***/ }),

/***/ 3033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ checkRunName),
/* harmony export */   Cp: () => (/* binding */ externalIdFor),
/* harmony export */   Gc: () => (/* binding */ checkConclusion),
/* harmony export */   v: () => (/* binding */ readExternalId)
/* harmony export */ });
/* harmony import */ var _codeocean_models_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8543);
/* harmony import */ var _caps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2410);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);
/**
 * What ties a GitHub check run to the Code Ocean run it stands for (docs/github-checks.md).
 * The check's `external_id` carries the target and the run's id, so a later settle step
 * can find the run from the check alone; the settle step completes a check only when its
 * `external_id` reads back exactly in this form (and its suite's app is the settle
 * token's), so a look-alike check from elsewhere is never touched.
 */



/** Names the form and its version: a later form gets another, and old checks still read. */
const PREFIX = 'codeocean-run/v1?';
const KEYS = ['kind', 'target', 'run'];
/** `codeocean-run/v1?kind=pipeline&target=<id>&run=<id>`: a query string, so ids need no escaping rules of our own. */
function externalIdFor(identity) {
    return PREFIX + new URLSearchParams({ kind: identity.kind, target: identity.target, run: identity.run }).toString();
}
/**
 * The identity a check's `external_id` carries, or undefined unless it is exactly this
 * action's form: the prefix, the three keys once each and nothing else, a known kind and
 * two ids a Code Ocean URL may carry. GitHub answers null or "" for a check without one.
 */
function readExternalId(externalId) {
    if (!externalId?.startsWith(PREFIX))
        return undefined;
    const params = new URLSearchParams(externalId.slice(PREFIX.length));
    const keys = [...params.keys()];
    if (keys.length !== KEYS.length || !KEYS.every((key) => params.getAll(key).length === 1))
        return undefined;
    const kind = params.get('kind');
    const target = params.get('target') ?? '';
    const run = params.get('run') ?? '';
    if (kind !== 'pipeline' && kind !== 'capsule')
        return undefined;
    if ((0,_codeocean_models_id_js__WEBPACK_IMPORTED_MODULE_0__/* .idProblem */ .lx)(target) !== undefined || (0,_codeocean_models_id_js__WEBPACK_IMPORTED_MODULE_0__/* .idProblem */ .lx)(run) !== undefined)
        return undefined;
    return { kind, target, run };
}
/** The longest check name shown: a run name is outside text, and the checks list shows one line. */
const MAX_NAME_CHARS = 100;
/** `Code Ocean: <run name>`: the name alone must say what the check is, since it may show under another workflow's suite. */
function checkRunName(runName) {
    return `Code Ocean: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)((0,_caps_js__WEBPACK_IMPORTED_MODULE_2__/* .capText */ .yA)(runName, MAX_NAME_CHARS))}`;
}
/** The check's conclusion for the step's status; undefined while the run goes on (`wait: false`): the check stays in progress. */
function checkConclusion(status) {
    switch (status) {
        case 'started':
            return undefined;
        case 'succeeded':
            return 'success';
        case 'failed':
            return 'failure';
        case 'stopped':
        case 'cancelled':
            return 'cancelled';
        case 'timed-out':
            return 'timed_out';
    }
}


/***/ }),

/***/ 8442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JI: () => (/* binding */ checkHeadSha),
/* harmony export */   Lk: () => (/* binding */ completeCheckRunBody),
/* harmony export */   Wz: () => (/* binding */ leftRunningCheckRunBody),
/* harmony export */   i2: () => (/* binding */ createCheckRunBody),
/* harmony export */   rp: () => (/* binding */ CheckRuns)
/* harmony export */ });
/* unused harmony exports MAX_CHECK_OUTPUT_BYTES, fitCheckOutput, cancelledCheckRunBody */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8902);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6223);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4285);
/* harmony import */ var _check_identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3033);
/* harmony import */ var _workflow_switch_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7706);
/**
 * The run as a GitHub check run (`check-run`; docs/github-checks.md): the request bodies
 * that create, settle and complete it, pure, and the few Checks API calls that send them.
 * A check run is a report, like the summary: no failure here ever fails the step.
 */







/** GitHub's limit on a check run's `output.summary` and `output.text`: bytes of UTF-8, not characters. */
const MAX_CHECK_OUTPUT_BYTES = 65_535;
/** `markdown` within MAX_CHECK_OUTPUT_BYTES, cut between lines with a note when longer. */
function fitCheckOutput(markdown) {
    const note = '*The rest was cut: GitHub takes at most 65,535 bytes here; the job summary has it all.*';
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .fitWithin */ .Hi)(markdown, MAX_CHECK_OUTPUT_BYTES, (part) => Buffer.byteLength(part), note);
}
/** A commit SHA as GitHub writes one (SHA-1, or SHA-256 for such repositories). */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * The commit the check goes on: the one the workflow ran for. On a pull request event
 * that is the pull request's head (GITHUB_SHA is then a merge commit no one looks at);
 * otherwise GITHUB_SHA. Undefined when neither is a SHA.
 */
function checkHeadSha(env) {
    const head = (0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .pullRequestPayload */ .j)(env)?.pull_request?.head?.sha;
    if (typeof head === 'string' && SHA.test(head))
        return head;
    const sha = env.GITHUB_SHA ?? '';
    return SHA.test(sha) ? sha : undefined;
}
/** The body of POST /repos/{owner}/{repo}/check-runs: in progress, saying the run is going. */
function createCheckRunBody(start) {
    return {
        name: (0,_check_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .checkRunName */ .$_)(start.runName),
        head_sha: start.headSha,
        status: 'in_progress',
        started_at: new Date(start.startedAt).toISOString(),
        ...(start.detailsUrl ? { details_url: start.detailsUrl } : {}),
        ...(start.identity ? { external_id: (0,_check_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .externalIdFor */ .Cp)(start.identity) } : {}),
        output: {
            title: 'Running',
            summary: `Code Ocean run ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(start.runId)} is running; this check completes when it ends.`
        }
    };
}
/**
 * The body of the PATCH for `wait: false`, or for a run handed over at the wait-timeout
 * (`stop-on-timeout: hand-over`): the check stays in progress, and says the run is settled
 * later (by a settle step), above the job summary.
 */
function leftRunningCheckRunBody(runId, markdown, handedOver = false) {
    const line = handedOver
        ? `The step stopped waiting for Code Ocean run ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(runId)} at its wait-timeout and handed the run over to a settle step: this check completes once a settle step finds the run has ended.`
        : `Code Ocean run ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(runId)} was started and is settled later: this check completes once a settle step finds the run has ended.`;
    const title = handedOver ? 'Code Ocean run handed over to a settle step' : 'Code Ocean run started';
    return { output: { title, summary: fitCheckOutput(`${line}\n\n${markdown}`) } };
}
/** The body of the PATCH that completes the check. */
function completeCheckRunBody(end) {
    return {
        status: 'completed',
        conclusion: end.conclusion,
        completed_at: new Date(end.completedAt).toISOString(),
        output: {
            title: end.title,
            summary: fitCheckOutput(end.summary),
            ...(end.text ? { text: fitCheckOutput(end.text) } : {})
        }
    };
}
/** The body with which the post step completes a check its killed main step left in progress. */
function cancelledCheckRunBody(runId, completedAt) {
    return completeCheckRunBody({
        conclusion: 'cancelled',
        completedAt,
        title: 'Cancelled while waiting for the Code Ocean run',
        summary: `The step following Code Ocean run ${code(runId)} ended before the run did (the workflow was cancelled, or the step was killed).`
    });
}
/** GitHub's words when the token lacks `checks: write` (a fork's pull request gets a read-only token). */
const NOT_ACCESSIBLE = 'Resource not accessible by integration';
function isNotAccessible(error) {
    const status = error?.status;
    return status === 403 && (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error).includes(NOT_ACCESSIBLE);
}
/**
 * Why a GitHub call failed, in a few words. Octokit words a call its signal ended as
 * "Unknown Error" or the platform's abort text, so that case is told by the signal.
 */
function whyCallFailed(error, signal) {
    if (signal?.aborted) {
        const timedOut = signal.reason?.name === 'TimeoutError';
        return timedOut ? 'GitHub gave no answer in time' : 'the step was cancelled first';
    }
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_3__/* .gitHubReason */ .Q)(error);
}
/**
 * The Checks API calls of one step. Each failure is a warning, never the step's; a token
 * without `checks: write` is told once, with what to add, and then no further call is made.
 * The GitHub client is loaded on first use (githubClient), and is the pull request
 * comment's too.
 */
class CheckRuns {
    target;
    /** The token may not write check runs: nothing more is sent. */
    refused = false;
    constructor(target) {
        this.target = target;
    }
    async octokit() {
        return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_3__/* .githubClient */ .$)(this.target.token);
    }
    repo() {
        return (0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .ownerAndRepo */ .H)(this.target.repository);
    }
    warn(what, error, signal) {
        if (!signal?.aborted && isNotAccessible(error)) {
            this.refused = true;
            this.target.warn(`Could not ${what}: the token in github-token may not write check runs (GitHub: ${NOT_ACCESSIBLE}). ` +
                'Add `permissions: checks: write` to the job; a pull request from a fork gets a read-only token whatever ' +
                'the workflow asks, so no check run can be made for one. The step goes on without a check run.');
            return;
        }
        this.target.warn(`Could not ${what}: ${whyCallFailed(error, signal)}. The step goes on.`);
    }
    /** Creates a check run; its id, or undefined when GitHub refused (told as a warning). */
    async create(body, signal) {
        if (this.refused)
            return undefined;
        try {
            const octokit = await this.octokit();
            const answer = await octokit.rest.checks.create({
                ...this.repo(),
                ...body,
                request: { signal }
            });
            const id = answer.data.id;
            return Number.isSafeInteger(id) && id > 0 ? id : undefined;
        }
        catch (error) {
            this.warn('create the check run', error, signal);
            return undefined;
        }
    }
    /** Updates check run `id`; false when that failed (told as a warning). */
    async update(id, body, signal) {
        if (this.refused)
            return false;
        try {
            const octokit = await this.octokit();
            await octokit.rest.checks.update({ ...this.repo(), check_run_id: id, ...body, request: { signal } });
            return true;
        }
        catch (error) {
            this.warn(`update check run ${id}`, error, signal);
            return false;
        }
    }
    /**
     * Turns the settle workflow `file` on, so that its schedule settles the check this step
     * leaves in progress (`settle-workflow`); false when GitHub refused (told as a warning:
     * the check then waits until the schedule runs again for another reason).
     */
    async wakeWorkflow(file, signal) {
        try {
            await (0,_workflow_switch_js__WEBPACK_IMPORTED_MODULE_5__/* .switchWorkflow */ .W)(await this.octokit(), this.target.repository, file, 'on', signal ?? new AbortController().signal);
            return true;
        }
        catch (error) {
            const hint = (0,_workflow_switch_js__WEBPACK_IMPORTED_MODULE_5__/* .switchRefusedHint */ .g)(file, error);
            this.target.warn(`Could not turn on the settle workflow ${file}: ${whyCallFailed(error, signal)}. Until it runs, no ` +
                `step settles this check${hint === undefined ? '' : `: ${hint}`}.`);
            return false;
        }
    }
    /** Check run `id`'s status (`in_progress`, `completed`, …), or undefined when it cannot be read (told as a warning). */
    async status(id, signal) {
        if (this.refused)
            return undefined;
        try {
            const octokit = await this.octokit();
            const answer = await octokit.rest.checks.get({ ...this.repo(), check_run_id: id, request: { signal } });
            return (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(String(answer.data.status));
        }
        catch (error) {
            this.warn(`read check run ${id}`, error, signal);
            return undefined;
        }
    }
}


/***/ }),

/***/ 7706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ switchWorkflow),
/* harmony export */   g: () => (/* binding */ switchRefusedHint)
/* harmony export */ });
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8902);
/**
 * The settle schedule's pause (`settle-workflow`; docs/checks.md): a scheduled workflow
 * bills a job at every tick whether or not a check is pending, so the settle step turns
 * its own workflow off once nothing is left, and a step that leaves a check in progress
 * turns it on again. GitHub's "disable a workflow" and "enable a workflow" calls do this
 * (PUT /repos/{owner}/{repo}/actions/workflows/{file}/disable|enable; the workflow's file
 * name stands for its id), and need `actions: write`.
 */

/** Turns `file`'s workflow on or off; throws GitHub's error. Both calls are idempotent. */
async function switchWorkflow(octokit, repository, file, to, signal) {
    const { owner, repo } = (0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .ownerAndRepo */ .H)(repository);
    const call = to === 'on' ? octokit.rest.actions.enableWorkflow : octokit.rest.actions.disableWorkflow;
    await call({ owner, repo, workflow_id: file, request: { signal } });
}
/**
 * What to add when GitHub refuses the switch (403: no `actions: write`; 404: no such
 * workflow), the same words for either step; undefined for any other failure (a time
 * limit, a network error), which those words would not mend.
 */
function switchRefusedHint(file, error) {
    const status = error?.status;
    if (status !== 403 && status !== 404)
        return undefined;
    return (`give the job \`permissions: actions: write\`, and check that .github/workflows/${file} exists on the default ` +
        'branch');
}


/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ ownerAndRepo),
/* harmony export */   j: () => (/* binding */ pullRequestPayload)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/** `owner/repo` (GITHUB_REPOSITORY) as the REST API's two path parameters; empty when missing. */
function ownerAndRepo(repository) {
    const [owner = '', repo = ''] = repository.split('/');
    return { owner, repo };
}
/** Events whose payload names a pull request. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/**
 * The last payload read, and from where. The event file does not change during a step,
 * and a step that writes a check run and comments on the pull request asks for it twice.
 */
let last;
/** The payload of the current event when it is about a pull request, else undefined (also when it cannot be read). */
function pullRequestPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !path)
        return undefined;
    if (last?.path !== path)
        last = { path, payload: readPayload(path) };
    return last.payload;
}
function readPayload(path) {
    try {
        const payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        return typeof payload === 'object' && payload !== null ? payload : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 6223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ githubClient),
/* harmony export */   Q: () => (/* binding */ gitHubReason)
/* harmony export */ });
/* harmony import */ var _caps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2410);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(311);




const clients = new Map();
/**
 * The GitHub client for `token`, one per token and API address in the process, so a step
 * that both writes a check run and comments on the pull request builds one. Loaded on
 * first use. Loading it costs every step some 15 ms, but that is not why it waits:
 * @actions/github does work as it loads (it reads and parses the event payload, and
 * builds proxy agents from HTTPS_PROXY, throwing on an address it cannot parse), which
 * only a step that calls GitHub should meet, and meet where the call's failure is handled.
 *
 * The signal of a call goes with that call, never into the client's options: those
 * would replace the client's own `request` defaults, which carry the runner's proxy settings.
 */
function githubClient(token) {
    // The address is read as the client is built; a runner's never changes, a test's may.
    const key = `${process.env.GITHUB_API_URL ?? ''}\n${token}`;
    let client = clients.get(key);
    if (!client) {
        client = __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413)).then(({ getOctokit }) => getOctokit(token, { userAgent: _version_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_AGENT */ ._ }));
        clients.set(key, client);
    }
    return client;
}
/**
 * A GitHub error in a few words, as outside text: one line, capped. A GraphQL error's
 * message is a heading ("Request failed due to following response errors:") with the
 * reasons on the lines below, so its `errors` give the reasons instead.
 */
function gitHubReason(error) {
    const errors = error?.errors;
    const reasons = Array.isArray(errors)
        ? errors
            .map((e) => e?.message)
            .filter((message) => typeof message === 'string' && message !== '')
        : [];
    return (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)((0,_caps_js__WEBPACK_IMPORTED_MODULE_3__/* .capText */ .yA)(reasons.length > 0 ? reasons.join('; ') : (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error).split('\n')[0]));
}


/***/ }),

/***/ 3303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ workflowRunUrl),
/* harmony export */   T: () => (/* binding */ relativeToWorkspace)
/* harmony export */ });
/**
 * Where a reader of the summary goes next, and paths as they know them.
 *
 * Only the workflow run is linked. Code Ocean's public documentation shows no address
 * for a capsule, a pipeline or a run in its web app: it says to find a capsule's id "in
 * metadata" (docs.codeocean.com/user-guide/code-ocean-api/capsule), and the only page
 * address it gives, https://codeocean.com/capsule/<number>/tree/v<n>, is a published
 * capsule's, by a number the API calls `slug`, not the id this action runs
 * (help.codeocean.com, "Which link to my capsule should I share with others?"). A guessed
 * address would send readers to a page that may not exist, so there is none.
 */
/** An owner/name pair as GitHub allows it: nothing that could end a Markdown link. */
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const NUMBER = /^[1-9]\d*$/;
/** The server's address, when it is a plain http(s) address with no character that could end a link. */
function serverUrl(value) {
    if (!value)
        return undefined;
    try {
        const url = new URL(value);
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            return undefined;
        if (url.search || url.hash || url.username || url.password)
            return undefined;
        const base = url.href.replace(/\/+$/, '');
        return /^[\w:/.%~-]+$/.test(base) ? base : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The page of this workflow run, at this attempt (a re-run is another attempt, with a
 * page of its own), from the runner's GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID
 * and GITHUB_RUN_ATTEMPT. Undefined when any of them is missing or not what the runner
 * sets, so a link is only ever built from checked parts.
 */
function workflowRunUrl(env) {
    const server = serverUrl(env.GITHUB_SERVER_URL);
    const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt } = env;
    if (!server || !repository || !REPOSITORY.test(repository) || !runId || !NUMBER.test(runId))
        return undefined;
    const run = `${server}/${repository}/actions/runs/${runId}`;
    return attempt && NUMBER.test(attempt) ? `${run}/attempts/${attempt}` : run;
}
/**
 * `text` with the workspace's absolute path taken out: a path inside it becomes relative
 * (`results/x.csv`), the workspace itself `.`. The runner's own folders
 * (`/home/runner/work/…`) mean nothing to a reader of a pull request. A workspace that is
 * no absolute path of at least one folder is left alone: replacing `/` would mangle
 * every path.
 */
function relativeToWorkspace(text, workspace) {
    const root = workspace?.replace(/\/+$/, '');
    if (!root || !root.startsWith('/') || root.length < 2)
        return text;
    const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // `<root>/x` becomes `x`; the root not followed by more of a path, `.` (so `<root>/ ` is `./ `).
    // Only the whole folder: `/w/repo` is not in `/w/repo-other`.
    return text.replace(new RegExp(`${escaped}(?:(/)(?=[\\w.-])|(?![\\w.-]))`, 'g'), (_, slash) => slash ? '' : '.');
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   Hi: () => (/* binding */ fitWithin),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   Up: () => (/* binding */ lineBlock),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports splitLines, oneLine */
/* harmony import */ var _caps_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2410);
/**
 * Markdown building blocks for the job summary and the pull request comment.
 *
 * Everything that comes from outside (run names, paths, messages, parameter values,
 * data asset names, server text) goes through `text` or `code` and so renders as
 * the characters it holds: never a heading, list, quote, link, image, autolink,
 * HTML, table row or column, mention or issue reference. The packages that escape
 * Markdown on npm cover CommonMark's inline syntax only, not GFM tables, GitHub's
 * mentions and references, or Unicode line breaks, hence these few functions.
 *
 * Each value is capped (caps.ts), so no value from outside can make the summary or the
 * comment too large for GitHub; `fitWithin` is the last guard for the whole page.
 */

/**
 * Every line-break form: CommonMark ends a line at `\n`, `\r\n` and a lone `\r`;
 * readers and some renderers also break at NEL (U+0085), LS and PS (U+2028/2029),
 * and at vertical tab and form feed.
 */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
/**
 * Other characters that must not reach the page as they are: C0 and C1 controls
 * (tab aside) and DEL, and every bidirectional control, which can make text read
 * differently from what it is ("Trojan Source"): the embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) and the invisible marks LRM, RLM and ALM (U+200E,
 * U+200F, U+061C). Each becomes U+FFFD, as in the log (untrusted.ts): one visible
 * character that says something was there, with no meaning in Markdown.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * The ASCII punctuation that can start or end Markdown anywhere in a line, also at
 * its start: CommonMark renders each literally when backslash-escaped. The rest
 * (`" % ' ( , / ; ? ^ { }`) has a meaning only after one of these (a link's `(`
 * after `]`, say), so it stays as it is, for a readable source.
 */
const MARKDOWN_PUNCTUATION = /[!#$&)*+\-.:<=>@[\\\]_`|~]/g;
/**
 * Stops GitHub from turning rendered text into a mention (`@org/team`) or an issue
 * reference (`#1`, `GH-1`): it finds those in the text after rendering, where a
 * backslash escape is already gone, so a zero-width joiner goes after the sign.
 */
const ZWJ = '\u200d';
/**
 * A colon that starts an emoji shortcode (`:white_check_mark:`). GitHub turns those into
 * emoji after rendering, in the text outside code, where a backslash escape is gone (as
 * for mentions), so a zero-width joiner goes after the colon.
 */
const SHORTCODE_START = /:(?=[\w+-]+:)/g;
/** The most lines of one message that a line block shows, and the most characters of each. */
const SHOWN_LINES = 20;
const SHOWN_LINE_CHARS = 500;
/** The deepest indentation a lineBlock line keeps (an example's YAML needs a few levels). */
const MAX_INDENT = 40;
/** The most characters of one line that a code block shows. */
const CODE_LINE_CHARS = 500;
/** The most lines a codeBlock shows (the console log's explaining lines are at most 15 before splitting). */
const MAX_CODE_LINES = 40;
/** The lines of `value`, split at every line-break form. */
function splitLines(value) {
    return value.split(LINE_BREAK);
}
/** `value` on one line: line breaks become spaces, tabs too, unsafe characters U+FFFD. */
function oneLine(value) {
    return splitLines(value).join(' ').replace(/\t/g, ' ').replace(UNSAFE_CHARACTER, '\ufffd');
}
/**
 * Outside text as inert inline Markdown, on one line: safe in a paragraph, a table
 * cell, a list item or a quote line, also at the start of a line. Leading and
 * trailing blanks go (they would make an indented code block or a hard line break;
 * a page shows none of them anyway). Readable as it is for plain words.
 */
function text(value, max = _caps_js__WEBPACK_IMPORTED_MODULE_0__/* .VALUE_CHARS */ .A3) {
    return (0,_caps_js__WEBPACK_IMPORTED_MODULE_0__/* .capText */ .yA)(oneLine(value), max)
        .trim()
        .replace(SHORTCODE_START, `:${ZWJ}`)
        .replace(MARKDOWN_PUNCTUATION, '\\$&')
        .replace(/([@#])/g, `$1${ZWJ}`)
        .replace(/\b(gh)(?=\\-\d)/gi, `$1${ZWJ}`);
}
/**
 * Outside text as an inline code span, on one line, whatever backticks it holds:
 * the fence is one backtick longer than the longest run inside, and padded with a
 * space (which CommonMark strips) when the text starts or ends with a backtick or a
 * space. Safe in table cells: text with a `|` is given as escaped plain text
 * instead, because GFM splits cells before it reads code spans and renderers
 * disagree on `\` followed by `\|`. Code spans render no mention, link or HTML.
 */
function code(value, max = _caps_js__WEBPACK_IMPORTED_MODULE_0__/* .VALUE_CHARS */ .A3) {
    const line = (0,_caps_js__WEBPACK_IMPORTED_MODULE_0__/* .capText */ .yA)(oneLine(value), max);
    if (line === '')
        return '(empty)';
    if (line.includes('|'))
        return text(line);
    const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = /^[` ]|[` ]$/.test(line) && /[^ ]/.test(line) ? ' ' : '';
    return `${fence}${pad}${line}${pad}${fence}`;
}
/**
 * Outside text of one or more lines (a step's error and its example) as one paragraph
 * that keeps its lines: every line, however it was broken, is escaped on its own
 * (`text`) and ends in a hard line break (a backslash at the end of the line), so the
 * lines neither run together nor form a heading, list or quote. Leading indentation is
 * kept as no-break spaces, which Markdown does not strip (an example's YAML needs its
 * shape). Blank lines are left out: they would end the paragraph.
 */
function lineBlock(value) {
    const lines = splitLines(value).filter((line) => line.trim() !== '');
    const shown = lines.slice(0, SHOWN_LINES).map((line) => {
        const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
        // The indentation is outside text too: capped, and not counted in the line's own cap.
        const indent = Math.min(lead.replace(/\t/g, '  ').length, MAX_INDENT);
        return '\u00a0'.repeat(indent) + text(line.slice(lead.length), SHOWN_LINE_CHARS);
    });
    if (lines.length > SHOWN_LINES)
        shown.push(text((0,_caps_js__WEBPACK_IMPORTED_MODULE_0__/* .andMore */ .v)(lines.length - SHOWN_LINES, 'lines')));
    return shown.join('\\\n');
}
/**
 * Lines from outside (a console log) as a fenced code block that nothing inside can
 * end: the fence is one backtick longer than the longest run of backticks in them, and
 * a closing fence must be at least as long. Every line-break form splits a line (no
 * line is taken for the fence's end by a reader that breaks elsewhere), unsafe
 * characters become U+FFFD, and each line is capped. Inside a code block GitHub renders
 * no Markdown, HTML, mention, reference or emoji.
 */
function codeBlock(lines) {
    // Splitting at every line-break form can make many lines of one: the last ones are kept.
    const split = lines.flatMap(splitLines);
    const kept = split.slice(-MAX_CODE_LINES);
    const shown = [
        ...(split.length > kept.length
            ? [`[${(split.length - kept.length).toLocaleString('en-US')} earlier lines cut]`]
            : []),
        ...kept.map((line) => (0,_caps_js__WEBPACK_IMPORTED_MODULE_0__/* .capText */ .yA)(line.replace(UNSAFE_CHARACTER, '\ufffd'), CODE_LINE_CHARS))
    ];
    const longestRun = Math.max(0, ...shown.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return [fence, ...shown, fence].join('\n');
}
/** The action's own words in HTML: no character of them can open a tag or an entity. */
function ownHtml(words) {
    return words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * A fold: `summary`, the action's own words (never outside text: it sits in HTML, where
 * Markdown escapes mean nothing), over `parts`, Markdown made by the functions here. The
 * blank lines around the parts make GitHub render them as Markdown inside the fold.
 */
function details(summary, parts) {
    return ['<details>', `<summary>${ownHtml(summary)}</summary>`, '', parts.join('\n\n'), '', '</details>'].join('\n');
}
/**
 * A link of the action's own: `label` its own words, `url` an address it built from
 * checked parts (an http(s) URL with nothing in it that could end the link early).
 */
function link(label, url) {
    return `[${label}](${url})`;
}
/** A bulleted list of cells made by `text` or `code`. */
function list(items) {
    return items.map((item) => `- ${oneLine(item)}`).join('\n');
}
/**
 * A GFM table of cells made by `text` or `code` (or the caller's own Markdown). Line
 * breaks in a cell become spaces, so no cell can start a row of its own.
 */
function table(header, rows) {
    const row = (cells) => `| ${cells.map(oneLine).join(' | ')} |`;
    return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}
/**
 * The blocks open after `line`, given those open before it. Only the shapes this module
 * writes are read: a fence is a line of backticks alone (codeBlock), closed by the same
 * line, and nothing inside it counts; a fold is a `<details>` line, closed by a
 * `</details>` line (details). Outside text cannot make either: `text` escapes backticks
 * and `<`, and a code block's fence is longer than any run of backticks in it.
 */
function openAfter(line, open) {
    if (open.fence !== undefined)
        return line === open.fence ? { folds: open.folds } : open;
    if (/^`{3,}$/.test(line))
        return { fence: line, folds: open.folds };
    if (line === '<details>')
        return { folds: open.folds + 1 };
    if (line === '</details>' && open.folds > 0)
        return { folds: open.folds - 1 };
    return open;
}
/** The lines that close what is open; each fold after a blank line, as `details` writes it, so no table row or paragraph takes it in. */
function closing(open) {
    return (open.fence !== undefined ? `\n${open.fence}` : '') + '\n\n</details>'.repeat(open.folds);
}
/**
 * `markdown`, whole when `sizeOf` it is at most `limit`; else cut at the end of a line,
 * with `note` (plain Markdown of the action's own) after it, the three within `limit`. A
 * cut at a line's end leaves every line whole: no code span, escape or table row is
 * split, so the part kept renders as it would have. A cut inside a code block or a fold
 * closes them first, so the note shows after them, not as code or folded away.
 */
function fitWithin(markdown, limit, sizeOf, note) {
    if (sizeOf(markdown) <= limit)
        return markdown;
    const ending = `\n\n${note}\n`;
    let budget = limit - sizeOf(ending);
    const kept = [];
    let open = { folds: 0 };
    for (const line of markdown.split('\n')) {
        const size = sizeOf(line) + 1;
        const after = openAfter(line, open);
        // Room for the line and for closing what is open after it: else the cut goes before it.
        if (size + sizeOf(closing(after)) > budget)
            break;
        kept.push(line);
        budget -= size;
        open = after;
    }
    return `${kept.join('\n')}${closing(open)}${ending}`;
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ Outputs)
/* harmony export */ });
/* unused harmony export MAX_OUTPUT_DEPTH */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6455);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6670);



/**
 * How deep the `computation` output keeps an answer. A real run is a few levels deep;
 * an answer nested hundreds of thousands deep (JSON.parse reads it fine) would overflow
 * the stack of any recursive walk, JSON.stringify's included, so below this depth each
 * value is replaced by CUT_DEEPER, and the output stays valid JSON.
 */
const MAX_OUTPUT_DEPTH = 64;
/** What stands in for a value nested deeper than MAX_OUTPUT_DEPTH. */
const CUT_DEEPER = `(nested deeper than ${MAX_OUTPUT_DEPTH} levels: cut here)`;
/**
 * A JSON value with every string in it, keys included, scrubbed: before JSON escapes
 * them, since a secret holding `"` or `\` would no longer match afterwards. Arrays and
 * objects below MAX_OUTPUT_DEPTH become CUT_DEEPER, so neither this walk nor the
 * JSON.stringify after it recurses deeper than that, whatever the server sent.
 */
function scrubbed(value, redact, depth = 0) {
    if (typeof value === 'string')
        return redact(value);
    if (typeof value !== 'object' || value === null)
        return value;
    if (depth >= MAX_OUTPUT_DEPTH)
        return CUT_DEEPER;
    if (Array.isArray(value))
        return value.map((item) => scrubbed(item, redact, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), scrubbed(v, redact, depth + 1)]));
}
/**
 * Sets step outputs, remembering which were set so that every output can be given
 * a value (possibly empty) on every exit path, success or failure. Every value is
 * scrubbed of secrets first: the runner masks secrets in the log, not in outputs,
 * and a server may echo the token into a run's name or any other field.
 */
class Outputs {
    redact;
    written = new Set();
    constructor(redact = _redact_js__WEBPACK_IMPORTED_MODULE_2__.redactRegistered) {
        this.redact = redact;
    }
    set(name, value) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, this.redact(value));
        this.written.add(name);
    }
    /** The outputs that describe a computation, from the latest object read. */
    setComputation(c) {
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ComputationId, c.id);
        if (c.name !== undefined)
            this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Name, c.name);
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.State, c.state);
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.EndStatus, c.end_status ?? '');
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ExitCode, c.exit_code === undefined ? '' : String(c.exit_code));
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.HasResults, c.has_results ? 'true' : 'false');
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.RunTime, c.run_time === undefined ? '' : String(c.run_time));
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Computation, JSON.stringify(scrubbed(c.raw, this.redact)));
    }
    setStatus(status) {
        this.set(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Status, status);
    }
    /** Gives every output not yet set an empty value, and `status` the given fallback. */
    complete(fallbackStatus) {
        if (!this.written.has(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Status))
            this.setStatus(fallbackStatus);
        for (const name of Object.values(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7)) {
            if (!this.written.has(name))
                this.set(name, name === _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.HasResults ? 'false' : '');
        }
    }
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   J: () => (/* binding */ renderReason),
/* harmony export */   RW: () => (/* binding */ outcomeLine),
/* harmony export */   Sy: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony exports LISTED_FILES, fitSummary */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _caps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2410);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6264);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6670);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3303);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4285);







/** How many result files the summary lists by name. */
const LISTED_FILES = 50;
/** How many rows a table of the request (data assets, parameters, processes) shows. */
const LISTED_ROWS = 50;
/** How many notes the summary shows, and the most characters of each. */
const LISTED_NOTES = 20;
const NOTE_CHARS = 500;
/**
 * The largest step summary GitHub keeps: a larger one is dropped whole ("supports
 * content up to a size of 1024k"; docs/runner.md).
 */
const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
const HEADLINE = {
    started: ['▶️', 'Code Ocean run started'],
    succeeded: ['✅', 'Code Ocean run succeeded'],
    failed: ['❌', 'Code Ocean run failed'],
    stopped: ['⏹️', 'Code Ocean run was stopped'],
    'timed-out': ['⏱️', 'Timed out waiting for the Code Ocean run'],
    cancelled: ['🚫', 'Cancelled while waiting for the Code Ocean run']
};
function utc(ms) {
    return new Date(ms)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
}
function escaper(redact, workspace) {
    const plain = (value) => (0,_links_js__WEBPACK_IMPORTED_MODULE_2__/* .relativeToWorkspace */ .T)(redact(value), workspace);
    return {
        text: (value, max) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(plain(value), max),
        code: (value) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(plain(value)),
        plain,
        sent: (value) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(redact(value))
    };
}
/** A table of at most LISTED_ROWS rows, then how many more there were. */
function cappedTable(header, rows, noun) {
    const { shown, more } = (0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .capItems */ .P1)(rows, LISTED_ROWS);
    return more > 0 ? [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(header, shown), (0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .andMore */ .v)(more, noun)] : [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(header, shown)];
}
/** `1 file`, `3 files`. */
function counted(n, noun) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`;
}
/** The outcome in words, as the headline says it (without its emoji): also a check run's title. */
function outcomeOf(model) {
    const known = model.computation !== undefined;
    if (known && model.status)
        return HEADLINE[model.status];
    return ['❌', model.followed ? 'Could not follow the Code Ocean run' : 'Code Ocean run did not start'];
}
function outcomeLine(model) {
    return outcomeOf(model)[1];
}
function headline(model) {
    return `## ${outcomeOf(model).join(' ')}`;
}
/**
 * The run in one line, instead of a table of Status, State and End status that repeat
 * one another: `Run 'nightly' (`c1`): state completed, end status failed, exit code 1,
 * ran 1m 15s.`
 */
function statusLine(model, e) {
    const c = model.computation;
    if (!c)
        return undefined;
    const facts = [`state ${e.text(c.state || 'unknown')}`];
    if (c.end_status !== undefined)
        facts.push(`end status ${e.text(c.end_status)}`);
    if (c.exit_code !== undefined)
        facts.push(`exit code ${e.text(String(c.exit_code))}`);
    if (c.run_time !== undefined)
        facts.push(`ran ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(c.run_time * 1000)}`);
    if (c.has_results === false)
        facts.push('no results');
    const name = c.name ? `'${e.text(c.name)}' ` : '';
    const followed = model.followed ? ' It was started elsewhere; this step followed it (`computation-id`).' : '';
    return `Run ${name}(${e.code(c.id)}): ${facts.join(', ')}.${followed}`;
}
/**
 * Why the step did not succeed, first thing after the outcome: the step's own message
 * (its error, the timeout, what it could not deliver), each of its lines on a line of
 * its own, and the lines of the console log that explain a failed run.
 */
function reasonSections(model, e) {
    const out = [];
    if (model.message)
        out.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .lineBlock */ .Up)(e.plain(model.message)));
    if (model.failureLog?.length) {
        // The log is the result file `output` (CONSOLE_LOG in log-tail.ts, not imported: it
        // would load the object store's HTTP client into every step, a bad input's too).
        out.push("**Why:** the run's console log (`output`) says:");
        out.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .codeBlock */ .DV)(model.failureLog.map(e.plain)));
    }
    return out;
}
/**
 * Why the step did not succeed, alone, rendered as the summary renders it: `message` (the
 * step's whole failure message) and the console log's telling lines; undefined when there
 * is neither. A check run's `output.text`.
 */
function renderReason(model, message, redact = _redact_js__WEBPACK_IMPORTED_MODULE_6__.redactRegistered) {
    const parts = reasonSections({ ...model, message }, escaper(redact, model.workspace));
    return parts.length === 0 ? undefined : `${parts.join('\n\n')}\n`;
}
/** What the step did with the results: visible, as it is part of the outcome. */
function deliverySections(model, e) {
    const out = [];
    const { download, dataAsset } = model;
    if (download) {
        const folder = e.plain(download.folder);
        out.push(`Downloaded ${counted(download.files, 'file')} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(download.bytes)}) to ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(folder === '' ? '.' : folder)}.`);
    }
    if (dataAsset) {
        out.push(`Captured the results as data asset ${e.text(dataAsset.name)} (${e.code(dataAsset.id)}).`);
    }
    return out;
}
function notesSection(notes, e) {
    if (notes.length === 0)
        return [];
    const { shown, more } = (0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .capItems */ .P1)(notes, LISTED_NOTES);
    return [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .list */ .p_)([...shown.map((note) => e.text(note, NOTE_CHARS)), ...(more > 0 ? [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)((0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .andMore */ .v)(more, 'notes'))] : [])])];
}
/** The request and the step's times, folded: what a reader looks up, not what they need first. */
function requestFold(model, e) {
    const req = model.request;
    const facts = [];
    if (req?.pipeline_id)
        facts.push(['Pipeline', e.code(req.pipeline_id)]);
    if (req?.capsule_id)
        facts.push(['Capsule', e.code(req.capsule_id)]);
    if (req?.version !== undefined)
        facts.push(['Version', e.text(String(req.version))]);
    if (req?.resume_run_id)
        facts.push(['Resumed from', e.code(req.resume_run_id)]);
    if (req?.nextflow_profile)
        facts.push(['Nextflow profile', e.code(req.nextflow_profile)]);
    if (model.startedAt !== undefined) {
        const end = model.endedAt ?? model.startedAt;
        facts.push(['Step', `${utc(model.startedAt)} to ${utc(end)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(end - model.startedAt)})`]);
    }
    if (facts.length === 0)
        return [];
    return [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .details */ .zH)('Request and timing', [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .list */ .p_)(facts.map(([k, v]) => `**${k}:** ${v}`))])];
}
/** The data assets and the parameters (or, without parameters, the processes) of the request, each folded. */
function requestListFolds(req, e) {
    const out = [];
    if (req?.data_assets?.length) {
        const rows = req.data_assets.map((a) => [e.sent(a.id), a.mount ? e.sent(a.mount) : '—']);
        out.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .details */ .zH)(`Data assets (${rows.length})`, cappedTable(['Id', 'Mount'], rows, 'data assets')));
    }
    const rows = [];
    // Positions are written as text: a bare `#1` would reference issue 1 on GitHub.
    const position = (i) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .text */ .Qq)(`#${i + 1}`);
    for (const p of req?.processes ?? []) {
        p.parameters?.forEach((v, i) => rows.push([e.sent(p.name), position(i), e.sent(v)]));
        p.named_parameters?.forEach((n) => rows.push([e.sent(p.name), e.sent(n.param_name), e.sent(n.value)]));
    }
    req?.parameters?.forEach((v, i) => rows.push(['—', position(i), e.sent(v)]));
    req?.named_parameters?.forEach((n) => rows.push(['—', e.sent(n.param_name), e.sent(n.value)]));
    if (rows.length > 0) {
        const parts = cappedTable(['Process', 'Parameter', 'Value'], rows, 'parameters');
        out.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .details */ .zH)(`Parameters (${rows.length})`, parts));
    }
    else if (req?.processes?.length) {
        const { shown, more } = (0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .capItems */ .P1)(req.processes, LISTED_ROWS);
        const parts = [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .list */ .p_)(shown.map((p) => e.sent(p.name))), ...(more > 0 ? [(0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .andMore */ .v)(more, 'processes')] : [])];
        out.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .details */ .zH)(`Processes (${req.processes.length})`, parts));
    }
    return out;
}
/** The result files, folded. */
function resultsFold(files, e) {
    if (!files)
        return [];
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    const title = `Results (${counted(files.length, 'file')}, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(bytes)})`;
    if (files.length === 0)
        return [`${title}.`];
    const { shown, more } = (0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .capItems */ .P1)(files, LISTED_FILES);
    const rows = shown.map((f) => [e.code(f.path), (0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(f.size)]);
    return [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .details */ .zH)(title, [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(['File', 'Size'], rows), ...(more > 0 ? [(0,_caps_js__WEBPACK_IMPORTED_MODULE_4__/* .andMore */ .v)(more, 'files')] : [])])];
}
/**
 * Builds the job summary's markdown, which is also the pull request comment. Pure. It
 * leads with the outcome: the headline, the run in one line, and for a failure the
 * reason (the step's message, the console log's telling lines); then the link to the
 * workflow run, what was done with the results, and the notes. The request, the
 * parameters, the data assets and the result files are folded, so the comment reads
 * without scrolling.
 *
 * Every piece of outside text (names, paths, messages, log lines, notes, parameter
 * values) is passed through `redact` and then escaped, so none of it renders as
 * Markdown or HTML and no secret survives even when escaping would have split it.
 */
function renderSummary(model, redact = _redact_js__WEBPACK_IMPORTED_MODULE_6__.redactRegistered) {
    const e = escaper(redact, model.workspace);
    const status = statusLine(model, e);
    const out = [headline(model), ...(status ? [status] : [])];
    out.push(...reasonSections(model, e));
    if (model.workflowRun)
        out.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .link */ .nf)('Workflow run', model.workflowRun));
    out.push(...deliverySections(model, e), ...notesSection(model.notes, e));
    out.push(...requestFold(model, e), ...requestListFolds(model.request, e), ...resultsFold(model.resultFiles, e));
    return `${out.join('\n\n')}\n`;
}
/**
 * The summary as GitHub keeps it: whole, or, over its 1 MiB limit (which every value's
 * cap should keep it far from), cut with a note, rather than dropped.
 */
function fitSummary(markdown) {
    const note = '*The rest of this summary was cut: GitHub keeps at most 1 MiB of a step summary.*';
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .fitWithin */ .Hi)(markdown, STEP_SUMMARY_LIMIT_BYTES, (part) => Buffer.byteLength(part), note);
}
/** Appends the rendered job summary; a failure to write it is not the run's failure. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(fitSummary(markdown)).write();
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Could not write the job summary: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)}`);
    }
}


/***/ }),

/***/ 2087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   f: () => (/* binding */ timerDelayMs)
/* harmony export */ });
/**
 * What Node's timers can hold. A delay above 2^31 - 1 ms (about 24.8 days) is not
 * refused: Node warns (TimeoutOverflowWarning) and fires it after 1 ms, and a delay
 * that is not a number (NaN) fires after 1 ms too. So no delay from outside, or
 * computed from outside numbers, reaches a timer unchecked.
 */
/** The longest delay a Node timer holds, in ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * `ms` as a delay a timer holds as meant: at least `leastMs`, at most MAX_TIMER_MS; a
 * value that is not a finite number (NaN, Infinity from an overflow) counts as `leastMs`,
 * the safe side for a delay between requests.
 */
function timerDelayMs(ms, leastMs = 0) {
    if (!Number.isFinite(ms))
        return leastMs;
    return Math.min(MAX_TIMER_MS, Math.max(leastMs, ms));
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
/**
 * Control characters other than tab (C0, DEL, C1), which can hide or redraw text in the
 * log, and the bidirectional controls (embeddings, overrides, isolates; LRM, RLM, ALM),
 * which make text read differently from what it is ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A zero-width space: splits a sequence the runner would act on, without changing what people read. */
const ZWSP = '\u200b';
/** Defuses the legacy command form `##[`, which the runner looks for anywhere in a line. */
function defuseLegacy(text) {
    return text.replaceAll('##[', `#${ZWSP}#[`);
}
/**
 * One value from outside, fit to stand inside a log line or an annotation: line
 * breaks become `⏎`, other control and bidirectional characters `�`, legacy `##[` is split, and a
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
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `codeocean-run-action/${ACTION_VERSION}`;


/***/ }),

/***/ 2664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isWithin),
/* harmony export */   t: () => (/* binding */ leadsOutOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Where `path` really leads, links followed, as far as it exists; the part not yet
 * created is appended as written (it holds no links, since it does not exist).
 * Throws when a link on the way leads nowhere.
 */
function realPlace(path) {
    let existing = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
    const missing = [];
    // lstat, not stat: a link that leads nowhere still exists, and must be resolved (and fail).
    while ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(existing, { throwIfNoEntry: false }) === undefined) {
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(existing);
        if (parent === existing)
            break;
        missing.unshift((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(existing));
        existing = parent;
    }
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(existing), ...missing);
}
/** Whether `path` is `root` or lies under it (both real paths). */
function isWithin(path, root) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/**
 * Why `folder` may not receive files meant for `workspace`: it, or a folder on its
 * way, is a link leading out of the workspace (or nowhere). Undefined when it stays
 * inside, links followed.
 */
function leadsOutOf(folder, workspace) {
    try {
        const real = realPlace(folder);
        if (isWithin(real, realPlace(workspace)))
            return undefined;
        return `it leads out of the workspace through a link, to ${real}`;
    }
    catch (error) {
        return `a link on its way cannot be followed (${error.code ?? String(error)})`;
    }
}


/***/ })

};

//# sourceMappingURL=200.index.js.map