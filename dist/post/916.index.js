export const id = 916;
export const ids = [916];
export const modules = {

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   InputError: () => (/* binding */ InputError),
/* harmony export */   RequestAbortedError: () => (/* binding */ RequestAbortedError),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage)
/* harmony export */ });
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