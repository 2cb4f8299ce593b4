export const id = 663;
export const ids = [663];
export const modules = {

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

//# sourceMappingURL=663.index.js.map