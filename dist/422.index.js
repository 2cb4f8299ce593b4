export const id = 422;
export const ids = [422];
export const modules = {

/***/ 1579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ CodeOceanClient)
});

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

// EXTERNAL MODULE: ./src/codeocean/preview.ts
var preview = __webpack_require__(113);
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

// EXTERNAL MODULE: ./src/codeocean/computations-api.ts
var computations_api = __webpack_require__(6092);
// EXTERNAL MODULE: ./src/codeocean/models/id.ts
var models_id = __webpack_require__(8543);
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

// EXTERNAL MODULE: ./src/codeocean/errors.ts
var errors = __webpack_require__(3242);
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
                if (!(error instanceof errors/* CodeOceanApiError */.ER && error.status === 404) || this.urlEndpoint === 'current')
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
var esm = __webpack_require__(786);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/codeocean/api-error-messages.ts
var api_error_messages = __webpack_require__(9991);
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
            return new node_modules_axios/* AxiosError */.pe(error.message, limits/* ANSWER_TOO_LARGE */.QA, config);
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

// EXTERNAL MODULE: ./src/codeocean/network-failures.ts
var network_failures = __webpack_require__(9247);
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
        this.redact = (0,redact.redactor)([options.token, (0,redact.basicAuthValue)(options.token)]);
        this.http = axios/* default */.A.create({
            baseURL: `${options.apiBase}/`,
            auth: { username: options.token, password: '' },
            headers: { 'User-Agent': version/* USER_AGENT */._, Accept: 'application/json' },
            httpAgent: this.agents.http,
            httpsAgent: this.agents.https,
            // Every answer is read as text and judged here, so odd bodies never throw inside axios.
            responseType: 'text',
            transformResponse: [(data) => data],
            // Overload and server errors go to the retries (installRetries); every other answer
            // is judged in answer(). (axios-retry's own validateResponse would do the same by
            // making every answer, good ones too, an error first: a cost in each call.)
            validateStatus: (status) => !codeocean_retry/* RETRYABLE_STATUSES */.U3.has(status),
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
            maxBytes: (context.answerLimit ?? limits/* RUN_ANSWER_LIMIT */.zx).bytes,
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
        const body = (0,api_error_messages/* parseBody */.OG)(typeof response.data === 'string' ? response.data : '');
        if (response.status >= 200 && response.status < 300) {
            const serverDate = Date.parse(headerOf(response, 'date') ?? '');
            return { body, receivedAt: Date.now(), ...(Number.isNaN(serverDate) ? {} : { serverDate }) };
        }
        const error = new errors/* CodeOceanApiError */.ER(response.status, body, context);
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
                const may = (0,codeocean_retry/* mayRetry */.KO)({ kind: retry?.kind ?? 'idempotent', status: error.response?.status, code: error.code });
                return may && fitsBudget(error);
            },
            retryDelay: (count, error) => attemptPlanOf(error.config)?.budget?.nextPauseMs ??
                (0,codeocean_retry/* retryDelayMs */.qO)(count, headerOf(error.response, 'retry-after')),
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
            return new src_errors.RequestAbortedError();
        const code = cancelled ? 'ERR_CANCELED' : axios/* default */.A.isAxiosError(error) ? error.code : undefined;
        let message = code === 'ERR_CANCELED' || code === limits/* ANSWER_TOO_LARGE */.QA
            ? `Could not ${context.operation}: ${this.detailOf(error, code, context, call)} (Code Ocean at ${this.options.apiBase})`
            : (0,network_failures/* explainNetworkFailure */.eA)({
                operation: context.operation,
                code,
                text: error instanceof Error ? error.message : String(error),
                url: this.options.apiBase,
                timeoutMs: call.timeoutMs ?? this.timeoutMs,
                proxy: (0,proxy/* proxyFor */.i)(this.options.apiBase),
                lookedUp: lookedUpHost(error)
            });
        if (context.mayHaveTakenEffect && !(0,network_failures/* provesNothingSent */.vp)((0,network_failures/* classifyNetworkError */.LW)(code))) {
            message += `\n${context.mayHaveTakenEffect}`;
        }
        if (cancelled)
            return new errors/* CancelledCreateError */.Ym(this.redact(message));
        return new errors/* CodeOceanNetworkError */.OV(this.redact(message), code);
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
    const pause = (0,codeocean_retry/* pauseWithinBudget */.V$)((state?.retryCount ?? 0) + 1, headerOf(error.response, 'retry-after'), budget.endsAt - Date.now());
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
        this.computations = new computations_api/* ComputationsApi */.f(this.transport);
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


/***/ }),

