export const id = 173;
export const ids = [173,663];
export const modules = {

/***/ 9247:
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
        advice: `Check the \`${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Domain}\` input: ${host} does not resolve from this runner. It should be your Code Ocean ` +
            `deployment's address, as in your browser, e.g. \`${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Domain}: codeocean.example.com\`. A name only your ` +
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
                advice: `Set the \`${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.Domain}\` input to a name the certificate covers, the one you use in the browser.`
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
    const { what, advice } = explanation(failure, classifyNetworkError(failure.code));
    const via = failure.proxy === undefined ? '' : `, through the proxy ${failure.proxy}`;
    const first = `Could not ${failure.operation}: ${what} (Code Ocean at ${failure.url}${via})`;
    return advice === undefined ? first : `${first}\n${advice}`;
}
const STORE_REACH = "Result files come from the storage that Code Ocean's signed links point to, not from the Code Ocean host: " +
    "the runner must reach it too (see docs/self-hosted.md in the action's repository).";
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

/***/ 2197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ proxyRouteFor),
/* harmony export */   i: () => (/* binding */ proxyFor)
/* harmony export */ });
/* harmony import */ var proxy_from_env__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8182);
/**
 * Which proxy a request goes through. Code Ocean calls are routed by axios, which reads
 * the variables through the same library (proxy-from-env): HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY and their lower-case forms, tunnelling https through CONNECT. The object
 * store's requests are routed by proxyRouteFor, so both go the same way.
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
/** The proxy to route a request to `url` through, as given (with its user name and password, if any), or undefined. */
function proxyRouteFor(url) {
    return (0,proxy_from_env__WEBPACK_IMPORTED_MODULE_0__/* .getProxyForUrl */ .T)(url) || undefined;
}


/***/ }),

/***/ 2815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ou: () => (/* binding */ OversizeError),
/* harmony export */   XL: () => (/* binding */ TransientDownloadError),
/* harmony export */   _W: () => (/* binding */ ExpiredLinkError),
/* harmony export */   a: () => (/* binding */ StoreAddressError),
/* harmony export */   g8: () => (/* binding */ StoreRefusal),
/* harmony export */   ic: () => (/* binding */ ListingLimitError),
/* harmony export */   oJ: () => (/* binding */ StaleLinkError),
/* harmony export */   tB: () => (/* binding */ StoreRouteError)
/* harmony export */ });
/** The errors of the results phase: listing, download. */
/** The walk stopped at one of its limits; the results tree is larger (or deeper) than the action lists. */
class ListingLimitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ListingLimitError';
    }
}
/** The store sent more bytes than the file can hold; retrying will not help. */
class OversizeError extends Error {
}
/** A download that failed in a way another try with a fresh URL may fix. */
class TransientDownloadError extends Error {
}
/** The store refused the link (403): how S3 says a signed URL expired, so a fresh one may do. */
class ExpiredLinkError extends TransientDownloadError {
}
/**
 * A transfer was not begun: its link grew too old to use while it waited for a slot
 * (see transfer-queue.ts). Not a failed try: the file is asked for again with a fresh link.
 */
class StaleLinkError extends Error {
}
/**
 * The store was not asked: where a link leads, or how it would be reached, is refused.
 * Final: a fresh link from the same server would meet the same refusal.
 */
class StoreRefusal extends Error {
}
/** A download link or a redirect to an address results are never fetched from (see store-address.ts). */
class StoreAddressError extends StoreRefusal {
    name = 'StoreAddressError';
    code = 'ERR_STORE_ADDRESS';
}
/** The store cannot be reached the way this runner is set up (a proxy the download cannot use): another try will not help. */
class StoreRouteError extends StoreRefusal {
    name = 'StoreRouteError';
}


/***/ }),

/***/ 5415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OV: () => (/* binding */ transferDeadlineMs),
/* harmony export */   Rj: () => (/* binding */ declaredLength),
/* harmony export */   a2: () => (/* binding */ objectStoreClient),
/* harmony export */   gl: () => (/* binding */ storeError),
/* harmony export */   s6: () => (/* binding */ storeRefusal)
/* harmony export */ });
/* unused harmony export agentsTakeProxies */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _caps_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2410);
/* harmony import */ var _codeocean_network_failures_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9247);
/* harmony import */ var _codeocean_proxy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2197);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6264);
/* harmony import */ var _timer_limits_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2087);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(311);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2815);
/* harmony import */ var _store_address_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(414);











/** A transfer from the object store gets at least this long, from request to last byte. */
const TRANSFER_DEADLINE_MS = 60_000;
/** …and for a large file, as long as it takes at this rate: 1 s per MB beyond the first 60 MB. */
const TRANSFER_MIN_BYTES_PER_SECOND = 1_000_000;
/**
 * The overall deadline of one transfer of `bytes`: 60 s, or 1 s per MB beyond 60 MB,
 * up to what a timer holds (about 24 days; a listed size of terabytes would otherwise
 * overflow the timer, which then fires at once).
 */
function transferDeadlineMs(bytes) {
    return (0,_timer_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .timerDelayMs */ .f)(Math.ceil((bytes / TRANSFER_MIN_BYTES_PER_SECOND) * 1000), TRANSFER_DEADLINE_MS);
}
/** The Content-Length an answer declares, if it declares one. */
function declaredLength(headers) {
    const value = headers['content-length'];
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const length = Number(value);
    return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}
