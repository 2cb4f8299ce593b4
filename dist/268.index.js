export const id = 268;
export const ids = [268];
export const modules = {

/***/ 5268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   estimateFromEarlierRuns: () => (/* binding */ estimateFromEarlierRuns)
/* harmony export */ });
/* unused harmony exports HISTORY_TIMEOUT_MS, earlierRuns */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(873);
/* harmony import */ var _run_length_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(386);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(955);





/**
 * The listing of earlier runs gets one try of at most this long. It only sharpens
 * `auto`: a slow or failed one means plain `auto`, never a longer or failed step.
 */
const HISTORY_TIMEOUT_MS = 10_000;
/** The target's runs that came before this one: the listing, less the run just started. */
function earlierRuns(listed, startedId) {
    return listed.filter((run) => run.id !== startedId);
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
            const reason = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .inline */ .mG)(request.redact((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)));
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Could not list the earlier runs to estimate this run's length (${reason}); polling as plain auto.`);
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
    const assessment = (0,_run_length_js__WEBPACK_IMPORTED_MODULE_4__/* .assessRunLength */ ._Q)(history, request.version);
    if ('why' in assessment) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`No estimate of the run's length: ${assessment.why}; polling as plain auto.`);
        return undefined;
    }
    const { estimate } = assessment;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Run length estimate from earlier runs (ms): ${JSON.stringify(estimate)}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .inline */ .mG)((0,_run_length_js__WEBPACK_IMPORTED_MODULE_4__/* .describeEstimate */ .SD)(estimate, (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .likelyEndWindow */ .wA)(estimate))));
    return estimate;
}


/***/ })

};

//# sourceMappingURL=268.index.js.map