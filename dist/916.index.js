export const id = 916;
export const ids = [916];
export const modules = {

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


/***/ })

};

//# sourceMappingURL=916.index.js.map