/** The rules when a caller gives none: Code Ocean is not on this machine. */
const STRICT_STORE_RULES = { loopbackDomain: false };
/** Redirects followed from one link, at most: a store may send a link on once or twice (to a region, say); more is a loop or a fault. */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** The StoreRefusal behind a failed request, if that is why it failed (a wrapper may hold it as its cause). */
function storeRefusal(error) {
    for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
        if (cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StoreRefusal */ .g8)
            return cause;
    }
    return undefined;
}
/**
 * guardedLookup, in the form Node's connections call it: with `all`, every address;
 * without, the first one and its family.
 */
function connectionLookup(rules) {
    const guarded = (0,_store_address_js__WEBPACK_IMPORTED_MODULE_5__/* .guardedLookup */ .rN)(rules);
    return ((hostname, options, callback) => {
        guarded(hostname, options, (error, addresses) => {
            if (error)
                callback(error, options.all ? [] : '', 0);
            else if (options.all)
                callback(null, addresses);
            else
                callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
        });
    });
}
/**
 * Whether Node's own agents route through a proxy (`proxyEnv`, Node 24.5.0 and later):
 * an older agent would ignore the option and go straight to the store.
 */
function agentsTakeProxies(nodeVersion) {
    const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
    return major > 24 || (major === 24 && minor >= 5);
}
/**
 * The proxy to reach `link` through (see codeocean/proxy.ts), in the form Node's agents
 * take: they route through an `http:` or `https:` proxy written in lower case, and go
 * straight to the store, unchecked, with any other. So the scheme is normalised, and a
 * proxy they cannot use (socks, or a Node before 24.5) fails the download saying so.
 */
function proxyOf(link) {
    const route = (0,_codeocean_proxy_js__WEBPACK_IMPORTED_MODULE_7__/* .proxyRouteFor */ .V)(link.href);
    if (route === undefined)
        return undefined;
    const proxy = URL.canParse(route) ? new URL(route) : undefined;
    const shown = () => (0,_codeocean_proxy_js__WEBPACK_IMPORTED_MODULE_7__/* .proxyFor */ .i)(link.href) ?? 'named in HTTPS_PROXY or HTTP_PROXY';
    if (proxy?.protocol !== 'http:' && proxy?.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StoreRouteError */ .tB(`the object store is to be reached through the proxy ${shown()}, which is not an http:// or https:// proxy: the download supports only those`);
    }
    if (!agentsTakeProxies(process.versions.node)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StoreRouteError */ .tB(`the object store is to be reached through the proxy ${shown()}, which Node ${process.versions.node} cannot do for it (Node 24.5 or later can)`);
    }
    return proxy.href;
}
/** A request that went silent for `ms`: a timeout, by the code the failure messages know. */
function stalled(ms) {
    return Object.assign(new Error(`the store sent nothing for ${(0,_format_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a3)(ms)}`), { code: 'ETIMEDOUT' });
}
/**
 * An HTTP client for signed URLs, on Node's own http and https: no auth and no base
 * URL, sharing nothing with the Code Ocean client, so the Code Ocean credentials can
 * never reach the object store. It is what runs in the download worker, which loads
 * nothing else for it (axios and what it loads took a worker about 7 MiB more memory,
 * and the 1,000-file case of `npm run bench -- downloads` peaked about 6 MiB higher).
 * Bodies are streams, taken as they come (no decompression), so sizes match the
 * listing. Each link, and each of up to 5 redirects, is held to `rules`, and a host
 * name is checked as it resolves (unless a proxy resolves it: the proxy's own address
 * is the runner's business). A request that goes silent for `timeoutMs` once
 * connected, before or during its body, fails (a connection that is never made is
 * bounded by the transfer's own deadline).
 *
 * Proxies are those the Code Ocean calls use, chosen by the same library from the same
 * variables (see codeocean/proxy.ts, and proxyOf); Node's agents route through them (an
 * https link through a CONNECT tunnel). A store the runner cannot reach, or whose certificate it
 * refuses, gets words that say so; the error keeps its code, for the caller's judgement.
 */
