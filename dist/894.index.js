export const id = 894;
export const ids = [894];
export const modules = {

/***/ 4894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PatternChecker: () => (/* binding */ PatternChecker)
/* harmony export */ });
/* unused harmony exports MAX_PATTERN_CHARS, MAX_CHECK_WORK */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);

/**
 * Checks values against the patterns an app panel declares, in bounded time. Anyone who
 * can edit the capsule sets those patterns, and JavaScript's own engine backtracks: a
 * common validation pattern like `(\w+\s?)*` against a 44-character value keeps it busy
 * for hours, on the main thread, where no cancel signal is handled. So patterns run on
 * RE2 (re2js, a pure-JavaScript port), whose time grows linearly with the value; RE2
 * refuses what cannot be matched in linear time (backreferences, lookaround), and such a
 * pattern is reported as not checked, never handed to the backtracking engine. The
 * bounds below (the pattern's length, each check's work, the time of all checks) keep
 * one request's checks well under a second, however many values and patterns there are,
 * so the step still answers a cancel at once.
 */
/** A pattern longer than this is not checked: validation patterns are short, and RE2's cost grows with the pattern too. */
const MAX_PATTERN_CHARS = 1_000;
/**
 * The most work one check may take: the pattern's program size (RE2's measure of its
 * cost) times the value's length. RE2's slowest path takes about that many steps, some
 * 0.1 µs each, so one check stays near 0.1 s; a validation pattern (a program of tens
 * of instructions) is still checked against values of tens of thousands of characters.
 */
const MAX_CHECK_WORK = 1_000_000;
/** Once the checks of one request have taken this long, the remaining patterns are not checked. */
const PATTERN_BUDGET_MS = 250;
class PatternChecker {
    budgetMs;
    now;
    /** Compiled patterns, or why one cannot be. */
    compiled = new Map();
    spentMs = 0;
    constructor(budgetMs = PATTERN_BUDGET_MS, now = () => performance.now()) {
        this.budgetMs = budgetMs;
        this.now = now;
    }
    /** Whether all of `value` matches `pattern`, as the panel's `^(?:pattern)$`. */
    check(pattern, value) {
        if (pattern.length > MAX_PATTERN_CHARS) {
            return { unchecked: `it is longer than ${MAX_PATTERN_CHARS.toLocaleString('en-US')} characters` };
        }
        if (this.spentMs >= this.budgetMs) {
            return { unchecked: `the pattern checks already took ${this.budgetMs} ms, their time limit` };
        }
        const start = this.now();
        try {
            const engine = this.compile(pattern);
            if (typeof engine === 'string')
                return { unchecked: engine };
            if (engine.programSize() * value.length > MAX_CHECK_WORK) {
                return {
                    unchecked: `the pattern is too complex to check against a value of ${value.length.toLocaleString('en-US')} characters in time`
                };
            }
            return engine.testExact(value) ? 'fits' : 'differs';
        }
        finally {
            this.spentMs += this.now() - start;
        }
    }
    compile(pattern) {
        let engine = this.compiled.get(pattern);
        if (engine === undefined) {
            try {
                // translateRegExp turns JavaScript's spellings (`(?<name>`, `\u{…}`) into RE2's.
                engine = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.translateRegExp(pattern));
            }
            catch (error) {
                const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
                engine = `a linear-time engine cannot read it: ${reason}`;
            }
            this.compiled.set(pattern, engine);
        }
        return engine;
    }
}


/***/ })

};

//# sourceMappingURL=894.index.js.map