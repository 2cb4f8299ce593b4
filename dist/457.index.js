export const id = 457;
export const ids = [457];
export const modules = {

/***/ 1457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  estimateFromEarlierRuns: () => (/* binding */ estimateFromEarlierRuns)
});

// UNUSED EXPORTS: HISTORY_TIMEOUT_MS, earlierRuns, whyNoEstimate

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
;// CONCATENATED MODULE: ./src/lifecycle/run-length.ts
/**
 * The likely window of the end is the middle of the earlier lengths, from this
 * percentile to its mirror (35th to 65th): where about a third of the ends fall, and
 * where checking every 5 s costs least for the ends it catches (`npm run bench`).
 */
const LIKELY_FROM = 0.35;
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
 * The estimate, or undefined when the history is of no use (too few successful runs,
 * or lengths all over the place). Prefers runs of the same release `version` when there
 * are enough of them; takes the most recent ones.
 */
function estimateRunLength(history, version) {
    const usable = usableRuns(history);
    const sameVersion = version === undefined ? [] : usable.filter((c) => versionOf(c) === version);
    const chosen = (sameVersion.length >= MIN_HISTORY ? sameVersion : usable).slice(0, MAX_HISTORY);
    if (chosen.length < MIN_HISTORY)
        return undefined;
    const lengths = chosen.map((c) => (c.run_time ?? 0) * 1000).sort((a, b) => a - b);
    const typicalMs = percentile(lengths, 0.5);
    const p10 = percentile(lengths, 0.1);
    const p90 = percentile(lengths, 0.9);
    if ((p90 - p10) / typicalMs > MAX_RELATIVE_SPREAD)
        return undefined;
    return {
        typicalMs,
        earliestMs: percentile(lengths, LIKELY_FROM),
        latestMs: percentile(lengths, 1 - LIKELY_FROM),
        shortestMs: lengths[0],
        longestMs: lengths[lengths.length - 1],
        runs: chosen.length
    };
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
/**
 * The one log line that says what the estimate is and what the wait will do with it,
 * e.g. "Earlier runs took 57–63 min (typically 60 min, from 8 runs); checking every 5 s
 * from 59 to 61 min".
 */
function describeEstimate(estimate, window) {
    const took = range(estimate.shortestMs, estimate.longestMs, '–');
    const checks = range(window.fromMs, window.untilMs, ' to ');
    return (`Earlier runs took ${took === undefined ? `about ${say(estimate.typicalMs)}` : took} ` +
        `(typically ${say(estimate.typicalMs)}, from ${estimate.runs} runs); ` +
        `checking every 5 s ${checks === undefined ? `around ${say(window.fromMs)}` : `from ${checks}`}`);
}

// EXTERNAL MODULE: ./src/lifecycle/wait.ts
var wait = __webpack_require__(955);
;// CONCATENATED MODULE: ./src/lifecycle/run-history.ts





/**
 * The listing of earlier runs gets one try of at most this long. It only sharpens
 * `auto`: a slow or failed one means plain `auto`, never a longer or failed step.
 */
const HISTORY_TIMEOUT_MS = 10_000;
/** The target's runs that came before this one: the listing, less the run just started. */
function earlierRuns(listed, startedId) {
    return listed.filter((run) => run.id !== startedId);
}
/** Why earlier runs give no estimate, for the debug log (see estimateRunLength). */
function whyNoEstimate(history) {
    if (history.length === 0)
        return 'there are no earlier runs';
    const usable = usableRuns(history).length;
    if (usable < MIN_HISTORY) {
        return `too few earlier runs succeeded (${usable} of ${history.length}; at least ${MIN_HISTORY} needed)`;
    }
    return `the lengths of the ${usable} earlier successful runs are too spread out`;
}
async function listEarlierRuns(targets, request, signal) {
    if (request.listed !== undefined)
        return earlierRuns(request.listed, request.started.id);
    try {
        const listed = await targets.runs(request.target, { signal, timeoutMs: HISTORY_TIMEOUT_MS, retries: 0 });
        return earlierRuns(listed, request.started.id);
    }
    catch (error) {
        // A cancel, or a wait already over, ends it quietly; anything else is only worth a debug line.
        if (!signal.aborted) {
            const reason = (0,untrusted/* inline */.mG)(request.redact((0,errors/* errorMessage */.gJ)(error)));
            core/* debug */.Yz(`Could not list the earlier runs to estimate this run's length (${reason}); polling as plain auto.`);
        }
        return undefined;
    }
}
/**
 * For `poll-interval: auto`: how long the run will likely take, from the target's
 * earlier runs (one listing, or the one this step made already). Says so in the log
 * once; without a usable history it says why in the debug log, and the wait stays
 * plain `auto`. Never throws.
 */
async function estimateFromEarlierRuns(targets, request, signal) {
    const history = await listEarlierRuns(targets, request, signal);
    if (history === undefined || signal.aborted)
        return undefined;
    const estimate = estimateRunLength(history, request.version);
    if (estimate === undefined) {
        core/* debug */.Yz(`No estimate of the run's length: ${whyNoEstimate(history)}; polling as plain auto.`);
        return undefined;
    }
    core/* debug */.Yz(`Run length estimate from earlier runs (ms): ${JSON.stringify(estimate)}`);
    core/* info */.pq((0,untrusted/* inline */.mG)(describeEstimate(estimate, (0,wait/* likelyEndWindow */.wA)(estimate))));
    return estimate;
}


/***/ })

};

//# sourceMappingURL=457.index.js.map