function objectStoreClient(timeoutMs, rules = STRICT_STORE_RULES) {
    const agents = new Map();
    const agentFor = (link, proxy) => {
        const key = `${link.protocol} ${proxy ?? ''}`;
        let agent = agents.get(key);
        if (agent === undefined) {
            const proxyEnv = proxy === undefined ? undefined : { HTTP_PROXY: proxy, HTTPS_PROXY: proxy };
            const options = { keepAlive: true, proxyEnv };
            agent = link.protocol === 'https:' ? new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)(options) : new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)(options);
            agents.set(key, agent);
        }
        return agent;
    };
    const lookup = connectionLookup(rules);
    // The proxy depends on the link's scheme, host and port alone, so the variables that
    // choose it are read once per origin: in the worker, each read of the environment is a
    // lookup in its copy (with 400 files, about 1.5% of the worker's busy time in a CPU
    // profile). A proxy that cannot be used is not kept: it fails the download anyway.
    const proxies = new Map();
    const proxyTo = (link) => {
        const origin = `${link.protocol}//${link.host}`;
        if (proxies.has(origin))
            return proxies.get(origin);
        const proxy = proxyOf(link);
        proxies.set(origin, proxy);
        return proxy;
    };
    /** One request, to `link` exactly: its answer once the headers are there. */
    const requestOnce = (link, signal, headers) => new Promise((resolve, reject) => {
        const proxy = proxyTo(link);
        const send = link.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default().request) : (node_http__WEBPACK_IMPORTED_MODULE_0___default().request);
        let answer;
        const request = send(link, {
            agent: agentFor(link, proxy),
            headers: { 'User-Agent': _version_js__WEBPACK_IMPORTED_MODULE_9__/* .USER_AGENT */ ._, 'Accept-Encoding': 'identity', ...headers },
            signal,
            ...(proxy === undefined ? { lookup } : {})
        }, (response) => {
            answer = response;
            resolve(response);
        });
        request.setTimeout(timeoutMs, () => {
            const error = stalled(timeoutMs);
            answer?.destroy(error);
            request.destroy(error);
        });
        request.on('error', reject);
        request.end();
    });
    const get = async (url, { signal, headers = {} }) => {
        const refused = (0,_store_address_js__WEBPACK_IMPORTED_MODULE_5__/* .refusedLink */ .LO)(url, rules);
        if (refused !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StoreAddressError */ .a(`the download link was refused: ${refused}`);
        let link = new URL(url);
        for (let redirects = 0;; redirects++) {
            let response;
            try {
                response = await requestOnce(link, signal, headers);
            }
            catch (error) {
                throw explained(error, link.href);
            }
            const status = response.statusCode ?? 0;
            const location = response.headers.location;
            if (!REDIRECT_STATUSES.has(status) || location === undefined) {
                return { status, headers: response.headers, data: response };
            }
            response.destroy();
            if (redirects === MAX_REDIRECTS)
                throw new Error(`the store redirected more than ${MAX_REDIRECTS} times`);
            const next = URL.canParse(location, link.href) ? new URL(location, link) : undefined;
            const why = next === undefined ? 'it is not a URL' : (0,_store_address_js__WEBPACK_IMPORTED_MODULE_5__/* .refusedLink */ .LO)(next.href, rules);
            if (why !== undefined || next === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StoreAddressError */ .a(`the store's redirect was refused: ${why}`);
            link = next;
        }
    };
    /** `error`, in words that say what went wrong with the store when the failure is a known one. */
    const explained = (error, url) => {
        // Node's own errors are checked by kind, not by class: under a test runner they may come from another realm.
        if (!(error instanceof Error) && !node_util__WEBPACK_IMPORTED_MODULE_2__.types.isNativeError(error))
            return new Error(String(error));
        const code = error.code;
        const words = (0,_codeocean_network_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .explainStoreFailure */ .vz)({ code, text: error.message, url, timeoutMs, proxy: (0,_codeocean_proxy_js__WEBPACK_IMPORTED_MODULE_7__/* .proxyFor */ .i)(url) });
        // A message can hold what the store chose (a host name it redirected to): capped.
        error.message = (0,_caps_js__WEBPACK_IMPORTED_MODULE_10__/* .capText */ .yA)(words ?? error.message);
        return error;
    };
    return {
        store: { get },
        close: () => {
            for (const agent of agents.values())
                agent.destroy();
        }
    };
}
/** Reads the gist of an object store's error body (S3 sends XML with Code and Message). */
async function storeError(body) {
    let text = '';
    for await (const chunk of body) {
        text += String(chunk);
        if (text.length > 2000)
            break;
    }
    body.destroy();
    // One chunk can hold far more than the 2,000 characters read for: the rest is not looked at.
    text = text.slice(0, 2000);
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    return (0,_caps_js__WEBPACK_IMPORTED_MODULE_10__/* .capText */ .yA)([code, message].filter(Boolean).join(': ') || text.replace(/\s+/g, ' ').trim().slice(0, 200));
}


/***/ }),

/***/ 414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ storeRulesFor),
/* harmony export */   LO: () => (/* binding */ refusedLink),
/* harmony export */   rN: () => (/* binding */ guardedLookup)
/* harmony export */ });
/* unused harmony export addressKind */
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(610);
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dns__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2815);
/**
 * Where result files may be fetched from. A download link, and any redirect the store
 * sends, comes from outside: left unchecked, it could point the runner at itself
 * (loopback) or at a cloud metadata service (link-local, 169.254.169.254), and the
 * answer would be written into the results folder. Private ranges (10/8, 172.16/12,
 * 192.168/16) stay allowed: Code Ocean and its store may live in a VPC.
 */



