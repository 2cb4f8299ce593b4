export const id = 914;
export const ids = [914];
export const modules = {

/***/ 1914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentOnPullRequest: () => (/* binding */ commentOnPullRequest)
/* harmony export */ });
/* unused harmony exports requestKey, commentMarker, pullRequestNumber, tokenLogin, findOwnComment, upsertComment */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8179);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6670);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(873);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(311);







/** Events whose payload names a pull request the action can comment on. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/**
 * What tells the legs of a matrix apart: they run one job with different requests
 * (parameters, data assets, versions). A short digest of the request body is the same
 * for every run of one leg, re-runs included, and differs between legs. A re-run that
 * resumes the earlier attempt's run (resume-on-rerun) adds `resume_run_id`; it is the
 * same leg, so that field is left out.
 */
function requestKey(request) {
    const { resume_run_id: _resumed, ...leg } = request;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(leg)).digest('hex').slice(0, 12);
}
/**
 * The hidden line that identifies this step's comment, so later runs update it
 * instead of adding another: one comment per workflow, job, capsule or pipeline, and
 * request (so each matrix leg keeps its own).
 */
function commentMarker(workflow, job, target, request) {
    const key = [workflow, job, target, request].map((part) => part.replace(/--+|>/g, '-')).join(' / ');
    return `<!-- codeocean-run-action: ${key} -->`;
}
/** The pull request number of the current event, or undefined when it is not about one. */
function pullRequestNumber(env) {
    if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        const payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const number = Number(payload.pull_request?.number ?? payload.number);
        return Number.isInteger(number) && number > 0 ? number : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The login of the account the token acts as, or undefined when GitHub does not say.
 * GraphQL's `viewer` answers for every kind of token: a personal token gives the
 * user's login, an installation token (the workflow's GITHUB_TOKEN, or one made for
 * another GitHub App) the app's bot, for example `github-actions[bot]`. REST
 * `GET /user` would not do: GitHub refuses it for installation tokens (403 "Resource
 * not accessible by integration"), and guessing `github-actions[bot]` instead would be
 * wrong for other apps' tokens.
 */
async function tokenLogin(octokit, signal) {
    try {
        const answer = await octokit.graphql('query { viewer { login } }', {
            request: { signal }
        });
        const login = answer.viewer?.login;
        return typeof login === 'string' && login !== '' ? login : undefined;
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error).split('\n')[0];
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq((0,_untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .inline */ .mG)((0,_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactRegistered */ .uM)(`Could not tell which account the token acts as (${reason}); adding a new comment.`)));
        return undefined;
    }
}
/**
 * Our earlier comment: it carries the marker and was written by the token's own
 * account. Anyone can copy the marker into a comment of theirs; such a comment is
 * never edited. Without a known login, no comment counts as ours.
 */
function findOwnComment(comments, marker, login) {
    if (login === undefined)
        return undefined;
    return comments.find((c) => c.user?.login === login && c.body?.includes(marker));
}
/**
 * Creates the step's comment on the pull request, or updates the one an earlier run
 * of this step left (found by its marker and its author). The GitHub client is loaded
 * here, on first use, so runs that do not comment never pay for loading it.
 */
async function upsertComment(target, markdown) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    // The signal goes with each call, not into the client's options: those would replace
    // the client's own `request` defaults, which carry the runner's proxy settings.
    const octokit = getOctokit(target.token, { userAgent: _version_js__WEBPACK_IMPORTED_MODULE_6__/* .USER_AGENT */ ._ });
    const request = { signal: target.signal };
    const [owner, repo] = target.repository.split('/');
    const body = `${target.marker}\n${markdown}`;
    const login = await tokenLogin(octokit, target.signal);
    const comments = login === undefined
        ? []
        : await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: target.issue,
            per_page: 100,
            request
        });
    const existing = findOwnComment(comments, target.marker, login);
    if (existing) {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body, request });
        return { id: existing.id, created: false };
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: target.issue, body, request });
    return { id: created.data.id, created: true };
}
/**
 * Posts the summary on the pull request, or updates the comment an earlier run left.
 * Only on pull request events; a failure is a warning, since the run's outcome stands.
 */
