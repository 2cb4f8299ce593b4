export const id = 670;
export const ids = [670];
export const modules = {

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   basicAuthValue: () => (/* binding */ basicAuthValue),
/* harmony export */   redactRegistered: () => (/* binding */ redactRegistered),
/* harmony export */   redactor: () => (/* binding */ redactor),
/* harmony export */   registerSecret: () => (/* binding */ registerSecret)
/* harmony export */ });
/**
 * Removes secrets from text we did not write ourselves (server messages can echo
 * what they were sent). The runner masks registered secrets in the log, but not in
 * outputs or the job summary, so the action scrubs them itself too.
 */
function redactor(secrets) {
    const values = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
    return (text) => values.reduce((out, secret) => out.split(secret).join('***'), text);
}
/** The value of the Authorization header for a token: also a secret. */
function basicAuthValue(token) {
    return Buffer.from(`${token}:`).toString('base64');
}
const registered = [];
/** Remembers a secret for `redactRegistered`, the last line of defence. */
function registerSecret(secret) {
    if (secret)
        registered.push(secret, basicAuthValue(secret));
}
/** Scrubs every registered secret: for messages from errors nobody anticipated. */
function redactRegistered(text) {
    return redactor(registered)(text);
}


/***/ })

};

//# sourceMappingURL=670.index.js.map