/***/ 6092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ mayHaveStartedRun),
/* harmony export */   f: () => (/* binding */ ComputationsApi)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3242);
/* harmony import */ var _models_computation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6635);
/* harmony import */ var _models_id_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8543);
/* harmony import */ var _network_failures_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9247);




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
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnreadableStartError */ .wx)
        return true;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CodeOceanApiError */ .ER)
        return error.status >= 500;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CodeOceanNetworkError */ .OV)
        return !(0,_network_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .provesNothingSent */ .vp)((0,_network_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .classifyNetworkError */ .LW)(error.code));
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
            return (0,_models_computation_js__WEBPACK_IMPORTED_MODULE_1__/* .readComputation */ .Ed)(data);
        }
        catch (error) {
            // The server said yes but its answer is unreadable: a run has probably started.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnreadableStartError */ .wx(`${error.message}\nA run has probably started: check the ${body.pipeline_id ? 'pipeline' : 'capsule'}'s runs in Code Ocean before running this step again.`, { cause: error });
        }
    }
    /** GET /computations/{id} */
    async get(id, call = {}) {
        const data = await this.transport.request({ method: 'GET', url: `computations/${(0,_models_id_js__WEBPACK_IMPORTED_MODULE_2__/* .idSegment */ .fn)(id, 'run')}` }, { operation: `read run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
        // The run asked about is the run answered about, whatever id the body carries.
        return (0,_models_computation_js__WEBPACK_IMPORTED_MODULE_1__/* .readComputation */ .Ed)(data, id);
    }
    /** PATCH /computations/{id}?name=…: Code Ocean takes the new name as a query parameter. */
    async rename(id, name, call = {}) {
        await this.transport.request({ method: 'PATCH', url: `computations/${(0,_models_id_js__WEBPACK_IMPORTED_MODULE_2__/* .idSegment */ .fn)(id, 'run')}`, params: { name } }, { operation: `rename run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
    }
    /**
     * DELETE /computations/{id}: in Code Ocean this stops the run and deletes it. A run
     * that is already gone (404) counts as stopped.
     */
    async delete(id, call = {}) {
        try {
            await this.transport.request({ method: 'DELETE', url: `computations/${(0,_models_id_js__WEBPACK_IMPORTED_MODULE_2__/* .idSegment */ .fn)(id, 'run')}` }, { operation: `stop run ${id}`, idHint: `run ${id}` }, 'idempotent', call);
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CodeOceanApiError */ .ER && error.status === 404)
                return;
            throw error;
        }
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
/* harmony export */   Xi: () => (/* binding */ MAX_RUN_TIME_SECONDS)
/* harmony export */ });
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(873);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3242);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(113);
/* harmony import */ var _id_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8543);




