export const id = 15;
export const ids = [15];
export const modules = {

/***/ 3015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lastResortInPost: () => (/* binding */ lastResortInPost),
  post: () => (/* binding */ post)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/codeocean/limits.ts
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/untrusted.ts

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
function untrusted_inline(text) {
    const flat = defuseLegacy(text.replace(LINE_BREAKS, '⏎').replace(CONTROLS, '\uFFFD'));
    return flat.replace(/^(\s*)::/, `$1:${ZWSP}:`);
}
/** A token nobody can guess or have printed before: ends a `::stop-commands::` block. */
function freshStopToken() {
    return `codeocean-${randomBytes(16).toString('hex')}`;
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

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The errors every layer shares: the message of anything thrown, and the cancel. Each
 * layer keeps its own error classes in one module beside it: codeocean/errors.ts,
 * inputs/errors.ts, results/errors.ts, lifecycle/errors.ts.
 */
/** Turns anything thrown into a message fit for the log. */
function errors_errorMessage(error) {
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

;// CONCATENATED MODULE: ./src/codeocean/preview.ts
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

;// CONCATENATED MODULE: ./src/codeocean/api-error-messages.ts


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
    return untrusted_inline(serverWords(body));
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
            return `an HTML page: "${clip(text, 200)}"`;
        }
        return clip(start.trim(), MAX_MESSAGE);
    }
    if (typeof body === 'object' && !Array.isArray(body)) {
        const { message } = body;
        if (typeof message === 'string' && message !== '') {
            const rest = firstFields(body, 'message');
            const extra = Object.keys(rest).length > 0 ? ` ${preview(rest, 300)}` : '';
            return clip(message, MAX_MESSAGE) + extra;
        }
    }
    return preview(body, MAX_MESSAGE);
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

;// CONCATENATED MODULE: ./src/codeocean/errors.ts
/**
 * Every error the API client throws for the layers above to tell apart: an error
 * answer, no usable answer, a cancel that may have created something, and answers
 * that cannot be read. What they say is worked out in api-error-messages.ts and
 * network-failures.ts; the cancel they build on is src/errors.ts's RequestAbortedError.
 */



/** An error answer from Code Ocean, with a message ready for the user. */
class errors_CodeOceanApiError extends Error {
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
class CancelledCreateError extends RequestAbortedError {
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
class errors_CodeOceanNetworkError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'CodeOceanNetworkError';
    }
}
/** Code Ocean said yes to a start, but its answer is not a run that can be read. */
class errors_UnreadableStartError extends Error {
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
        super(`Code Ocean answered with a ${what} id that is not an id ("${untrusted_inline(id).slice(0, 100)}": ${problem}); ` +
            'the action sends no request with it. Ids look like 9af23fd6-1f7c-4d8a-a4a7-3a3f8c0e9d21.');
        this.name = 'NotAnIdError';
    }
}

;// CONCATENATED MODULE: ./src/codeocean/models/id.ts

/**
 * What an id may not be or hold. Ids go into URL paths: `.` and `..` survive
 * `encodeURIComponent` and are then resolved away by the URL parser, so
 * `computations/..` would become a request to `/api/v1/`; separators, `?` and `#`
 * would change which resource is meant, control characters have no place in one.
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_AN_ID = /[/\\?#\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Why `id` cannot be an id, or undefined when it can. */
function id_idProblem(id) {
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
    const problem = id_idProblem(id);
    if (problem)
        throw new NotAnIdError(what, id, problem);
    return id;
}
/** An id as one URL path segment: checked, then encoded. */
function idSegment(id, what) {
    return encodeURIComponent(checkId(id, what));
}

;// CONCATENATED MODULE: ./src/codeocean/models/computation.ts




const TERMINAL_STATES = (/* unused pure expression or super */ null && (['completed', 'failed']));
const KNOWN_STATES = (/* unused pure expression or super */ null && (['initializing', 'running', 'finalizing', 'completed', 'failed']));
function asNumber(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return Number(value);
    }
    return undefined;
}
/**
 * The most a run's `run_time` (seconds) may be: ten years. No run takes longer, and a
 * length in ms stays far from overflowing, so a server's `1e308` cannot turn the
 * estimate of a run's length (and the wait it paces) into Infinity or NaN.
 */
const MAX_RUN_TIME_SECONDS = 10 * 366 * 86_400;
/**
 * The most a `created` may be: the last moment a JavaScript Date holds, in ms (some
 * servers send ms; seconds are far below it). Beyond it, a time is nonsense.
 */
const MAX_CREATED = 8.64e15;
/** A number from the server, when it is one and within [0, `max`]; otherwise unknown. */
function inRange(value, max) {
    return value !== undefined && value >= 0 && value <= max ? value : undefined;
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
        const shown = typeof body === 'string' ? body.slice(0, 1_000).replace(/\s+/g, ' ').trim() : preview(body, 200);
        throw new UnreadableAnswerError(`Code Ocean answered with something that is not a run: ${untrusted_inline(shown.slice(0, 200))}`);
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
        throw new UnreadableAnswerError(`Code Ocean answered without a run id: ${preview(body, 300)}`);
    }
    checkId(id, 'run');
    const state = (asText(field('state')) ?? '').toLowerCase();
    return {
        id,
        state,
        name: asText(field('name')),
        // Times drive the wait (its pace, a run's age) and sort runs: checked in range here, once.
        created: inRange(asNumber(field('created')), MAX_CREATED),
        run_time: inRange(asNumber(field('run_time')), MAX_RUN_TIME_SECONDS),
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

;// CONCATENATED MODULE: ./src/codeocean/targets-api.ts




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
            answerLimit: RUNS_LISTING_ANSWER_LIMIT
        }, 'idempotent', call);
        if (!Array.isArray(data)) {
            throw new Error(`Code Ocean answered the list of runs with something that is not a list: ${preview(data, 200)}`);
        }
        const runs = data.flatMap((item) => {
            try {
                return [readComputation(item)];
            }
            catch {
                // One unreadable entry must not hide the others.
                return [];
            }
        });
        return { runs, unreadable: data.length - runs.length, ...clock };
    }
}

;// CONCATENATED MODULE: ./src/codeocean/app-panels-api.ts

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

// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/codeocean/network-failures.ts
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
function network_failures_classifyNetworkError(code) {
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
function network_failures_provesNothingSent(problem) {
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
    const question = `Is the \`${names/* Input */.pd.Domain}\` input right, and is ${where} reachable from this runner?`;
    return proxy === undefined
        ? `${question} A self-hosted runner behind a firewall may need HTTPS_PROXY (see docs/self-hosted.md in the action's repository).`
        : `${question} The request went through the proxy ${proxy}: check that the proxy is up and lets the runner through to ${where}.`;
}
/** A host name that did not resolve: Code Ocean's, or the proxy's. */
function dnsExplanation(failure, problem, host) {
    if (problem === 'dns-temporary') {
        return {
            what: `looking up ${host} failed (EAI_AGAIN) on every try`,
            advice: "The runner's DNS server did not answer; this is usually temporary. Try again later."
        };
    }
    if (failure.lookedUp !== undefined && failure.lookedUp !== host) {
        return {
            what: `the proxy host ${failure.lookedUp} was not found (ENOTFOUND)`,
            advice: "Check HTTPS_PROXY and HTTP_PROXY in the job's environment."
        };
    }
    return {
        what: `the host ${host} was not found (ENOTFOUND)`,
        advice: `Check the \`${names/* Input */.pd.Domain}\` input: ${host} does not resolve from this runner. It should be your Code Ocean ` +
            `deployment's address, as in your browser, e.g. \`${names/* Input */.pd.Domain}: codeocean.example.com\`. A name only your ` +
            "company's DNS knows needs a runner inside that network."
    };
}
function isCertificateProblem(problem) {
    return problem.startsWith('tls-');
}
/** A certificate the runner refused. */
function certificateExplanation(failure, problem, where, host) {
    const code = failure.code ?? 'network error';
    switch (problem) {
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
                advice: `Set the \`${names/* Input */.pd.Domain}\` input to a name the certificate covers, the one you use in the browser.`
            };
    }
}
/** What happened, in words, and what to do about it. */
function explanation(failure, problem) {
    const { host, port } = hostAndPort(failure.url);
    const where = `${host}:${port}`;
    const code = failure.code ?? 'network error';
    if (isCertificateProblem(problem))
        return certificateExplanation(failure, problem, where, host);
    switch (problem) {
        case 'dns-missing':
        case 'dns-temporary':
            return dnsExplanation(failure, problem, host);
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
        case 'other':
            return { what: `${code}: ${failure.text}` };
    }
}
/**
 * The message for a request that got no answer: what happened and where on the first
 * line, what to do on the next.
 */
function explainNetworkFailure(failure) {
    const { what, advice } = explanation(failure, network_failures_classifyNetworkError(failure.code));
    const via = failure.proxy === undefined ? '' : `, through the proxy ${failure.proxy}`;
    const first = `Could not ${failure.operation}: ${what} (Code Ocean at ${failure.url}${via})`;
    return advice === undefined ? first : `${first}\n${advice}`;
}
const STORE_REACH = (/* unused pure expression or super */ null && ("Result files come from the storage that Code Ocean's signed links point to, not from the Code Ocean host: " +
    "the runner must reach it too (see docs/self-hosted.md in the action's repository)."));
/**
 * What to tell the user when a download from the object store got no answer, or
 * undefined to leave the error's own words (a reset, an unexpected code). Never
 * quotes the signed URL, whose query is a credential: only its host and port.
 */