async function commentOnPullRequest(markdown, token, target, redact, env = process.env, signal) {
    const issue = pullRequestNumber(env);
    if (issue === undefined) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz('Not a pull request event: no comment.');
        return;
    }
    const marker = commentMarker(env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', target.id, requestKey(target.request));
    try {
        const result = await upsertComment({ token, repository: env.GITHUB_REPOSITORY ?? '', issue, marker, signal }, markdown);
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`${result.created ? 'Commented' : 'Updated the comment'} on pull request #${issue}`);
    }
    catch (error) {
        if (signal?.aborted) {
            _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`The comment on pull request #${issue} was cut short: the workflow was cancelled.`);
            return;
        }
        // GitHub's answer is outside text: one line, never a workflow command.
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e((0,_untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .inline */ .mG)(redact(`Could not comment on pull request #${issue}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}. The token in github-token needs ` +
            '`pull-requests: write` (in the workflow: `permissions: pull-requests: write`).')));
    }
}


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ printUntrusted),
/* harmony export */   mG: () => (/* binding */ inline)
/* harmony export */ });
/* unused harmony export freshStopToken */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Text from outside (Code Ocean's answers, the run's console log, event text in a
 * `run-name`) reaches the log as data, never as a workflow command. The runner reads
 * every stdout line that starts with `::` as a command, and every line holding the
 * legacy `##[name]` form anywhere. @actions/core escapes `%`, `\r` and `\n` in the
 * messages of its own commands (`core.error`, `core.setFailed`, `core.warning`), which
 * keeps each one command; it leaves other control characters, the Unicode line
 * separators and `##[` as they are, and `core.info` writes its text with no escaping
 * at all. So every value from outside goes through `inline`, wherever it is printed.
 */
/** Line breaks: what ends a line for the runner (`\r`, `\n`) or for a reader (NEL, LS, PS). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Control characters other than tab (C0, DEL, C1), which can hide or redraw text in the log. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** A zero-width space: splits a sequence the runner would act on, without changing what people read. */
const ZWSP = '\u200b';
/** Defuses the legacy command form `##[`, which the runner looks for anywhere in a line. */
function defuseLegacy(text) {
    return text.replaceAll('##[', `#${ZWSP}#[`);
}
/**
 * One value from outside, fit to stand inside a log line or an annotation: line
 * breaks become `⏎`, other control characters `�`, legacy `##[` is split, and a
 * leading `::` too, so the value can neither start a line of its own nor be one.
 */
function inline(text) {
    const flat = defuseLegacy(text.replace(LINE_BREAKS, '⏎').replace(CONTROLS, '\uFFFD'));
    return flat.replace(/^(\s*)::/, `$1:${ZWSP}:`);
}
/** A token nobody can guess or have printed before: ends a `::stop-commands::` block. */
function freshStopToken() {
    return `codeocean-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')}`;
}
/**
 * Prints lines from outside as GitHub documents for untrusted output: between
 * `::stop-commands::<token>` and `::<token>::`, with a fresh random token, so the
 * runner acts on no command inside. The block is closed however printing ends.
 */
function printUntrusted(lines, write) {
    const token = freshStopToken();
    write(`::stop-commands::${token}`);
    try {
        // Legacy `##[` would still style a line in the log viewer: defused here too.
        for (const line of lines)
            write(defuseLegacy(line));
    }
    finally {
        write(`::${token}::`);
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export ACTION_VERSION */
/** Sent in the User-Agent header; kept equal to package.json's version by a test. */
const ACTION_VERSION = '0.1.0';
const USER_AGENT = `codeocean-run-action/${ACTION_VERSION}`;


/***/ })

};

//# sourceMappingURL=914.index.js.map