function ipv4Kind(octets) {
    // 0.0.0.0/8 ("this network") reaches the machine itself when connected to.
    if (octets[0] === 127 || octets[0] === 0)
        return 'loopback';
    if (octets[0] === 169 && octets[1] === 254)
        return 'link-local';
    return 'other';
}
/** The eight 16-bit groups of an IPv6 address (checked by isIP first), a dotted IPv4 tail included. */
function ipv6Groups(text) {
    let address = text;
    const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
    if (dotted) {
        const [a, b, c, d] = dotted[1].split('.').map(Number);
        address = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    }
    const [head, tail] = address.split('::');
    const parse = (part) => part ? part.split(':').map((group) => parseInt(group, 16)) : [];
    const front = parse(head);
    const back = parse(tail);
    const zeros = tail === undefined ? [] : new Array(8 - front.length - back.length).fill(0);
    return [...front, ...zeros, ...back];
}
function ipv6Kind(text) {
    const g = ipv6Groups(text.split('%')[0]);
    const leadingZeros = (n) => g.slice(0, n).every((x) => x === 0);
    if (leadingZeros(7) && (g[7] === 1 || g[7] === 0))
        return 'loopback'; // ::1, and :: (unspecified)
    if ((g[0] & 0xffc0) === 0xfe80)
        return 'link-local'; // fe80::/10
    // An IPv4 address inside: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d).
    const mapped = leadingZeros(5) && (g[5] === 0xffff || g[5] === 0);
    const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
    if (mapped || nat64)
        return ipv4Kind([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff]);
    return 'other';
}
/** What an IP address literal reaches (brackets allowed); undefined for a host name. */
function addressKind(address) {
    const text = address.replace(/^\[|\]$/g, '');
    switch ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(text.split('%')[0])) {
        case 4:
            return ipv4Kind(text.split('.').map(Number));
        case 6:
            return ipv6Kind(text);
        default:
            return undefined;
    }
}
/** What a URL's host reaches by its name alone: an address literal, or a name for this machine. */
function hostKind(hostname) {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    if (host === 'localhost' || host.endsWith('.localhost'))
        return 'loopback';
    return addressKind(host);
}
/** The rules for a step whose Code Ocean API is at `apiBase`. */
function storeRulesFor(apiBase) {
    try {
        return { loopbackDomain: hostKind(new URL(apiBase).hostname) === 'loopback' };
    }
    catch {
        return { loopbackDomain: false };
    }
}
/** Why `kind` of address is refused under `rules`, or undefined when it is allowed. */
function refusedKind(kind, rules) {
    if (kind === 'link-local')
        return 'a link-local address (where cloud metadata services answer)';
    if (kind === 'loopback' && !rules.loopbackDomain)
        return 'an address of the runner itself (loopback)';
    return undefined;
}
/**
 * Why a download link or a redirect must not be followed, or undefined when it may.
 * Says only the link's scheme and host: the rest of a signed URL is its signature.
 */
function refusedLink(link, rules) {
    let url;
    try {
        url = new URL(link);
    }
    catch {
        return 'it is not a URL';
    }
    const origin = `${url.protocol}//${url.host}`;
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.loopbackDomain)) {
        return `${origin} is not https`;
    }
    const why = refusedKind(hostKind(url.hostname), rules);
    return why === undefined ? undefined : `${origin} is ${why}`;
}
/**
 * A DNS lookup for the store's connections that refuses a name resolving to an address
 * the rules forbid (a name anyone can point at 127.0.0.1 or 169.254.169.254), before
 * any connection is made. Node calls it for host names only; literals are checked by
 * refusedLink.
 */
function guardedLookup(rules, resolve = node_dns__WEBPACK_IMPORTED_MODULE_0__.lookup) {
    return (hostname, options, callback) => {
        resolve(hostname, { ...options, all: true }, (error, addresses) => {
            if (error) {
                callback(error, []);
                return;
            }
            for (const { address } of addresses) {
                const why = refusedKind(addressKind(address), rules);
                if (why !== undefined) {
                    callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .StoreAddressError */ .a(`${hostname} resolves to ${address}, ${why}`), []);
                    return;
                }
            }
            callback(null, addresses);
        });
    };
}


/***/ }),

/***/ 8173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serveTransfers: () => (/* binding */ serveTransfers),
  dT: () => (/* binding */ transferrer),
  FU: () => (/* binding */ warmTransferWorker)
});

// UNUSED EXPORTS: WORKER_FROM_BYTES, WORKER_FROM_FILES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/results/errors.ts
var results_errors = __webpack_require__(2815);
// EXTERNAL MODULE: ./src/results/object-store.ts
var object_store = __webpack_require__(5415);
;// CONCATENATED MODULE: ./src/results/transfer-queue.ts
/**
 * The transfers of one download, at most a few at once, with the next ones waiting
 * where they run. A transfer that ends starts the next waiting one at once, in the
 * thread that runs transfers (the download worker, see transfer-worker.ts), instead of
 * after a round trip to the thread that schedules them: with thousands of small files,
 * that round trip was a few percent of the download.
 *
 * A waiting transfer holds a signed link, which is used only while young (see
 * signed-link.ts): one that grew stale while it waited is not started, and fails
 * with StaleLinkError, so its file is asked for again with a fresh link and handed
 * over again at the head of the queue. That happens only when transfers take longer
 * than a link's usable life (a minute at most), so it costs at most one request to
 * Code Ocean per waiting file in that time.
 */


/**
 * Runs `run` for each transfer handed over, at most `concurrency` at once and in the
 * order handed over. `now` is the clock of freshness (performance.now in the thread
 * the queue lives in).
 */
function transferQueue(run, concurrency, now = () => performance.now()) {
    const limit = Math.max(1, Math.floor(concurrency));
    const waiting = [];
    let running = 0;
    const start = (entry) => {
        const { transfer, settle } = entry;
        if (transfer.cancel?.aborted || transfer.withdraw?.aborted) {
            settle.reject(new errors.RequestAbortedError());
            return;
        }
        if (now() > entry.staleAt) {
            settle.reject(new results_errors/* StaleLinkError */.oJ('its link grew stale while it waited'));
            return;
        }
        running += 1;
        run(transfer.job, transfer.cancel)
            .then(settle.resolve, (error) => settle.reject(error instanceof Error ? error : new Error(String(error))))
            .finally(() => {
            running -= 1;
            pump();
        });
    };
    const pump = () => {
        while (running < limit && waiting.length > 0) {
            const entry = waiting.shift();
            entry.unlisten();
            start(entry);
        }
    };
    return (transfer) => new Promise((resolve, reject) => {
        const entry = {
            transfer,
            staleAt: now() + transfer.freshForMs,
            settle: { resolve, reject },
            unlisten: () => { }
        };
        // Taken back while it waits: it leaves the queue at once.
        const leave = () => {
            const at = waiting.indexOf(entry);
            if (at < 0)
                return;
            waiting.splice(at, 1);
            entry.unlisten();
            reject(new errors.RequestAbortedError());
        };
        const signals = [transfer.cancel, transfer.withdraw].filter((s) => s !== undefined);
        for (const signal of signals)
            signal.addEventListener('abort', leave, { once: true });
        entry.unlisten = () => {
            for (const signal of signals)
                signal.removeEventListener('abort', leave);
        };
        if (transfer.first === true)
            waiting.unshift(entry);
        else
            waiting.push(entry);
        pump();
    });
}

