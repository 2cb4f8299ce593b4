export const id = 993;
export const ids = [993,916];
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

/***/ 8182:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ getProxyForUrl)
/* harmony export */ });


var DEFAULT_PORTS = {
  ftp: 21,
  gopher: 70,
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
};

function parseUrl(urlString) {
  try {
    return new URL(urlString);
  } catch {
    return null;
  }
}

/**
 * @param {string|object|URL} url - The URL as a string or URL instance, or a
 *   compatible object (such as the result from legacy url.parse).
 * @return {string} The URL of the proxy that should handle the request to the
 *  given URL. If no proxy is set, this will be an empty string.
 */
function getProxyForUrl(url) {
  var parsedUrl = (typeof url === 'string' ? parseUrl(url) : url) || {};
  var proto = parsedUrl.protocol;
  var hostname = parsedUrl.host;
  var port = parsedUrl.port;
  if (typeof hostname !== 'string' || !hostname || typeof proto !== 'string') {
    return '';  // Don't proxy URLs without a valid scheme or host.
  }

  proto = proto.split(':', 1)[0];
  // Stripping ports in this way instead of using parsedUrl.hostname to make
  // sure that the brackets around IPv6 addresses are kept.
  hostname = hostname.replace(/:\d*$/, '');
  port = parseInt(port) || DEFAULT_PORTS[proto] || 0;
  if (!shouldProxy(hostname, port)) {
    return '';  // Don't proxy URLs that match NO_PROXY.
  }

  var proxy = getEnv(proto + '_proxy') || getEnv('all_proxy');
  if (proxy && proxy.indexOf('://') === -1) {
    // Missing scheme in proxy, default to the requested URL's scheme.
    proxy = proto + '://' + proxy;
  }
  return proxy;
}

/**
 * Determines whether a given URL should be proxied.
 *
 * @param {string} hostname - The host name of the URL.
 * @param {number} port - The effective port of the URL.
 * @returns {boolean} Whether the given URL should be proxied.
 * @private
 */
function shouldProxy(hostname, port) {
  var NO_PROXY = getEnv('no_proxy').toLowerCase();
  if (!NO_PROXY) {
    return true;  // Always proxy if NO_PROXY is not set.
  }
  if (NO_PROXY === '*') {
    return false;  // Never proxy if wildcard is set.
  }

  return NO_PROXY.split(/[,\s]/).every(function(proxy) {
    if (!proxy) {
      return true;  // Skip zero-length hosts.
    }
    var parsedProxy = proxy.match(/^(.+):(\d+)$/);
    var parsedProxyHostname = parsedProxy ? parsedProxy[1] : proxy;
    var parsedProxyPort = parsedProxy ? parseInt(parsedProxy[2]) : 0;
    if (parsedProxyPort && parsedProxyPort !== port) {
      return true;  // Skip if ports don't match.
    }

    if (!/^[.*]/.test(parsedProxyHostname)) {
      // No wildcards, so stop proxying if there is an exact match.
      return hostname !== parsedProxyHostname;
    }

    if (parsedProxyHostname.charAt(0) === '*') {
      // Remove leading wildcard.
      parsedProxyHostname = parsedProxyHostname.slice(1);
    }
    // Stop proxying if the hostname ends with the no_proxy host.
    return !hostname.endsWith(parsedProxyHostname);
  });
}

/**
 * Get the value for an environment variable.
 *
 * @param {string} key - The name of the environment variable.
 * @return {string} The value of the environment variable.
 * @private
 */
function getEnv(key) {
  return process.env[key.toLowerCase()] || process.env[key.toUpperCase()] || '';
}


/***/ })

};

//# sourceMappingURL=993.index.js.map