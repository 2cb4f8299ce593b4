export const id = 504;
export const ids = [504,916];
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


/***/ })

};

//# sourceMappingURL=504.index.js.map