// EXTERNAL MODULE: ./src/results/transfer.ts
var transfer = __webpack_require__(9647);
// EXTERNAL MODULE: ./src/results/worker-entry.ts
var worker_entry = __webpack_require__(3663);
;// CONCATENATED MODULE: ./src/results/transfer-worker.ts
/**
 * Where transfers run. A download streams gigabytes through short-lived 64 KiB buffers,
 * and V8 frees them only when it collects its young generation; left to grow (as it
 * does, up to tens of MiB), that generation lets a hundred MiB of spent buffers pile
 * up between collections. So the action runs its transfers in a worker thread whose
 * young generation is held small (`resourceLimits`, a setting of the worker's own heap,
 * not a V8 flag), and each transfer paces its collections by the bytes it writes
 * (paceCollector in transfer.ts), to hold its peaks near the 150 MB goal of `npm run bench -- downloads`.
 * The main thread keeps everything else: the Code Ocean token, the links, the
 * schedule, the checks of where files go.
 *
 * The worker runs the action's own bundle: the entry (src/index.ts) calls
 * `useTransferWorker` (worker-entry.ts) with its own URL on the main thread, and `serveTransfers` in a
 * worker. Without that call (tests, scripts), transfers run in the calling thread.
 */








/**
 * The worker's heap, in MiB. A small young generation, so spent buffers are freed
 * within about a MiB of bytes (with paceCollector; 2 or 3 MiB measured no faster). A
 * transfer's objects still in use when a collection comes move to the old generation,
 * which V8 would let grow by tens of MiB before collecting it: capped near what the
 * worker holds, it is collected sooner. The worker holds its code and the requests of
 * its 8 transfers (a few hundred KiB): 12–14 MiB when it loaded axios, less since (a
 * worker with Node's http and https alone uses about 8), so 24 leaves room; were it ever
 * reached, the worker stops and the download fails saying so, instead of the runner
 * running short. Chosen by the peaks of `npm run bench -- downloads`: for 1,000 files,
 * a median of 140 MiB over 8 runs with 24, 145 with 32 or 64.
 */
const WORKER_YOUNG_GENERATION_MB = 1;
const WORKER_OLD_GENERATION_MB = 24;
/**
 * The time now, in ms, on the one monotonic clock every thread reads (each thread's
 * performance.now() counts from its own start, and performance.timeOrigin is a reading
 * of the wall clock, which can be set meanwhile). A link's shelf life crosses threads as
 * the time it ends, so the time a transfer waits to be read by the worker (while the
 * worker starts, or is busy) counts against it.
 */
const sharedNow = () => Number(process.hrtime.bigint()) / 1e6;
function failureKind(error) {
    if (error instanceof errors.RequestAbortedError)
        return 'aborted';
    if (error instanceof results_errors/* StaleLinkError */.oJ)
        return 'stale';
    if (error instanceof results_errors/* ExpiredLinkError */._W)
        return 'expired';
    if (error instanceof results_errors/* TransientDownloadError */.XL)
        return 'transient';
    return 'final';
}
/** The error a failure of `kind` is on this side: the class download.ts decides by, with its message. */
function failureOf(kind, message) {
    switch (kind) {
        case 'aborted':
            return new errors.RequestAbortedError();
        case 'stale':
            return new results_errors/* StaleLinkError */.oJ(message);
        case 'expired':
            return new results_errors/* ExpiredLinkError */._W(message);
        case 'transient':
            return new results_errors/* TransientDownloadError */.XL(message);
        default:
            return new Error(message);
    }
}
/** Transfers in the calling thread, through a store client of its own. */
function inThisThread(settings) {
    const { store, close } = (0,object_store/* objectStoreClient */.a2)(settings.timeoutMs, settings.rules);
    const queue = transferQueue((job, cancel) => (0,transfer/* transferFile */.e)(store, job, cancel), settings.concurrency);
    return { transfer: (job, handover) => queue({ job, ...handover }), close, inWorker: false, startedAhead: false };
}
/** A worker running `entry` (the action's bundle) to serve transfers with `settings`, its heap held small. */
function bootWorker(entry, settings) {
    return new external_node_worker_threads_.Worker(entry, {
        workerData: settings,
        resourceLimits: {
            maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
            maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB
        },
        stdout: false,
        stderr: false
    });
}
/**
 * A worker started ahead of a download (warmTransferWorker), with the settings it was
 * started with, until a download takes it or it stops.
 */
let warm;
/**
 * Starts the download worker now, for a download that may follow: a worker takes a
 * tenth of a second or more to start (a thread, a heap, the bundle loaded again), which
 * would otherwise delay a download's first transfers. Started while a run is followed,
 * it is ready by the time the run ends. It does not keep the process alive while it
 * waits, and the next download takes it (or, if that download is small or differently
 * set up, ends it). A worker that stops while it waits is forgotten, and the download
 * starts another; one whose stop is still on its way when the download takes it fails
 * that download, as a worker that stops mid-download does. Returns the worker it
 * started, if it started one.
 */