const TERMINAL_STATES = ['completed', 'failed'];
const KNOWN_STATES = ['initializing', 'running', 'finalizing', 'completed', 'failed'];
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
        const shown = typeof body === 'string' ? body.slice(0, 1_000).replace(/\s+/g, ' ').trim() : (0,_preview_js__WEBPACK_IMPORTED_MODULE_3__/* .preview */ .VH)(body, 200);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnreadableAnswerError */ .mP(`Code Ocean answered with something that is not a run: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(shown.slice(0, 200))}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnreadableAnswerError */ .mP(`Code Ocean answered without a run id: ${(0,_preview_js__WEBPACK_IMPORTED_MODULE_3__/* .preview */ .VH)(body, 300)}`);
    }
    (0,_id_js__WEBPACK_IMPORTED_MODULE_2__/* .checkId */ .ij)(id, 'run');
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


/***/ }),

/***/ 9431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KO: () => (/* binding */ mayRetry),
/* harmony export */   U3: () => (/* binding */ RETRYABLE_STATUSES),
/* harmony export */   V$: () => (/* binding */ pauseWithinBudget),
/* harmony export */   qO: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* unused harmony exports MAX_RETRY_AFTER_MS, parseRetryAfter, LEAST_ATTEMPT_MS */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9597);
/* harmony import */ var _network_failures_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9247);
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
    const problem = attempt.status === undefined ? (0,_network_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyNetworkError */ .LW)(attempt.code) : undefined;
    if (problem !== undefined && !(0,_network_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableNetworkProblem */ .Y5)(problem))
        return false;
    if (attempt.kind === 'start') {
        return attempt.status === 429 || (problem !== undefined && (0,_network_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .provesNothingSent */ .vp)(problem));
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


/***/ }),

/***/ 9325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ judge),
/* harmony export */   g: () => (/* binding */ succeeded)
/* harmony export */ });
/* harmony import */ var _report_describe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(313);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(873);


/**
 * Whether a run succeeded: the one definition, for the verdict on this step's run and
 * for the earlier runs a run length is estimated from. `completed` alone is not success:
 * Code Ocean also reports completed runs whose end status is failed or stopped, and
 * completed/succeeded runs with a non-zero exit code.
 */
function succeeded(c) {
    return c.state === 'completed' && c.end_status === 'succeeded' && (c.exit_code === undefined || c.exit_code === 0);
}
/** Judges a finished run (see succeeded). */
function judge(c) {
    const facts = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(`state ${c.state || 'unknown'}, end status ${c.end_status ?? 'none'}, ` + `exit code ${c.exit_code ?? 'none'}`);
    if (succeeded(c)) {
        return { status: 'succeeded', succeeded: true, message: `Code Ocean run ${(0,_report_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRun */ .v)(c)} succeeded (${facts})` };
    }
    const status = c.end_status === 'stopped' ? 'stopped' : 'failed';
    const verb = status === 'stopped' ? 'was stopped' : 'failed';
    return { status, succeeded: false, message: `Code Ocean run ${(0,_report_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRun */ .v)(c)} ${verb}: ${facts}` };
}


/***/ }),

/***/ 313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ describeRun)
/* harmony export */ });
/* harmony import */ var _caps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(873);


/**
 * A run as people recognise it: `'nightly' (9af23fd6-…)`, or the bare id when it has no
 * name. One short line whatever the server named it: the name is outside text (see
 * untrusted.ts, caps.ts).
 */
function describeRun(c) {
    return c.name ? `'${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)((0,_caps_js__WEBPACK_IMPORTED_MODULE_1__/* .capText */ .yA)(c.name))}' (${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)((0,_caps_js__WEBPACK_IMPORTED_MODULE_1__/* .capText */ .yA)(c.id))})` : (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)((0,_caps_js__WEBPACK_IMPORTED_MODULE_1__/* .capText */ .yA)(c.id));
}


/***/ }),

/***/ 1604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ downloadResults),
  D: () => (/* binding */ prepareForDownload)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/caps.ts
var caps = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/within.ts
var within = __webpack_require__(2664);
// EXTERNAL MODULE: ./src/results/errors.ts
var results_errors = __webpack_require__(2815);
// EXTERNAL MODULE: ./src/results/listing.ts
var listing = __webpack_require__(1126);
;// CONCATENATED MODULE: ./src/results/look-ahead.ts
/**
 * Runs work in two stages, so the slow first step of one item overlaps the main work of
 * others: `prepare` (for a download: where the file goes, and its signed link from Code
 * Ocean) starts a bounded number of items ahead of `run` (the transfer), which has its
 * own bound. Without it, each slot of `run` would wait out its own preparation first.
 */

/**
 * Calls `prepare` then `run` for every item: runs begin in the items' order, at most
 * `concurrency` at once, and preparations at most `ahead` items before their run. A
 * run is handed its item's preparation as a promise (it may still be pending), so a
 * failed preparation fails only its own run, in its turn. After a failure no
 * preparation or run begins, those under way are let finish (the `signal` given to
 * `prepare` is aborted, so a preparation can stop early), and the first failure is
 * thrown as it was caught; a cancel is thrown as a RequestAbortedError. The `stop`
 * given to each run is that same signal, for what a run hands on and has not begun.
 */
function runWithLookAhead(items, options, prepare, run) {
    const concurrency = Math.max(1, Math.floor(options.concurrency));
    const ahead = Math.max(1, Math.floor(options.ahead));
    // Aborted on the first failure or a cancel: preparations in flight can end early, and
    // a run can take back work it handed on that has not begun.
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    let failure;
    let failed = false;
    const queued = [];
    let next = 0;
    let running = 0;
    // Preparations not yet settled: waited for too, so nothing of this is still at work when it ends.
    let preparing = 0;
    return new Promise((resolve, reject) => {
        const finish = () => {
            if (options.signal?.aborted)
                reject(new errors.RequestAbortedError());
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the first failure exactly as it was caught
            else if (failed)
                reject(failure);
            else
                resolve();
        };
        const fail = (error) => {
            if (!failed) {
                failed = true;
                failure = error;
            }
            stop.abort();
        };
        const pump = () => {
            for (;;) {
                if (signal.aborted)
                    queued.length = 0;
                // Top up the preparations ahead, then begin a run if a slot is free.
                while (!signal.aborted && next < items.length && queued.length < ahead) {
                    const item = items[next++];
                    const prepared = Promise.resolve().then(() => prepare(item, signal));
                    preparing += 1;
                    // Seen by its run in its turn; this only keeps it from counting as unhandled meanwhile.
                    prepared
                        .catch(() => { })
                        .finally(() => {
                        preparing -= 1;
                        pump();
                    });
                    queued.push({ item, prepared });
                }
                if (running >= concurrency || queued.length === 0)
                    break;
                const { item, prepared } = queued.shift();
                running += 1;
                Promise.resolve()
                    .then(() => run(item, prepared, signal))
                    .catch(fail)
                    .finally(() => {
                    running -= 1;
                    pump();
                });
            }
            if (running === 0 && preparing === 0 && queued.length === 0 && (signal.aborted || next >= items.length)) {
                finish();
            }
        };
        pump();
    });
}

// EXTERNAL MODULE: ./src/results/object-store.ts
var object_store = __webpack_require__(5415);
;// CONCATENATED MODULE: ./src/results/signed-link.ts
/**
 * How long a signed download link is used after it came. Links are asked for ahead of
 * their transfer (see look-ahead.ts), and Code Ocean does not document how long they
 * stay valid, only that they are signed (S3 pre-signed URLs in practice). So a link is
 * used only while it is young: at most a minute old, and at most half the lifetime it
 * declares itself (S3's `X-Amz-Expires`, in seconds, counted from when it came, so the
 * runner's clock need not agree with the server's). An older one is asked for again
 * just before its transfer.
 */
/** A link is never used more than this long after it came, whatever it declares. */
const LINK_MAX_AGE_MS = 60_000;
/** The longest lifetime a SigV4 pre-signed URL can have: 7 days, in seconds. */
const SIGV4_MAX_EXPIRES_S = 604_800;
/**
 * The lifetime a link declares in its `X-Amz-Expires` parameter, in ms; undefined when it
 * declares none or one that is not a whole number of seconds from 1 to 7 days (the link
 * comes from outside: a value out of range must not drive a timer or a decision).
 */
function declaredLifetimeMs(url) {
    let value;
    try {
        value = new URL(url).searchParams.get('X-Amz-Expires');
    }
    catch {
        return undefined;
    }
    if (value === null || !/^\d{1,7}$/.test(value))
        return undefined;
    const seconds = Number(value);
    return seconds >= 1 && seconds <= SIGV4_MAX_EXPIRES_S ? seconds * 1000 : undefined;
}
/** How long after it came a link is still used: LINK_MAX_AGE_MS, or half its declared lifetime if shorter. */
function linkShelfLifeMs(url) {
    const declared = declaredLifetimeMs(url);
    return declared === undefined ? LINK_MAX_AGE_MS : Math.min(LINK_MAX_AGE_MS, declared / 2);
}
/** How much longer `link` may be used, from `now` (same clock as its receivedAt); below 0 once stale. */
function freshFor(link, now) {
    return linkShelfLifeMs(link.url) - (now - link.receivedAt);
}
/** Whether `link` is too old to be used at `now` (same clock as its receivedAt). */
function isStale(link, now) {
    return freshFor(link, now) < 0;
}

// EXTERNAL MODULE: ./src/results/transfer-worker.ts + 1 modules
var transfer_worker = __webpack_require__(8173);
// EXTERNAL MODULE: ./src/results/transfer.ts
var transfer = __webpack_require__(9647);
;// CONCATENATED MODULE: ./src/results/download.ts















/**
 * Transfers handed to the transferrer beyond the `concurrency` it runs at once: they
 * wait there, so a transfer that ends is followed at once by the next one in the
 * thread that runs them (see transfer-queue.ts). Measured with `npm run bench --
 * downloads`: 5,000 files of 4 KiB took 4–5% less time with 4 waiting than with none.
 */
const HANDED_OVER_AHEAD = 4;
/**
 * Creates `folder` and returns its real path, refusing a `folder` that leads out of
 * `workspace`: checked before anything is created, and again once the folder exists
 * (a link may have appeared).
 */
async function prepareFolder(folder, workspace) {
    const refuseIfOutside = () => {
        const why = workspace === undefined ? undefined : (0,within/* leadsOutOf */.t)(folder, workspace);
        if (why !== undefined)
            throw new Error(`Refused to download into ${folder}: ${why}; nothing was written.`);
    };
    refuseIfOutside();
    await (0,promises_.mkdir)(folder, { recursive: true });
    refuseIfOutside();
    return (0,promises_.realpath)(folder);
}
/** Creates the folder `parent`; says why not when it is a link leading out of `root` (undefined: it is fine). */
async function checkFolder(root, parent) {
    await (0,promises_.mkdir)(parent, { recursive: true });
    const real = await (0,promises_.realpath)(parent);
    return (0,within/* isWithin */.U)(real, root) ? undefined : `a folder on its way is a link leading out of ${root}`;
}
/** Resolves where a result goes, refusing anything that would land outside `root`. */
async function destination(root, path, folders) {
    const target = (0,external_node_path_.join)(root, ...(0,listing/* safeResultPath */.kE)(path));
    const parent = (0,external_node_path_.dirname)(target);
    let checked = folders.get(parent);
    if (checked === undefined) {
        checked = checkFolder(root, parent);
        folders.set(parent, checked);
    }
    const refused = await checked;
    if (refused !== undefined)
        throw new Error(`Refused the result path "${(0,caps/* capText */.yA)(path)}": ${refused}; nothing was written for it.`);
    // Synchronous, and asked not to throw: the target is almost never there, and a thrown
    // ENOENT (an error, its stack captured) cost more than the look itself (CPU profile of
    // 400 files: 95 ms of the main thread's time), while a look at a folder it just read is a few µs.
    const existing = (0,external_node_fs_.lstatSync)(target, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink() || existing?.isDirectory()) {
        throw new Error(`Refused the result path "${(0,caps/* capText */.yA)(path)}": ${(0,caps/* capText */.yA)((0,external_node_path_.relative)(root, target))} already exists as a ${existing.isDirectory() ? 'folder' : 'link'}; nothing was written for it.`);
    }
    return target;
}
/** Asks Code Ocean for a fresh signed link to `file`, noting when it came. */
async function askLink(transfers, file, signal) {
    const url = await transfers.linkRequests(() => transfers.source.fileUrl(transfers.runId, file.path, { signal: signal ?? transfers.signal }));
    return { url, receivedAt: performance.now() };
}
/**
 * Ahead of a file's transfer: checks where it goes (a refusal fails the file as it is)
 * and asks for its link; a failed request is kept, to fail the file's first try in its turn.
 */
async function prepare(transfers, root, folders, file, signal) {
    const target = await destination(root, file.path, folders);
    try {
        return { target, early: { link: await askLink(transfers, file, signal) } };
    }
    catch (error) {
        return { target, early: { error } };
    }
}
/**
 * One file, tried up to `attempts` times while what failed may pass with a fresh
 * link; a cancel ends it at once, and `withdraw` (another file failed) stops it before
 * its next link or try. The first try uses the link asked for ahead while it
 * is young (see signed-link.ts), later tries a link asked for just before. A link asked
 * for ahead that the store refuses (403, how S3 says a link expired) is asked for again
 * once, without counting as a try: its age was the download's doing. Returns the bytes written.
 */
async function fetchFile(transfers, file, prepared, withdraw, attempts, onRetry) {
    const { target, early } = await prepared;
    let ahead = early;
    let renewed = false;
    let stale = false;
    // A path from Code Ocean, of any length: capped where it is told.
    const shown = (0,caps/* capText */.yA)(file.path);
    for (let attempt = 1;;) {
        // Another file failed: nothing more begins (what is under way is let finish).
        if (withdraw.aborted)
            throw new errors.RequestAbortedError();
        // The link asked for ahead, if there is one and it is still young; else one asked for now.
        const now = performance.now();
        const young = ahead !== undefined && 'link' in ahead && !isStale(ahead.link, now) ? ahead.link : undefined;
        const failedAhead = ahead !== undefined && 'error' in ahead ? ahead : undefined;
        ahead = undefined;
        try {
            if (failedAhead)
                throw failedAhead.error;
            const link = young ?? (await askLink(transfers, file, withdraw));
            const job = {
                url: link.url,
                file,
                target,
                partial: (0,transfer/* partialName */.t)(target),
                deadlineMs: transfers.deadlineFor(file.size)
            };
            // One clock reading decides a link asked for ahead is young and how long it stays so.
            const freshForMs = freshFor(link, young === undefined ? performance.now() : now);
            return await transfers.transferrer.transfer(job, { freshForMs, cancel: transfers.signal, withdraw, first: stale });
        }
        catch (error) {
            if (error instanceof errors.RequestAbortedError)
                throw error;
            // It waited for a slot longer than its link may be used: not a try; asked for
            // again, and handed over again at the head of the queue.
            stale = error instanceof results_errors/* StaleLinkError */.oJ;
            if (stale)
                continue;
            if (error instanceof results_errors/* ExpiredLinkError */._W && young !== undefined && !renewed) {
                renewed = true;
                onRetry?.(`The link to result "${shown}" was refused (${(0,errors.errorMessage)(error)}); asking for a fresh one`);
                continue;
            }
            if (!(error instanceof results_errors/* TransientDownloadError */.XL) || attempt >= attempts) {
                throw new Error(`Could not download result "${shown}": ${(0,errors.errorMessage)(error)}`, { cause: error });
            }
            attempt += 1;
            onRetry?.(`Downloading result "${shown}" failed (${(0,errors.errorMessage)(error)}); trying again with a fresh link (attempt ${attempt} of ${attempts})`);
        }
    }
}
/** Files and bytes done so far, of `total`, told every `everyMs` while the download lasts longer than that. */
function trackProgress(total, everyMs, onProgress) {
    const done = { files: 0, bytes: 0 };
    const started = Date.now();
    const timer = setInterval(() => {
        onProgress?.(`Downloaded ${done.files} of ${total.files} files (${(0,format/* formatBytes */.z3)(done.bytes)} of ${(0,format/* formatBytes */.z3)(total.bytes)}) in ${Math.round((Date.now() - started) / 1000)} s`);
    }, everyMs);
    return { done, stop: () => clearInterval(timer) };
}
/** How the transfers of a download with `options` run (the same for a worker started ahead of it). */
function transferSettings(options) {
    return { timeoutMs: options.timeoutMs ?? 60_000, rules: options.storeRules, concurrency: options.concurrency ?? 8 };
}
/**
 * Makes ready for a download with `options` that may come later (while the run it is
 * of is followed): its worker, if it needs one, is then started already (see
 * warmTransferWorker). Costs nothing in tests and scripts, where transfers run in the calling thread.
 */
function prepareForDownload(options) {
    (0,transfer_worker/* warmTransferWorker */.FU)(transferSettings(options));
}
/**
 * Downloads result files into `folder`, a bounded number at a time, each streamed to
 * disk under a temporary name and renamed once complete and of the listed size. Links
 * are asked for a few files ahead, so transfers do not wait on Code Ocean between files. The
 * signed URLs go to an object store, so the Code Ocean credentials are never sent
 * there. No file is written outside `folder`: unsafe paths, and folders inside it that
 * are links leading out, are refused; so is a `folder` leading out of `workspace`.
 * Each transfer stops as soon as it exceeds the file's listed size or its deadline.
 */
async function downloadResults(source, runId, files, folder, options = {}) {
    const root = await prepareFolder(folder, options.workspace);
    const settings = transferSettings(options);
    const { concurrency } = settings;
    const transfer = (0,transfer_worker/* transferrer */.dT)(settings, files);
    const transfers = {
        source,
        runId,
        transferrer: transfer,
        linkRequests: (0,p_limit/* default */.A)(concurrency),
        deadlineFor: options.deadlineMs ?? object_store/* transferDeadlineMs */.OV,
        signal: options.signal
    };
    const total = { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) };
    if (transfer.inWorker) {
        const unknown = files.some((f) => f.sizeUnknown) ? ' and files of unknown size' : '';
        const ahead = transfer.startedAhead ? ', started while the run went on' : '';
        options.onProgress?.(`Downloading ${(0,format/* formatBytes */.z3)(total.bytes)}${unknown} in a worker thread with a heap of its own${ahead}`);
    }
    const progress = trackProgress(total, options.progressEveryMs ?? 5_000, options.onProgress);
    const folders = new Map();
    try {
        await runWithLookAhead(files, { concurrency: concurrency + HANDED_OVER_AHEAD, ahead: options.lookAhead ?? 8, signal: options.signal }, (file, signal) => prepare(transfers, root, folders, file, signal), async (file, prepared, stop) => {
            const bytes = await fetchFile(transfers, file, prepared, stop, options.attempts ?? 3, options.onRetry);
            progress.done.files += 1;
            progress.done.bytes += bytes;
            options.onFileDone?.(file.path);
        });
    }
    finally {
        progress.stop();
        transfer.close();
    }
    return { folder: root, ...progress.done };
}


/***/ }),

/***/ 1126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ listResultFiles),
/* harmony export */   Y4: () => (/* binding */ resultFilter),
/* harmony export */   kE: () => (/* binding */ safeResultPath)
/* harmony export */ });
/* unused harmony exports MAX_LISTING_DEPTH, MAX_LISTING_CALLS, MAX_RESULT_FILES */
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3581);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2815);




/**
 * Checks that a result path, as Code Ocean names it, stays inside the results folder:
 * relative, no `..`, no empty or `.` segments, no backslashes or NUL. Returns the
 * path's segments. A hostile or broken server must not make the action write
 * anywhere else.
 */
function safeResultPath(path) {
    const problem = (why) => {
        throw new Error(`Refused the result path "${path}": ${why}; nothing was written for it.`);
    };
    if (path === '')
        problem('it is empty');
    if (path.includes('\0'))
        problem('it contains a NUL byte');
    if (path.includes('\\'))
        problem('it contains a backslash');
    if (path.startsWith('/') || /^[a-zA-Z]:/.test(path))
        problem('it is absolute');
    const segments = path.split('/');
    for (const segment of segments) {
        if (segment === '..')
            problem('it climbs out of the results folder with ".."');
        if (segment === '' || segment === '.')
            problem('it has an empty or "." segment');
    }
    return segments;
}
/**
 * Compiles `results-filter`: newline-separated globs, `!` to exclude. A path is kept
 * when it matches an include (or there are none) and no exclude. Dotfiles match too.
 */
function resultFilter(patterns) {
    const includes = patterns.filter((p) => !p.startsWith('!'));
    const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const matches = (path, pattern) => (0,minimatch__WEBPACK_IMPORTED_MODULE_0__/* .minimatch */ .xF)(path, pattern, { dot: true });
    return (path) => (includes.length === 0 || includes.some((p) => matches(path, p))) && !excludes.some((p) => matches(path, p));
}
/** How deep the walk goes: folders nested deeper than this are not listed. */
const MAX_LISTING_DEPTH = 64;
/** Listing calls one walk may make: one per folder, so also the most folders it visits. */
const MAX_LISTING_CALLS = 10_000;
/** Result files one walk may collect. */
const MAX_RESULT_FILES = 100_000;
const LISTING_LIMITS = {
    depth: MAX_LISTING_DEPTH,
    calls: MAX_LISTING_CALLS,
    files: MAX_RESULT_FILES
};
/** The walk stops at one of its limits: `what` says which, and the message the limits of all three. */
function stoppedAt(what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ListingLimitError */ .ic(`Stopped listing the run's results at a limit: ${what}. The action lists at most ${MAX_LISTING_DEPTH} folders deep, ` +
        `${MAX_LISTING_CALLS.toLocaleString('en-US')} folders and ${MAX_RESULT_FILES.toLocaleString('en-US')} files.`);
}
function tooManyCalls(calls) {
    return stoppedAt(`it needs more than ${calls.toLocaleString('en-US')} listing calls (one per folder)`);
}
/** A long path, cut for a message. */
function shorten(path) {
    return path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-60)}` : path;
}
/**
 * Takes in the items of each listing as they come: checks every path (an unsafe one
 * throws), keeps the files `keep` wants, and returns each folder still to list, once.
 * Throws at a limit on depth, folders (each costs a call) or files.
 */
function resultCollector(limits, keep) {
    const files = [];
    const seen = new Set();
    const take = (item) => {
        safeResultPath(item.path);
        if (item.type === 'folder') {
            // A server that lists a folder inside itself must not loop the walk forever.
            if (seen.has(item.path))
                return undefined;
            seen.add(item.path);
            // Each folder costs a call: more folders than calls would only queue work that cannot be done.
            if (seen.size >= limits.calls)
                throw tooManyCalls(limits.calls);
            const depth = item.path.split('/').length;
            if (depth > limits.depth) {
                throw stoppedAt(`a folder is nested more than ${limits.depth} folders deep ("${shorten(item.path)}")`);
            }
            return item.path;
        }
        if (!keep(item.path))
            return undefined;
        if (files.length >= limits.files) {
            throw stoppedAt(`there are more than ${limits.files.toLocaleString('en-US')} result files`);
        }
        // Code Ocean's model makes a file's size optional: such a file is still downloaded, and checked against its transfer.
        files.push(item.size === undefined ? { path: item.path, size: 0, sizeUnknown: true } : { path: item.path, size: item.size });
        return undefined;
    };
    return { take, files };
}
/**
 * Lists every result file: Code Ocean lists one folder per call, so folders are
 * walked breadth-first with a bounded number of listings in flight. Paths are
 * checked as they arrive; an unsafe one stops the walk. So does reaching a limit
 * on depth, calls or files, with a message that names it: a server whose tree keeps
 * branching must not keep the step listing for ever.
 */
async function listResultFiles(lister, id, options = {}) {
    const limits = { ...LISTING_LIMITS, ...options.limits };
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)(options.concurrency ?? 8);
    const collected = resultCollector(limits, options.keep ?? (() => true));
    // Aborted on the first failure too, so calls in flight end and no new ones begin.
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    let calls = 0;
    let failure;
    const list = (folder) => limit(async () => {
        if (signal.aborted)
            return undefined;
        calls += 1;
        if (calls > limits.calls)
            throw tooManyCalls(limits.calls);
        return lister.list(id, folder, { signal });
    });
    const walk = async (folder) => {
        try {
            const items = await list(folder);
            if (items === undefined || signal.aborted)
                return;
            const subfolders = items.map(collected.take).filter((path) => path !== undefined);
            await Promise.all(subfolders.map(walk));
        }
        catch (error) {
            failure ??= error;
            stop.abort();
        }
    };
    await walk('');
    if (options.signal?.aborted)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.RequestAbortedError();
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the first failure exactly as it was caught
    if (failure !== undefined)
        throw failure;
    return collected.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}


/***/ })

};

//# sourceMappingURL=422.index.js.map