function explainStoreFailure(failure) {
    const problem = network_failures_classifyNetworkError(failure.code);
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

;// CONCATENATED MODULE: ./src/codeocean/computations-api.ts




/** Said whenever a start request failed in a way that does not rule out a started run. */
const RUN_MAY_HAVE_STARTED = 'The request may have reached Code Ocean, so a run may have started: look at the ' +
    "capsule's or pipeline's runs in Code Ocean before running this step again. " +
    'The action does not repeat a start that may have succeeded, so one step never starts two runs.';
/**
 * Whether a failed start may have started a run: the request went out and the answer,
 * if any, does not rule a run out (a 5xx, a reset, a timeout, an answer too large or
 * unreadable). Not a cancel, nor a refusal (4xx), nor a request that surely never left.
 */
function mayHaveStartedRun(error) {
    if (error instanceof UnreadableStartError)
        return true;
    if (error instanceof CodeOceanApiError)
        return error.status >= 500;
    if (error instanceof CodeOceanNetworkError)
        return !provesNothingSent(classifyNetworkError(error.code));
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
            return readComputation(data);
        }
        catch (error) {
            // The server said yes but its answer is unreadable: a run has probably started.
            throw new errors_UnreadableStartError(`${error.message}\nA run has probably started: check the ${body.pipeline_id ? 'pipeline' : 'capsule'}'s runs in Code Ocean before running this step again.`, { cause: error });
        }
    }
    /** GET /computations/{id} */
    async get(id, call = {}) {
        const data = await this.transport.request({ method: 'GET', url: `computations/${idSegment(id, 'run')}` }, { operation: `read run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
        // The run asked about is the run answered about, whatever id the body carries.
        return readComputation(data, id);
    }
    /** PATCH /computations/{id}?name=…: Code Ocean takes the new name as a query parameter. */
    async rename(id, name, call = {}) {
        await this.transport.request({ method: 'PATCH', url: `computations/${idSegment(id, 'run')}`, params: { name } }, { operation: `rename run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
    }
    /**
     * DELETE /computations/{id}: in Code Ocean this stops the run and deletes it. A run
     * that is already gone (404) counts as stopped.
     */
    async delete(id, call = {}) {
        try {
            await this.transport.request({ method: 'DELETE', url: `computations/${idSegment(id, 'run')}` }, { operation: `stop run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
        }
        catch (error) {
            if (error instanceof errors_CodeOceanApiError && error.status === 404)
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
        throw new Error(`Code Ocean answered without a data asset id: ${preview(body, 200)}`);
    }
    return {
        id: checkId(raw.id, 'data asset'),
        name: typeof raw.name === 'string' ? raw.name : undefined,
        state: typeof raw.state === 'string' ? raw.state.toLowerCase() : '',
        failure_reason: typeof raw.failure_reason === 'string' ? raw.failure_reason : undefined
    };
}

;// CONCATENATED MODULE: ./src/codeocean/data-assets-api.ts



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
            answerLimit: DATA_ASSET_ANSWER_LIMIT
        }, 
        // Creating twice would make two assets; like a start, repeat it only when refused.
        'start', call);
        return readDataAsset(data);
    }
    /** GET /data_assets/{id} */
    async get(id, call = {}) {
        const data = await this.transport.request({ method: 'GET', url: `data_assets/${idSegment(id, 'data asset')}` }, { operation: `read data asset ${id}`, idHint: `data asset ${id}`, answerLimit: DATA_ASSET_ANSWER_LIMIT }, 'idempotent', call);
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
        // A size sets how much a download may bring and how long it may take: a whole number of
        // bytes, or unknown (then the download goes by Content-Length), never negative or NaN.
        const listed = item.size;
        const size = typeof listed === 'number' || (typeof listed === 'string' && listed.trim() !== '') ? Number(listed) : NaN;
        return [
            {
                // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the API's name is a JSON scalar (text)
                name: String(item.name ?? item.path.split('/').pop()),
                path: item.path,
                type,
                size: Number.isSafeInteger(size) && size >= 0 ? size : undefined
            }
        ];
    });
}

;// CONCATENATED MODULE: ./src/codeocean/results-api.ts




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
            url: `computations/${idSegment(id, 'run')}/results`,
            data: { path },
            headers: { 'Content-Type': 'application/json' }
        }, {
            operation: `list the results of run ${id}${path ? ` in "${path}"` : ''}`,
            idHint: `run ${id}`,
            answerLimit: RESULTS_LISTING_ANSWER_LIMIT
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
            answerLimit: DOWNLOAD_LINK_ANSWER_LIMIT
        };
        // The first call finds out which endpoint the server has; concurrent calls wait for it.
        while (this.urlProbe)
            await this.urlProbe;
        if (this.urlEndpoint !== 'legacy') {
            let probeDone = () => { };
            if (this.urlEndpoint === undefined)
                this.urlProbe = new Promise((resolve) => (probeDone = resolve));
            try {
                const data = await this.transport.request({ method: 'GET', url: `computations/${idSegment(id, 'run')}/results/urls`, params: { path } }, context, 'idempotent', call);
                this.urlEndpoint = 'current';
                const url = data?.download_url;
                if (typeof url === 'string' && url)
                    return url;
                throw new Error(`Code Ocean sent no download_url for result "${path}"`);
            }
            catch (error) {
                if (!(error instanceof errors_CodeOceanApiError && error.status === 404) || this.urlEndpoint === 'current')
                    throw error;
                this.urlEndpoint = 'legacy';
            }
            finally {
                this.urlProbe = undefined;
                probeDone();
            }
        }
        const data = await this.transport.request({ method: 'GET', url: `computations/${idSegment(id, 'run')}/results/download_url`, params: { path } }, context, 'idempotent', call);
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
;// CONCATENATED MODULE: ./src/redact.ts
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
function redact_redactRegistered(text) {
    return redactor(registered)(text);
}

;// CONCATENATED MODULE: ./src/version.ts
/** Sent in the User-Agent header; kept equal to package.json's version by a test. */
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `codeocean-run-action/${ACTION_VERSION}`;

// EXTERNAL MODULE: ./node_modules/axios/index.js
var node_modules_axios = __webpack_require__(9159);
;// CONCATENATED MODULE: ./src/codeocean/attempt.ts


/**
 * The budget of one call, shared by its attempts and retries. A class, not a plain
 * object: axios copies plain objects in a request's config, and the retries must
 * see what an attempt noted.
 */
class CallBudget {
    /** When the whole call must have ended (local clock, ms). */
    endsAt;
    /** The pause before the next retry, chosen within the budget. */
    nextPauseMs;
    /** Why the budget allowed no further retry, for the message. */
    note;
    constructor(ms) {
        this.endsAt = Date.now() + ms;
    }
}
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
    deadlineMs;
    constructor(plan) {
        this.plan = plan;
        // A call with a budget: no attempt outlasts it.
        this.deadlineMs =
            plan.budget === undefined
                ? plan.deadlineMs
                : Math.max(1, Math.min(plan.deadlineMs, plan.budget.endsAt - Date.now()));
        this.timer = setTimeout(() => {
            this.expired = true;
            this.controller.abort();
        }, this.deadlineMs);
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
            return new node_modules_axios/* AxiosError */.pe(`no answer within ${Math.round(this.deadlineMs / 1000)} s`, 'ETIMEDOUT', config);
        }
        if (exceededAnswerLimit(error))
            return new node_modules_axios/* AxiosError */.pe(error.message, ANSWER_TOO_LARGE, config);
        return error;
    }
}
/**
 * Whether axios stopped reading an answer at maxContentLength (counted on the
 * decompressed bytes). axios says so with ERR_BAD_RESPONSE and no response: its other
 * ERR_BAD_RESPONSE errors carry the response they are about (a body that broke off, a
 * body its own transform could not parse, a status validateStatus refused: this
 * transport's refuses only the statuses it retries), and it reads bodies as text itself.
 */
function exceededAnswerLimit(error) {
    return error instanceof node_modules_axios/* AxiosError */.pe && error.code === node_modules_axios/* AxiosError */.pe.ERR_BAD_RESPONSE && error.response === undefined;
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

// EXTERNAL MODULE: ./node_modules/proxy-from-env/index.js
var proxy_from_env = __webpack_require__(8182);
;// CONCATENATED MODULE: ./src/codeocean/proxy.ts
/**
 * Which proxy a request goes through. Code Ocean calls are routed by axios, which reads
 * the variables through the same library (proxy-from-env): HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY and their lower-case forms, tunnelling https through CONNECT. The object
 * store's requests are routed by proxyRouteFor, so both go the same way.
 */

/** The proxy for `url` as `scheme://host:port` (never its user name or password), or undefined. */
function proxyFor(url) {
    const proxy = (0,proxy_from_env/* getProxyForUrl */.T)(url);
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
/** The proxy to route a request to `url` through, as given (with its user name and password, if any), or undefined. */
function proxyRouteFor(url) {
    return getProxyForUrl(url) || undefined;
}

;// CONCATENATED MODULE: ./src/codeocean/retry.ts
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
const FINAL_CODES = new Set(['ERR_CANCELED', ANSWER_TOO_LARGE]);
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
    const problem = attempt.status === undefined ? network_failures_classifyNetworkError(attempt.code) : undefined;
    if (problem !== undefined && !isRetryableNetworkProblem(problem))
        return false;
    if (attempt.kind === 'start') {
        return attempt.status === 429 || (problem !== undefined && network_failures_provesNothingSent(problem));
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
/** A retry gets at least this long to answer, or it is not tried: a shorter attempt would only fail again. */
const LEAST_ATTEMPT_MS = 500;
/**
 * The pause before retry number `retry` of a call that must end within `leftMs`
 * (a stop on cancel, the post step's stop): the usual pause, but a Retry-After
 * asking for longer than the budget leaves is not waited for, and a back-off is cut
 * short so the retry still gets LEAST_ATTEMPT_MS to answer.
 */
function pauseWithinBudget(retry, retryAfter, leftMs, now = Date.now(), random = Math.random) {
    const room = leftMs - LEAST_ATTEMPT_MS;
    const asked = parseRetryAfter(retryAfter, now);
    if (asked !== undefined && asked > room) {
        return {
            refused: `Code Ocean asked to be called again in ${Math.ceil(asked / 1000)} s (Retry-After), more than the ${Math.max(0, Math.floor(leftMs / 1000))} s this call had left`
        };
    }
    if (room < 0)
        return { refused: 'no time was left for another try' };
    return { pauseMs: Math.min(retryDelayMs(retry, retryAfter, now, random), room) };
}

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
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        // Keep-alive, as the official SDK does: polling reuses one connection. Proxies
        // (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, either case) are axios's own: it tunnels https
        // through CONNECT over these agents' TLS settings (see proxy.ts and the proxy e2e test).
        this.agents = {
            http: new (external_node_http_default()).Agent({ keepAlive: true }),
            https: new (external_node_https_default()).Agent({ keepAlive: true })
        };
        this.redact = redactor([options.token, basicAuthValue(options.token)]);
        this.http = axios/* default */.A.create({
            baseURL: `${options.apiBase}/`,
            auth: { username: options.token, password: '' },
            headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
            httpAgent: this.agents.http,
            httpsAgent: this.agents.https,
            // Every answer is read as text and judged here, so odd bodies never throw inside axios.
            responseType: 'text',
            transformResponse: [(data) => data],
            // Overload and server errors go to the retries (installRetries); every other answer
            // is judged in answer(). (axios-retry's own validateResponse would do the same by
            // making every answer, good ones too, an error first: a cost in each call.)
            validateStatus: (status) => !RETRYABLE_STATUSES.has(status),
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
            maxBytes: (context.answerLimit ?? RUN_ANSWER_LIMIT).bytes,
            ...(call.budgetMs === undefined ? {} : { budget: new CallBudget(call.budgetMs) })
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
                throw withBudgetNote(this.networkError(error, context, call), attempt);
            }
        }
        const body = parseBody(typeof response.data === 'string' ? response.data : '');
        if (response.status >= 200 && response.status < 300) {
            const serverDate = Date.parse(headerOf(response, 'date') ?? '');
            return { body, receivedAt: Date.now(), ...(Number.isNaN(serverDate) ? {} : { serverDate }) };
        }
        const error = new errors_CodeOceanApiError(response.status, body, context);
        if (context.mayHaveTakenEffect && response.status >= 500) {
            error.message += `\n${context.mayHaveTakenEffect}`;
        }
        error.message = this.redact(error.message);
        throw withBudgetNote(error, attempt);
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
            retryCondition: (error) => {
                const retry = retryConfigOf(error.config);
                const may = mayRetry({ kind: retry?.kind ?? 'idempotent', status: error.response?.status, code: error.code });
                return may && fitsBudget(error);
            },
            retryDelay: (count, error) => attemptPlanOf(error.config)?.budget?.nextPauseMs ??
                retryDelayMs(count, headerOf(error.response, 'retry-after')),
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
            return new RequestAbortedError();
        const code = cancelled ? 'ERR_CANCELED' : axios/* default */.A.isAxiosError(error) ? error.code : undefined;
        let message = code === 'ERR_CANCELED' || code === ANSWER_TOO_LARGE
            ? `Could not ${context.operation}: ${this.detailOf(error, code, context, call)} (Code Ocean at ${this.options.apiBase})`
            : explainNetworkFailure({
                operation: context.operation,
                code,
                text: error instanceof Error ? error.message : String(error),
                url: this.options.apiBase,
                timeoutMs: call.timeoutMs ?? this.timeoutMs,
                proxy: proxyFor(this.options.apiBase),
                lookedUp: lookedUpHost(error)
            });
        if (context.mayHaveTakenEffect && !network_failures_provesNothingSent(network_failures_classifyNetworkError(code))) {
            message += `\n${context.mayHaveTakenEffect}`;
        }
        if (cancelled)
            return new CancelledCreateError(this.redact(message));
        return new errors_CodeOceanNetworkError(this.redact(message), code);
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
            case ANSWER_TOO_LARGE: {
                const limit = context.answerLimit ?? RUN_ANSWER_LIMIT;
                return (`Code Ocean's answer was larger than ${describeLimit(limit.bytes)}, the most the action reads for ${limit.what}; ` +
                    'it stopped reading there. No real answer is that large: check the `domain` input and any proxy in between');
            }
            default:
                return `${code ?? 'network error'}: ${error.message}`;
        }
    }
}
function attemptPlanOf(config) {
    return config?.codeOceanAttempt;
}
/**
 * For a call with a budget: whether another try fits in what is left of it. Chooses
 * the pause before it (retryDelay reads it), or notes why none fits, for the message.
 */
function fitsBudget(error) {
    const budget = attemptPlanOf(error.config)?.budget;
    if (budget === undefined)
        return true;
    const state = error.config?.['axios-retry'];
    const pause = pauseWithinBudget((state?.retryCount ?? 0) + 1, headerOf(error.response, 'retry-after'), budget.endsAt - Date.now());
    if ('refused' in pause) {
        budget.note = pause.refused;
        return false;
    }
    budget.nextPauseMs = pause.pauseMs;
    return true;
}
/** Adds to a failed call's message why it was not tried again within its budget. */
function withBudgetNote(error, plan) {
    const note = plan.budget?.note;
    if (note === undefined)
        return error;
    // On the first line: that is the line a stop's message shows.
    const [first, ...rest] = error.message.split('\n');
    error.message = [`${first} (${note}; not waited for.)`, ...rest].join('\n');
    return error;
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

;// CONCATENATED MODULE: ./src/codeocean/rules.ts
/** Rules of Code Ocean's API that the action's behaviour follows. */
/** Code Ocean's Python SDK refuses to poll more often than this. */
const MIN_POLL_SECONDS = 5;
/** Said wherever a run is stopped, because users do not expect it. */
const STOP_MEANS_DELETE = 'in Code Ocean, stopping a run deletes it and its results';
/** Whose runs only admins may rename or stop: Code Ocean owns runs of a release version as `release`. */
const RELEASE_OWNER = 'release';
/** Said when renaming or stopping a run of a release version is refused (HTTP 403). */
const RELEASE_RUNS_ADMIN_ONLY = 'Runs of a release version are owned by `release` in Code Ocean, and only admins may rename or delete (stop) them.';

;// CONCATENATED MODULE: ./src/inputs/errors.ts
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

;// CONCATENATED MODULE: ./src/inputs/domain.ts

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
    throw new InputError(input, `"${text}" has a malformed scheme: "${scheme[1]}:" must be followed by "//"`, `domain: ${/^https?$/i.test(scheme[1]) ? scheme[1].toLowerCase() : 'https'}://${rest || 'codeocean.example.com'}`);
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
    throw new InputError(input, `"${url.href}" is the address of a page in Code Ocean, not of the deployment; give the deployment's address only (the ids go in 'capsule-id' or 'pipeline-id')`, `domain: ${site}`);
}
/**
 * Turns `host`, `host:port` or a URL (with optional path prefix) into the API base URL.
 * https is assumed; http is allowed for loopback only, since the token travels in
 * every request's Authorization header.
 */
function resolveApiLocation(input, raw) {
    const text = raw.trim();
    if (text === '') {
        throw new InputError(input, 'is empty', EXAMPLE);
    }
    checkSchemeShape(input, text);
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
    let url;
    try {
        url = new URL(hasScheme ? text : `https://${text}`);
    }
    catch {
        throw new InputError(input, `"${text}" is not a host name or URL`, EXAMPLE);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError(input, `scheme "${url.protocol.slice(0, -1)}" is not supported; use https`, EXAMPLE);
    }
    if (url.username || url.password) {
        throw new InputError(input, 'must not contain a user name or password; give the token in the `secret` input', EXAMPLE);
    }
    if (url.search || text.includes('?')) {
        throw new InputError(input, 'must not contain a query string (?...)', EXAMPLE);
    }
    if (url.hash || text.includes('#')) {
        throw new InputError(input, 'must not contain a fragment (#...)', EXAMPLE);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new InputError(input, `http would send the API token in clear text to ${url.host}; use https (http is accepted only for localhost)`, 'domain: https://codeocean.example.com');
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

;// CONCATENATED MODULE: ./src/inputs/token.ts



/**
 * Reads the token and registers it (and the Authorization header value derived from
 * it) as secrets. Called before anything else, so nothing can print it unmasked.
 */
function readToken(read = lib_core/* getInput */.V4, env = process.env) {
    const token = (read(names/* Input */.pd.Secret) || env[names/* EnvFallback */.cg.Secret] || '').trim();
    if (token) {
        lib_core/* setSecret */.Pq(token);
        lib_core/* setSecret */.Pq(basicAuthValue(token));
        registerSecret(token);
    }
    return token;
}
/**
 * Masks the GitHub token like the Code Ocean token, and for the same reason, before
 * any use. An unexpanded `${{ … }}` is a mistake in the workflow, not a secret.
 */
function registerGithubToken(token) {
    if (token && !token.startsWith('${{')) {
        lib_core/* setSecret */.Pq(token);
        registerSecret(token);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/report/event.ts

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
function event_pullRequestPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !path)
        return undefined;
    if (last?.path !== path)
        last = { path, payload: readPayload(path) };
    return last.payload;
}
function readPayload(path) {
    try {
        const payload = JSON.parse(readFileSync(path, 'utf8'));
        return typeof payload === 'object' && payload !== null ? payload : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/caps.ts
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
function caps_count(n) {
    return n.toLocaleString('en-US');
}
/**
 * `value`, cut to `max` characters when longer, with how many more there were:
 * `abc… (397,000 more characters)`. Never splits a surrogate pair. For an excerpt of a
 * value only partly read, whose length is not known, preview.ts has clip.
 */
function caps_capText(value, max = VALUE_CHARS) {
    if (value.length <= max)
        return value;
    const last = value.charCodeAt(max - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
    return `${value.slice(0, end)}… (${caps_count(value.length - end)} more characters)`;
}
/** The first `max` items and how many were left out, for a list that says "and N more" its own way (a table). */
function caps_capItems(items, max) {
    return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
/**
 * Items for a message, at most `max` of them, then how many more: `a, b, c and 4,990
 * more`. Each item is shown as given: cap and defuse outside text before (capText, inline).
 */
function joinCapped(items, max = LIST_ITEMS, separator = ', ') {
    const { shown, more } = caps_capItems(items, max);
    return more === 0 ? shown.join(separator) : `${shown.join(separator)} and ${caps_count(more)} more`;
}
/** "and 12 more files", for a list or a table cut by capItems. */
function caps_andMore(more, noun) {
    return `…and ${caps_count(more)} more ${noun}.`;
}

;// CONCATENATED MODULE: ./src/report/github-client.ts




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
        client = __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413)).then(({ getOctokit }) => getOctokit(token, { userAgent: USER_AGENT }));
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
    return untrusted_inline(caps_capText(reasons.length > 0 ? reasons.join('; ') : errors_errorMessage(error).split('\n')[0]));
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
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
function markdown_text(value, max = VALUE_CHARS) {
    return caps_capText(oneLine(value), max)
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
function markdown_code(value, max = VALUE_CHARS) {
    const line = caps_capText(oneLine(value), max);
    if (line === '')
        return '(empty)';
    if (line.includes('|'))
        return markdown_text(line);
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
function markdown_lineBlock(value) {
    const lines = splitLines(value).filter((line) => line.trim() !== '');
    const shown = lines.slice(0, SHOWN_LINES).map((line) => {
        const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
        // The indentation is outside text too: capped, and not counted in the line's own cap.
        const indent = Math.min(lead.replace(/\t/g, '  ').length, MAX_INDENT);
        return '\u00a0'.repeat(indent) + markdown_text(line.slice(lead.length), SHOWN_LINE_CHARS);
    });
    if (lines.length > SHOWN_LINES)
        shown.push(markdown_text(andMore(lines.length - SHOWN_LINES, 'lines')));
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
function markdown_codeBlock(lines) {
    // Splitting at every line-break form can make many lines of one: the last ones are kept.
    const split = lines.flatMap(splitLines);
    const kept = split.slice(-MAX_CODE_LINES);
    const shown = [
        ...(split.length > kept.length
            ? [`[${(split.length - kept.length).toLocaleString('en-US')} earlier lines cut]`]
            : []),
        ...kept.map((line) => capText(line.replace(UNSAFE_CHARACTER, '\ufffd'), CODE_LINE_CHARS))
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
function markdown_details(summary, parts) {
    return ['<details>', `<summary>${ownHtml(summary)}</summary>`, '', parts.join('\n\n'), '', '</details>'].join('\n');
}
/**
 * A link of the action's own: `label` its own words, `url` an address it built from
 * checked parts (an http(s) URL with nothing in it that could end the link early).
 */
function markdown_link(label, url) {
    return `[${label}](${url})`;
}
/** A bulleted list of cells made by `text` or `code`. */
function markdown_list(items) {
    return items.map((item) => `- ${oneLine(item)}`).join('\n');
}
/**
 * A GFM table of cells made by `text` or `code` (or the caller's own Markdown). Line
 * breaks in a cell become spaces, so no cell can start a row of its own.
 */
function markdown_table(header, rows) {
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
function markdown_fitWithin(markdown, limit, sizeOf, note) {
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

;// CONCATENATED MODULE: ./src/report/checks/check-identity.ts
/**
 * What ties a GitHub check run to the Code Ocean run it stands for (docs/github-checks.md).
 * The check's `external_id` carries the target and the run's id, so a later settle step
 * can find the run from the check alone; the settle step completes a check only when its
 * `external_id` reads back exactly in this form (and its suite's app is the settle
 * token's), so a look-alike check from elsewhere is never touched.
 */



/** Names the form and its version: a later form gets another, and old checks still read. */
const PREFIX = 'codeocean-run/v1?';
const KEYS = (/* unused pure expression or super */ null && (['kind', 'target', 'run']));
/** `codeocean-run/v1?kind=pipeline&target=<id>&run=<id>`: a query string, so ids need no escaping rules of our own. */
function check_identity_externalIdFor(identity) {
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
    if (idProblem(target) !== undefined || idProblem(run) !== undefined)
        return undefined;
    return { kind, target, run };
}
/** The longest check name shown: a run name is outside text, and the checks list shows one line. */
const MAX_NAME_CHARS = 100;
/** `Code Ocean: <run name>`: the name alone must say what the check is, since it may show under another workflow's suite. */
function check_identity_checkRunName(runName) {
    return `Code Ocean: ${inline(capText(runName, MAX_NAME_CHARS))}`;
}
/** The check's conclusion for the step's status; undefined while the run goes on (`wait: false`): the check stays in progress. */
function check_identity_checkConclusion(status) {
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

;// CONCATENATED MODULE: ./src/report/checks/workflow-switch.ts
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
    const { owner, repo } = ownerAndRepo(repository);
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

;// CONCATENATED MODULE: ./src/report/checks/check-run.ts
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
    return markdown_fitWithin(markdown, MAX_CHECK_OUTPUT_BYTES, (part) => Buffer.byteLength(part), note);
}
/** A commit SHA as GitHub writes one (SHA-1, or SHA-256 for such repositories). */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * The commit the check goes on: the one the workflow ran for. On a pull request event
 * that is the pull request's head (GITHUB_SHA is then a merge commit no one looks at);
 * otherwise GITHUB_SHA. Undefined when neither is a SHA.
 */
function checkHeadSha(env) {
    const head = pullRequestPayload(env)?.pull_request?.head?.sha;
    if (typeof head === 'string' && SHA.test(head))
        return head;
    const sha = env.GITHUB_SHA ?? '';
    return SHA.test(sha) ? sha : undefined;
}
/** The body of POST /repos/{owner}/{repo}/check-runs: in progress, saying the run is going. */
function createCheckRunBody(start) {
    return {
        name: checkRunName(start.runName),
        head_sha: start.headSha,
        status: 'in_progress',
        started_at: new Date(start.startedAt).toISOString(),
        ...(start.detailsUrl ? { details_url: start.detailsUrl } : {}),
        ...(start.identity ? { external_id: externalIdFor(start.identity) } : {}),
        output: {
            title: 'Running',
            summary: `Code Ocean run ${code(start.runId)} is running; this check completes when it ends.`
        }
    };
}
/**
 * The body of the PATCH for `wait: false`, or for a run handed over at the wait-timeout
 * (`stop-on-timeout: hand-over`): the check stays in progress, and says the run is settled
 * later (by a settle step), above the job summary.
 */
function check_run_leftRunningCheckRunBody(runId, markdown, handedOver = false) {
    const line = handedOver
        ? `The step stopped waiting for Code Ocean run ${code(runId)} at its wait-timeout and handed the run over to a settle step: this check completes once a settle step finds the run has ended.`
        : `Code Ocean run ${code(runId)} was started and is settled later: this check completes once a settle step finds the run has ended.`;
    const title = handedOver ? 'Code Ocean run handed over to a settle step' : 'Code Ocean run started';
    return { output: { title, summary: fitCheckOutput(`${line}\n\n${markdown}`) } };
}
/** The body of the PATCH that completes the check. */
function check_run_completeCheckRunBody(end) {
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
    return check_run_completeCheckRunBody({
        conclusion: 'cancelled',
        completedAt,
        title: 'Cancelled while waiting for the Code Ocean run',
        summary: `The step following Code Ocean run ${markdown_code(runId)} ended before the run did (the workflow was cancelled, or the step was killed).`
    });
}
/** GitHub's words when the token lacks `checks: write` (a fork's pull request gets a read-only token). */
const NOT_ACCESSIBLE = 'Resource not accessible by integration';
function isNotAccessible(error) {
    const status = error?.status;
    return status === 403 && errors_errorMessage(error).includes(NOT_ACCESSIBLE);
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
    return gitHubReason(error);
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
        return githubClient(this.target.token);
    }
    repo() {
        return ownerAndRepo(this.target.repository);
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
            await switchWorkflow(await this.octokit(), this.target.repository, file, 'on', signal ?? new AbortController().signal);
            return true;
        }
        catch (error) {
            const hint = switchRefusedHint(file, error);
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
            return untrusted_inline(String(answer.data.status));
        }
        catch (error) {
            this.warn(`read check run ${id}`, error, signal);
            return undefined;
        }
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/lifecycle/run/step-record.ts



/** The record of this step for `kind`; `parse` gives back a well-formed record or undefined. */
function stepRecord(kind, parse) {
    const file = () => {
        const { RUNNER_TEMP: temp, GITHUB_ACTION: step } = process.env;
        if (!temp || !step)
            return undefined;
        return (0,external_node_path_.join)(temp, 'codeocean-run-action', `${kind}-${encodeURIComponent(step)}.json`);
    };
    const write = (value) => {
        const path = file();
        if (!path)
            return;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, JSON.stringify(value));
    };
    const read = () => {
        const path = file();
        if (!path)
            return undefined;
        try {
            // A file of `null` throws in `parse` too, and is no record.
            return parse(JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')));
        }
        catch {
            return undefined;
        }
    };
    const save = (state) => {
        for (const [name, value] of Object.entries(state))
            lib_core/* saveState */.LZ(name, value);
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
                lib_core/* warning */.$e(refusal(recorded));
                return undefined;
            }
            return recorded;
        }
    };
}

;// CONCATENATED MODULE: ./src/lifecycle/run/backstop.ts





const watches = stepRecord('step', (parsed) => typeof parsed.id === 'string' && typeof parsed.watching === 'boolean'
    ? { id: parsed.id, watching: parsed.watching }
    : undefined);
let current;
/** The main step takes a started run into its care; `watching`: the post step stops it if this step dies. */
function watchRun(id, watching) {
    current = { id, watching };
    watches.hand(current, { [State.ComputationId]: id, [State.Watching]: watching ? 'true' : 'false' });
}
/** The run's fate is settled (ended, stopped, or left running on purpose): the post step leaves it alone. */
function settleRun() {
    // Only a record that said "watching" needs rewriting.
    const wasWatching = current?.watching === true;
    if (current)
        current = { ...current, watching: false };
    watches.settle({ [State.Watching]: 'false' }, wasWatching ? current : undefined);
}
/**
 * For the post step: the id of the run to stop, when the main step was still waiting
 * for it as it ended. Undefined when there is nothing to do, or when the state given
 * does not match the main step's own record (then nothing is stopped, with a warning).
 */
function runLeftWatched() {
    const id = lib_core/* getState */.Gu(names/* State */.Uw.ComputationId);
    if (!id || lib_core/* getState */.Gu(names/* State */.Uw.Watching) !== 'true')
        return undefined;
    const recorded = watches.agreeing(id, (watch) => watch.id, (watch) => `The post step was asked to stop Code Ocean run ${untrusted_inline(caps_capText(id, 100))}, but the main step ` +
        (watch ? `started run ${untrusted_inline(watch.id)}` : 'left no record of starting it') +
        '; it stops nothing.');
    return recorded?.watching ? id : undefined;
}

;// CONCATENATED MODULE: ./src/lifecycle/run/check-backstop.ts





const checks = stepRecord('check', (parsed) => typeof parsed.id === 'number' && typeof parsed.runId === 'string' && typeof parsed.open === 'boolean'
    ? { id: parsed.id, runId: parsed.runId, open: parsed.open }
    : undefined);
/** The step made check run `id`, for Code Ocean run `runId`, and answers for it until settleCheck. */
function recordCheck(id, runId) {
    checks.hand({ id, runId, open: true }, { [State.CheckRunId]: String(id) });
}
/** The check run is completed, or left in progress on purpose (`wait: false`): the post step leaves it alone. */
function check_backstop_settleCheck(id, runId) {
    checks.settle({ [State.CheckRunId]: '' }, { id, runId, open: false });
}
/** For the post step: the check run the main step left open as it ended, and its run, when state and record agree. */
function checkLeftOpen() {
    const stated = lib_core/* getState */.Gu(names/* State */.Uw.CheckRunId);
    if (!stated)
        return undefined;
    const recorded = checks.agreeing(stated, (check) => String(check.id), (check) => `The post step was asked to complete check run ${untrusted_inline(caps_capText(stated, 100))}, but the main step ` +
        (check ? `made check run ${check.id}` : 'left no record of making it') +
        '; it completes nothing.');
    return recorded?.open ? { id: recorded.id, runId: recorded.runId } : undefined;
}

;// CONCATENATED MODULE: ./src/report/summary.ts







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
const STEP_SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
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
    const plain = (value) => relativeToWorkspace(redact(value), workspace);
    return {
        text: (value, max) => text(plain(value), max),
        code: (value) => code(plain(value)),
        plain,
        sent: (value) => code(redact(value))
    };
}
/** A table of at most LISTED_ROWS rows, then how many more there were. */
function cappedTable(header, rows, noun) {
    const { shown, more } = capItems(rows, LISTED_ROWS);
    return more > 0 ? [table(header, shown), andMore(more, noun)] : [table(header, shown)];
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
function summary_outcomeLine(model) {
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
        facts.push(`ran ${formatDuration(c.run_time * 1000)}`);
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
        out.push(lineBlock(e.plain(model.message)));
    if (model.failureLog?.length) {
        // The log is the result file `output` (CONSOLE_LOG in log-tail.ts, not imported: it
        // would load the object store's HTTP client into every step, a bad input's too).
        out.push("**Why:** the run's console log (`output`) says:");
        out.push(codeBlock(model.failureLog.map(e.plain)));
    }
    return out;
}
/**
 * Why the step did not succeed, alone, rendered as the summary renders it: `message` (the
 * step's whole failure message) and the console log's telling lines; undefined when there
 * is neither. A check run's `output.text`.
 */
function summary_renderReason(model, message, redact = redactRegistered) {
    const parts = reasonSections({ ...model, message }, escaper(redact, model.workspace));
    return parts.length === 0 ? undefined : `${parts.join('\n\n')}\n`;
}
/** What the step did with the results: visible, as it is part of the outcome. */
function deliverySections(model, e) {
    const out = [];
    const { download, dataAsset } = model;
    if (download) {
        const folder = e.plain(download.folder);
        out.push(`Downloaded ${counted(download.files, 'file')} (${formatBytes(download.bytes)}) to ${code(folder === '' ? '.' : folder)}.`);
    }
    if (dataAsset) {
        out.push(`Captured the results as data asset ${e.text(dataAsset.name)} (${e.code(dataAsset.id)}).`);
    }
    return out;
}
function notesSection(notes, e) {
    if (notes.length === 0)
        return [];
    const { shown, more } = capItems(notes, LISTED_NOTES);
    return [list([...shown.map((note) => e.text(note, NOTE_CHARS)), ...(more > 0 ? [text(andMore(more, 'notes'))] : [])])];
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
        facts.push(['Step', `${utc(model.startedAt)} to ${utc(end)} (${formatDuration(end - model.startedAt)})`]);
    }
    if (facts.length === 0)
        return [];
    return [details('Request and timing', [list(facts.map(([k, v]) => `**${k}:** ${v}`))])];
}
/** The data assets and the parameters (or, without parameters, the processes) of the request, each folded. */
function requestListFolds(req, e) {
    const out = [];
    if (req?.data_assets?.length) {
        const rows = req.data_assets.map((a) => [e.sent(a.id), a.mount ? e.sent(a.mount) : '—']);
        out.push(details(`Data assets (${rows.length})`, cappedTable(['Id', 'Mount'], rows, 'data assets')));
    }
    const rows = [];
    // Positions are written as text: a bare `#1` would reference issue 1 on GitHub.
    const position = (i) => text(`#${i + 1}`);
    for (const p of req?.processes ?? []) {
        p.parameters?.forEach((v, i) => rows.push([e.sent(p.name), position(i), e.sent(v)]));
        p.named_parameters?.forEach((n) => rows.push([e.sent(p.name), e.sent(n.param_name), e.sent(n.value)]));
    }
    req?.parameters?.forEach((v, i) => rows.push(['—', position(i), e.sent(v)]));
    req?.named_parameters?.forEach((n) => rows.push(['—', e.sent(n.param_name), e.sent(n.value)]));
    if (rows.length > 0) {
        const parts = cappedTable(['Process', 'Parameter', 'Value'], rows, 'parameters');
        out.push(details(`Parameters (${rows.length})`, parts));
    }
    else if (req?.processes?.length) {
        const { shown, more } = capItems(req.processes, LISTED_ROWS);
        const parts = [list(shown.map((p) => e.sent(p.name))), ...(more > 0 ? [andMore(more, 'processes')] : [])];
        out.push(details(`Processes (${req.processes.length})`, parts));
    }
    return out;
}
/** The result files, folded. */
function resultsFold(files, e) {
    if (!files)
        return [];
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    const title = `Results (${counted(files.length, 'file')}, ${formatBytes(bytes)})`;
    if (files.length === 0)
        return [`${title}.`];
    const { shown, more } = capItems(files, LISTED_FILES);
    const rows = shown.map((f) => [e.code(f.path), formatBytes(f.size)]);
    return [details(title, [table(['File', 'Size'], rows), ...(more > 0 ? [andMore(more, 'files')] : [])])];
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
function renderSummary(model, redact = redactRegistered) {
    const e = escaper(redact, model.workspace);
    const status = statusLine(model, e);
    const out = [headline(model), ...(status ? [status] : [])];
    out.push(...reasonSections(model, e));
    if (model.workflowRun)
        out.push(link('Workflow run', model.workflowRun));
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
    return fitWithin(markdown, STEP_SUMMARY_LIMIT_BYTES, (part) => Buffer.byteLength(part), note);
}
/** Appends the rendered job summary; a failure to write it is not the run's failure. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await core.summary.addRaw(fitSummary(markdown)).write();
    }
    catch (error) {
        core.warning(`Could not write the job summary: ${errorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/lifecycle/run/check-run.ts






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
    return new CheckRuns({
        token,
        repository: env.GITHUB_REPOSITORY ?? '',
        warn: (message) => lib_core/* warning */.$e(untrusted_inline(redact(message)))
    });
}
/** Turns on the check's settle workflow, if it names one, and says so when that worked. */
async function wakeSettle(check, cancelled) {
    if (!check.settleWorkflow)
        return;
    const signal = AbortSignal.timeout(cancelled ? CHECK_CALL_AFTER_CANCEL_MS : CHECK_CALL_MS);
    if (await check.checks.wakeWorkflow(check.settleWorkflow, signal)) {
        core.info(`Turned on the settle workflow ${check.settleWorkflow}: its schedule settles check run ${check.id}.`);
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
    const conclusion = checkConclusion(status);
    let settled = true;
    try {
        if (conclusion === undefined) {
            await check.checks.update(check.id, leftRunningCheckRunBody(check.runId, markdown, step.handedOver === true), signal);
            // Left in progress even when that update failed or ran out of time: its settle
            // workflow must run, so the turn-on has a time limit of its own.
            await wakeSettle(check, cancelled);
            return;
        }
        const text = status === 'succeeded' ? undefined : renderReason(step.summary, step.failure, step.redact);
        const body = completeCheckRunBody({
            conclusion,
            completedAt: Date.now(),
            title: outcomeLine(step.summary),
            summary: markdown,
            text
        });
        const done = await check.checks.update(check.id, body, signal);
        if (done)
            core.info(`Completed check run ${check.id}: ${conclusion}.`);
        // Refused, the check stays in progress: only a settle can complete it now.
        else if (!cancelled)
            await wakeSettle(check, cancelled);
        // Cut short by a cancel: the post step tries again.
        settled = done || !cancelled;
    }
    finally {
        if (settled)
            settleCheck(check.id, check.runId);
        step.check = undefined;
    }
}

;// CONCATENATED MODULE: ./src/lifecycle/run/post-step.ts













/**
 * The post step's stop, retries and pauses included, ends within this: the job is
 * over and waits on it. A Retry-After asking for longer is not waited for; the
 * warning says so, and to stop the run in Code Ocean.
 */
const POST_STOP_BUDGET_MS = 20_000;
/** The post step's two check calls (read, complete) end within this. */
const POST_CHECK_BUDGET_MS = 10_000;
/**
 * For anything that escapes post(): the job's outcome is decided by now, so an error
 * nobody anticipated is a warning, and only its message is shown, with secrets scrubbed.
 */
function lastResortInPost(error) {
    lib_core/* warning */.$e(redact_redactRegistered(`Unexpected error in the post step: ${errors_errorMessage(error)}`));
    process.exit(0);
}
/**
 * The post step: the backstop for a main step that was killed while waiting. The
 * main step marks the run as watched while it waits and clears the mark once the
 * run's fate is settled (finished, stopped, or deliberately left running), so this
 * does nothing after a normal finish or after `wait: false`. `stop-on-cancel` was resolved
 * by the main step: with `false`, or `auto` for a run the step only followed, it never
 * marked the run as watched. It stops only the run the main step recorded as its own
 * (see backstop.ts). With `check-run`, it also completes as cancelled the check run the
 * main step made and left in progress (see check-backstop.ts). Problems here are
 * warnings: the job's outcome is decided.
 */
async function post() {
    await stopRunLeftWatched();
    await cancelCheckLeftOpen();
}
/**
 * With `check-run`: the check run the main step made and left in progress as it ended
 * (killed, or its own completion cut short by a cancel) is completed as cancelled. Only
 * the one this step recorded (check-backstop.ts); a warning when that fails.
 */
async function cancelCheckLeftOpen() {
    const left = checkLeftOpen();
    if (left === undefined)
        return;
    const { id, runId } = left;
    const token = lib_core/* getInput */.V4(names/* Input */.pd.GithubToken).trim();
    registerGithubToken(token);
    const checks = checkRunsFor(token, redact_redactRegistered);
    const signal = AbortSignal.timeout(POST_CHECK_BUDGET_MS);
    const status = await checks.status(id, signal);
    if (status === undefined || status === 'completed')
        return;
    if (await checks.update(id, cancelledCheckRunBody(runId, Date.now()), signal)) {
        lib_core/* info */.pq(`Completed check run ${id} as cancelled: the main step ended before the run did.`);
    }
}
/** Stops the run the main step left watched, when there is one. */
async function stopRunLeftWatched() {
    const id = runLeftWatched();
    if (!id)
        return;
    const token = readToken();
    let client;
    try {
        const domain = lib_core/* getInput */.V4(names/* Input */.pd.Domain) || process.env[names/* EnvFallback */.cg.Domain] || '';
        const location = resolveApiLocation(names/* Input */.pd.Domain, domain);
        client = new CodeOceanClient({ apiBase: location.apiBase, token, timeoutMs: 10_000, retries: 2 });
        lib_core/* info */.pq(`The main step ended while waiting for Code Ocean run ${untrusted_inline(id)} (cancelled or killed); stopping the run.`);
        await client.computations.delete(id, { budgetMs: POST_STOP_BUDGET_MS });
        lib_core/* info */.pq(`Stopped Code Ocean run ${untrusted_inline(id)} (${STOP_MEANS_DELETE}).`);
    }
    catch (error) {
        lib_core/* warning */.$e(redact_redactRegistered(`Could not stop Code Ocean run ${untrusted_inline(id)}: ${errors_errorMessage(error)} Stop it in Code Ocean if it is still running.`));
    }
    finally {
        client?.close();
    }
}


/***/ })

};

//# sourceMappingURL=15.index.js.map