function warmTransferWorker(settings) {
    const entry = (0,worker_entry.transferWorkerEntry)();
    if (entry === undefined || warm !== undefined)
        return undefined;
    const worker = bootWorker(entry, settings);
    worker.unref();
    const forget = () => {
        if (warm?.worker === worker)
            warm = undefined;
    };
    // A worker that fails while nobody uses it must not take the step down with it.
    worker.on('error', forget);
    worker.on('exit', forget);
    warm = { worker, settings: JSON.stringify(settings), forget };
    return worker;
}
/** The warm worker, if it was started with `settings` (it is then no longer warm); any other is ended. */
function takeWarmWorker(settings) {
    const taken = warm;
    warm = undefined;
    if (taken === undefined)
        return undefined;
    if (settings !== undefined && taken.settings === JSON.stringify(settings)) {
        // The download's own listeners take over at once (inWorker), with nothing between.
        taken.worker.off('error', taken.forget);
        taken.worker.off('exit', taken.forget);
        taken.worker.ref();
        return taken.worker;
    }
    // Its listeners stay: a failure it had before it is ended must still find one.
    void taken.worker.terminate();
    return undefined;
}
/** Transfers in a worker running `entry` (the action's bundle): the warm one, or one started at the first transfer. */
function inWorker(entry, settings) {
    let worker;
    let lastId = 0;
    const pending = new Map();
    // A worker that stops (it threw, or ran out of memory) fails what it had in hand, and
    // every later transfer, for good: one started again would meet the same end, and one
    // started between the old one's 'error' and its 'exit' would be orphaned by the 'exit'.
    let stoppedWhy;
    const stopped = (why) => {
        stoppedWhy ??= why;
        for (const { reject, partial } of pending.values()) {
            // A worker that died mid-transfer never ran its own clean-up: no half-written file is left behind.
            (0,external_node_fs_.rmSync)(partial, { force: true });
            reject(new Error(`the download worker stopped: ${stoppedWhy}`));
        }
        pending.clear();
        worker = undefined;
    };
    const listenTo = (fresh) => {
        fresh.on('message', (answer) => {
            const waiting = pending.get(answer.id);
            pending.delete(answer.id);
            if ('bytes' in answer)
                waiting?.resolve(answer.bytes);
            else
                waiting?.reject(failureOf(answer.kind, answer.message));
        });
        fresh.on('error', (error) => stopped((0,errors.errorMessage)(error)));
        fresh.on('exit', (code) => stopped(`it exited with code ${code}`));
        return fresh;
    };
    const warmed = takeWarmWorker(settings);
    if (warmed)
        worker = listenTo(warmed);
    const started = () => (worker ??= listenTo(bootWorker(entry, settings)));
    return {
        transfer: (job, { freshForMs, cancel, withdraw, first = false }) => {
            if (cancel?.aborted || withdraw?.aborted)
                return Promise.reject(new errors.RequestAbortedError());
            if (stoppedWhy !== undefined)
                return Promise.reject(new Error(`the download worker stopped: ${stoppedWhy}`));
            const id = ++lastId;
            const thread = started();
            const abort = () => thread.postMessage({ type: 'abort', id });
            const takeBack = () => thread.postMessage({ type: 'withdraw', id });
            cancel?.addEventListener('abort', abort, { once: true });
            withdraw?.addEventListener('abort', takeBack, { once: true });
            return new Promise((resolve, reject) => {
                pending.set(id, { resolve, reject, partial: job.partial });
                const usableUntil = sharedNow() + freshForMs;
                thread.postMessage({ type: 'transfer', id, job, usableUntil, first });
            }).finally(() => {
                cancel?.removeEventListener('abort', abort);
                withdraw?.removeEventListener('abort', takeBack);
            });
        },
        close: () => {
            const thread = worker;
            worker = undefined;
            void thread?.terminate();
        },
        inWorker: true,
        startedAhead: warmed !== undefined
    };
}
/**
 * A download smaller than both of these runs in the calling thread: it saves starting a
 * worker, which loads the bundle again (tens of ms of CPU, more than a small download
 * takes). Its spent buffers add at most its bytes, and each file adds some garbage of
 * its own (5,000 files of 4 KiB in the main thread peaked near 270 MiB), hence the count.
 */
const WORKER_FROM_BYTES = 32 * 1024 * 1024;
const WORKER_FROM_FILES = 64;
/**
 * A Transferrer for one download of `files`: in a worker when the entry asked for one
 * and the download is large in bytes or files (or holds a file of unknown size), else
 * in this thread.
 */
function transferrer(settings, files) {
    const large = files.length >= WORKER_FROM_FILES ||
        files.some((f) => f.sizeUnknown) ||
        files.reduce((sum, f) => sum + f.size, 0) >= WORKER_FROM_BYTES;
    const entry = (0,worker_entry.transferWorkerEntry)();
    if (entry === undefined || !large) {
        // A worker started for a download that turned out small is not needed after all.
        takeWarmWorker(undefined);
        return inThisThread(settings);
    }
    return inWorker(entry, settings);
}
/**
 * In a worker: runs the transfers the main thread hands over, at most the settings'
 * concurrency at once and the rest waiting (transfer-queue.ts), each with its own cancel
 * and withdrawal, until terminated.
 */
function serveTransfers() {
    if (external_node_worker_threads_.isMainThread || external_node_worker_threads_.parentPort === null)
        throw new Error('serveTransfers runs in a worker thread only');
    const port = external_node_worker_threads_.parentPort;
    const settings = external_node_worker_threads_.workerData;
    const { store } = (0,object_store/* objectStoreClient */.a2)(settings.timeoutMs, settings.rules);
    const queue = transferQueue((job, cancel) => (0,transfer/* transferFile */.e)(store, job, cancel), settings.concurrency);
    const handles = new Map();
    port.on('message', (request) => {
        if (request.type !== 'transfer') {
            handles.get(request.id)?.[request.type === 'abort' ? 'cancel' : 'withdraw'].abort();
            return;
        }
        const handle = { cancel: new AbortController(), withdraw: new AbortController() };
        handles.set(request.id, handle);
        const answered = queue({
            job: request.job,
            freshForMs: request.usableUntil - sharedNow(),
            first: request.first,
            cancel: handle.cancel.signal,
            withdraw: handle.withdraw.signal
        });
        void answered
            .then((bytes) => ({ id: request.id, bytes }), (error) => ({ id: request.id, kind: failureKind(error), message: (0,errors.errorMessage)(error) }))
            .then((answer) => port.postMessage(answer))
            .finally(() => handles.delete(request.id));
    });
}


/***/ }),

/***/ 9647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ transferFile),
/* harmony export */   t: () => (/* binding */ partialName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6264);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2815);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5415);
/**
 * One transfer from the object store to disk: the part of a download that handles the
 * file's bytes. It runs wherever those bytes are best handled (see transfer-worker.ts);
 * download.ts decides what to fetch, with which link, and when.
 */










/** Why a transfer that broke off did: a cancel, its deadline, too many bytes, or the network (worth another try). */
function brokenOff(error, signal, deadline) {
    if (signal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_6__.RequestAbortedError();
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .OversizeError */ .Ou)
        return error;
    if (deadline.passed) {
        const { ms } = deadline;
        return new Error(`it did not arrive within ${(0,_format_js__WEBPACK_IMPORTED_MODULE_9__/* .formatDuration */ .a3)(ms)} (60 s a file, or 1 s per MB beyond 60 MB)`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .TransientDownloadError */ .XL(`the transfer broke off: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__.errorMessage)(error)}`);
}
/**
 * Asks the store for a file at its signed `url` and checks the answer: a status that is
 * not 200 fails (another try may fix a 403, 408, 429 or 5xx), and so does a
 * Content-Length beyond the listed size. Returns the body, and the length the store declared.
 */
async function openTransfer(store, url, file, abort, brokeOff) {
    let response;
    try {
        response = await store.get(url, { signal: abort });
    }
    catch (error) {
        // A link to a forbidden address, or a proxy that cannot be used, is final: no
        // connection was made, and a fresh link from the same server would meet the same.
        const refused = (0,_object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .storeRefusal */ .s6)(error);
        if (refused)
            throw new Error(`${refused.message}; nothing was fetched`, { cause: error });
        const why = brokeOff(error);
        throw why instanceof _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .TransientDownloadError */ .XL
            ? new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .TransientDownloadError */ .XL(`could not fetch it: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_6__.errorMessage)(error)}`)
            : why;
    }
    if (response.status !== 200) {
        const why = `the store answered HTTP ${response.status}: ${await (0,_object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .storeError */ .gl)(response.data)}`;
        // 403 is how an object store says a signed URL expired; a fresh one may do.
        if (response.status === 403)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ExpiredLinkError */ ._W(why);
        if (response.status === 408 || response.status === 429 || response.status >= 500) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .TransientDownloadError */ .XL(why);
        }
        throw new Error(why);
    }
    const declared = (0,_object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .declaredLength */ .Rj)(response.headers);
    if (!file.sizeUnknown && declared !== undefined && declared > file.size) {
        response.data.destroy();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .OversizeError */ .Ou(`the store announced ${declared} bytes where Code Ocean listed ${file.size}; nothing was kept`);
    }
    return { body: response.data, declared };
}
/**
 * Each chunk of a transfer is a buffer of its own, outside V8's heap, and becomes
 * garbage once written; V8 frees it when it next collects its young generation. But
 * V8 starts that collection by what JavaScript allocates, not by the buffers' bytes, and
 * a transfer allocates almost nothing else: tens of MiB of spent buffers would pile up
 * between collections. So each chunk allocates a throwaway array of a sixteenth of its
 * length in slots (half its bytes, at 8 bytes a slot): with the download worker's 1 MiB
 * young generation (transfer-worker.ts), a collection then comes about every MiB of
 * bytes, and each is cheap (almost nothing in it lives). Measured with `npm run bench
 * -- downloads`: the action downloading a 1 GiB file peaked at 147–154 MiB without it,
 * 111 MiB with it, and took less CPU (frequent small collections cost less than a few
 * large ones).
 */
const pacing = {};
function paceCollector(bytes) {
    // In the main thread (a small download, see transfer-worker.ts) it would only add garbage.
    if (node_worker_threads__WEBPACK_IMPORTED_MODULE_3__.isMainThread)
        return;
    // Kept (until the next chunk), so the compiler cannot leave the allocation out.
    pacing.last = new Array(bytes >>> 4);
}
/**
 * Writes `body` to the open file `fd` as it comes, each chunk at once and in full
 * (a synchronous write to the page cache, as curl does): no chunk waits in a queue,
 * none is held for a turn of the thread pool, and a chunk is garbage as soon as it is
 * on disk. Stops one chunk past `limit` bytes (failing with `tooBig`), or when `abort`
 * fires. Returns the bytes written.
 */
async function writeOut(body, fd, limit, tooBig, abort) {
    let bytes = 0;
    (0,node_stream__WEBPACK_IMPORTED_MODULE_4__.addAbortSignal)(abort, body);
    body.on('data', (chunk) => {
        bytes += chunk.length;
        if (bytes > limit) {
            body.destroy(new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .OversizeError */ .Ou(tooBig()));
            return;
        }
        paceCollector(chunk.length);
        try {
            for (let at = 0; at < chunk.length;)
                at += (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, chunk, at);
        }
        catch (error) {
            body.destroy(error instanceof Error ? error : new Error(String(error)));
        }
    });
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.finished)(body);
    return bytes;
}
const openFile = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_1__.open);
/**
 * One controller for a transfer's cancel and deadline: a timer and a listener, where
 * AbortSignal.timeout and AbortSignal.any made three signals a transfer, each followed
 * by the others (with 400 files, about 2% of the download worker's busy time in a CPU
 * profile).
 */
function transferDeadline(ms, cancel) {
    const controller = new AbortController();
    let passed = false;
    const onCancel = () => controller.abort(cancel?.reason);
    const timer = setTimeout(() => {
        passed = true;
        controller.abort(new Error(`the transfer's deadline of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_9__/* .formatDuration */ .a3)(ms)} passed`));
    }, ms);
    if (cancel?.aborted)
        onCancel();
    else
        cancel?.addEventListener('abort', onCancel, { once: true });
    return {
        signal: controller.signal,
        get passed() {
            return passed;
        },
        ms,
        end: () => {
            clearTimeout(timer);
            cancel?.removeEventListener('abort', onCancel);
        }
    };
}
/** A fresh name beside `target` for a try's bytes, renamed to `target` once complete. */
function partialName(target) {
    // randomUUID draws from a cached pool of random bytes: cheaper per file than randomBytes.
    return `${target}.part-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().slice(0, 8)}`;
}
/**
 * One try at one file: streamed to disk under a temporary name, held to its listed
 * size (or, listed without one, to what the store announces) and its deadline, and
 * renamed into place once complete. Returns the bytes written. `signal` is a cancel.
 */
async function transferFile(store, job, signal) {
    const { url, file, target, partial } = job;
    const deadline = transferDeadline(job.deadlineMs, signal);
    const abort = deadline.signal;
    const brokeOff = (error) => brokenOff(error, signal, deadline);
    // The partial file is created while the request is on its way, by the thread pool:
    // creating a file takes the disk a while, which would otherwise hold up this thread
    // once the first bytes are there. 'wx': a fresh name (partialName) that exists already
    // is not ours to write through.
    const opening = openFile(partial, 'wx');
    // Seen in the finally below, whatever comes first; this only keeps it from counting as unhandled meanwhile.
    opening.catch(() => { });
    let closed = false;
    let renamed = false;
    try {
        const { body, declared } = await openTransfer(store, url, file, abort, brokeOff);
        // A file listed without a size is held to what the store announces, or, when it
        // announces nothing, only to the transfer's deadline.
        const limit = file.sizeUnknown ? (declared ?? Number.POSITIVE_INFINITY) : file.size;
        const tooBig = () => `the store sent more than the ${limit} bytes ${file.sizeUnknown ? 'it announced' : 'Code Ocean listed'}; the transfer was stopped`;
        let size;
        let fd;
        try {
            fd = await opening;
            size = await writeOut(body, fd, limit, tooBig, abort);
        }
        catch (error) {
            body.destroy();
            throw brokeOff(error);
        }
        // Marked first: a close that fails has released the descriptor all the same, and it must not be closed twice.
        closed = true;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        // --- Listed without a size: checked against Content-Length, or accepted when neither is known.
        const expected = file.sizeUnknown ? declared : file.size;
        if (expected !== undefined && size !== expected) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .TransientDownloadError */ .XL(`got ${size} bytes where ${file.sizeUnknown ? 'the store announced' : 'Code Ocean listed'} ${expected}`);
        }
        // --- end of the check for files listed without a size.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(partial, target);
        renamed = true;
        return size;
    }
    finally {
        deadline.end();
        const fd = await opening.catch(() => undefined);
        if (fd !== undefined && !closed) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
            }
            catch {
                // Released all the same; the error the transfer failed with is the one to tell.
            }
        }
        // Only a file this try created is removed ('wx' refused any other).
        if (fd !== undefined && !renamed)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(partial, { force: true });
    }
}


/***/ }),

/***/ 3663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   transferWorkerEntry: () => (/* binding */ transferWorkerEntry),
/* harmony export */   useTransferWorker: () => (/* binding */ useTransferWorker)
/* harmony export */ });
/**
 * Where the download worker's code is: the action's bundle, as its entry (src/index.ts)
 * says at start-up. A module of its own, importing nothing, so that saying it loads none
 * of the download code (the store client, the transfers): a step with a bad input, or a settle
 * step, never needs them.
 */
let entry;
/** Has transfers run in workers running `bundle`, which serves them (src/index.ts). */
function useTransferWorker(bundle) {
    entry = bundle;
}
/** The bundle a worker runs, or undefined: transfers then run in the calling thread (tests, scripts). */
function transferWorkerEntry() {
    return entry;
}


/***/ })

};

//# sourceMappingURL=173.index.js.map