export const id = 664;
export const ids = [664];
export const modules = {

/***/ 1664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  settle: () => (/* binding */ settle_settle)
});

// UNUSED EXPORTS: discover, renderSettleSummary, settleEach

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/caps.ts
var caps = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/codeocean/client.ts + 9 modules
var codeocean_client = __webpack_require__(1579);
// EXTERNAL MODULE: ./src/codeocean/errors.ts
var errors = __webpack_require__(3242);
// EXTERNAL MODULE: ./src/codeocean/models/computation.ts
var computation = __webpack_require__(6635);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/inputs/settle.ts
var settle = __webpack_require__(7878);
// EXTERNAL MODULE: ./src/inputs/token.ts
var inputs_token = __webpack_require__(7900);
// EXTERNAL MODULE: ./src/inputs/unexpected-inputs.ts
var unexpected_inputs = __webpack_require__(6262);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
;// CONCATENATED MODULE: ./src/report/checks/discovery-query.ts
// The one GraphQL query a settle step sends to find the check runs it may complete
// (docs/github-checks.md). It lives here, in one place, because two parties must agree on
// its text: the action sends it, and the GitHub stand-in (sim/github/) answers only this
// exact text, so a change to the query that the stand-in does not model fails the tests.
/** How many open pull requests (most recently updated first) and default-branch commits the query reads. */
const DISCOVERY_LIMITS = { pullRequests: 50, commits: 50 };
/** The operation name GitHub logs, and the stand-in matches on besides the text. */
const DISCOVERY_OPERATION = 'CodeOceanPendingCheckRuns';
/**
 * Check suites read per commit, and pending check runs per suite (GraphQL requires `first`
 * on every connection). GitHub Actions makes a suite per workflow run, so a busy commit
 * can have more: each of these connections asks `pageInfo { hasNextPage }`, and the settle
 * step warns, naming the commit, when GitHub had more than it read (pendingChecks). It does
 * not page further: every further page is one more call for one commit, and the one query
 * is what keeps a settle within its minute and GITHUB_TOKEN's 1,000 points an hour
 * (docs/github-checks.md); raising these raises the cost of every settle for a rare commit.
 */
const DISCOVERY_PAGE = { suites: 20, runs: 20 };
// Node count at the limits: 2 × (50 + 50 × 20 + 50 × 20 × 20) + 50 = 42,150, far under
// GitHub's 500,000. Only check runs IN_PROGRESS are asked for: the action makes its checks
// in progress and never sets one back to queued, and queued runs of others would only take
// places among the first 20.
const DISCOVERY_QUERY = `query ${DISCOVERY_OPERATION}($owner: String!, $name: String!, $pullRequests: Int!, $commits: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [OPEN], first: $pullRequests, orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo {
        hasNextPage
      }
      nodes {
        commits(last: 1) {
          nodes {
            commit {
              ...PendingChecks
            }
          }
        }
      }
    }
    defaultBranchRef {
      target {
        ... on Commit {
          history(first: $commits) {
            nodes {
              ...PendingChecks
            }
          }
        }
      }
    }
  }
}

fragment PendingChecks on Commit {
  oid
  committedDate
  checkSuites(first: ${DISCOVERY_PAGE.suites}) {
    pageInfo {
      hasNextPage
    }
    nodes {
      app {
        slug
      }
      checkRuns(first: ${DISCOVERY_PAGE.runs}, filterBy: {statuses: [IN_PROGRESS]}) {
        pageInfo {
          hasNextPage
        }
        nodes {
          databaseId
          name
          status
          externalId
          startedAt
        }
      }
    }
  }
}`;

// EXTERNAL MODULE: ./src/report/checks/check-run.ts
var check_run = __webpack_require__(8442);
// EXTERNAL MODULE: ./src/report/event.ts
var report_event = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/report/checks/check-identity.ts
var check_identity = __webpack_require__(3033);
;// CONCATENATED MODULE: ./src/report/checks/pending-checks.ts
/**
 * Which of the discovery query's pending check runs a settle step may complete: pure, from
 * the query's answer (discovery-query.ts) alone.
 */




/**
 * The app whose checks are ours: GITHUB_TOKEN's. Only the app that created a check run
 * may update it (docs/github-checks.md), and the check-run step creates them with that token.
 */
const OUR_APP_SLUG = 'github-actions';
/**
 * At most this many checks are settled in one step. Each costs a Code Ocean read and a
 * GitHub update, and a settle job on a schedule should stay within its minute; the rest
 * are left in progress for the next tick, which finds them again.
 */
const MAX_SETTLED_PER_STEP = 20;
/**
 * The query's variables: the newest default-branch commits, however old. A check is as
 * new as the step that made it, not as its commit (a scheduled or manual run on a quiet
 * branch puts a new check on an old commit), so no commit date may leave one out; a
 * check's own age (startedAt) is what times it out.
 */
function discoveryVariables(repository) {
    const { owner, repo } = (0,report_event/* ownerAndRepo */.H)(repository);
    return {
        owner,
        name: repo,
        pullRequests: DISCOVERY_LIMITS.pullRequests,
        commits: DISCOVERY_LIMITS.commits
    };
}
/** Every commit the answer holds: the open pull requests' heads and the default branch's history. */
function commitsOf(data) {
    const repository = data.repository;
    if (!repository)
        return [];
    const heads = (repository.pullRequests?.nodes ?? []).flatMap((pr) => (pr?.commits?.nodes ?? []).map((node) => node?.commit).filter((c) => Boolean(c)));
    const history = repository.defaultBranchRef?.target?.history?.nodes ?? [];
    return [...heads, ...history.filter((c) => Boolean(c))];
}
/** GitHub's times as given, or undefined for none: the first that reads as a time. */
function firstTime(...times) {
    return times.find((time) => typeof time === 'string' && Number.isFinite(Date.parse(time)));
}
/** A check's start for ordering; one without a known start goes last. */
const startMs = (check) => check.startedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(check.startedAt);
/**
 * The check runs a settle step may complete: in progress (the query asks for no other
 * status; GitHub's answer is checked all the same), in a suite of OUR_APP_SLUG, with an
 * id, and an external_id that reads back as the action's. A commit can be both a pull
 * request's head and on the default branch: each check is kept once, by its id. Anything
 * else is only counted.
 */
function pendingChecks(data, cap = MAX_SETTLED_PER_STEP) {
    const found = new Map();
    const skippedIds = new Set();
    const unreadOn = new Set();
    for (const commit of commitsOf(data)) {
        const suites = commit.checkSuites;
        if (suites?.pageInfo?.hasNextPage === true ||
            suites?.nodes?.some((s) => s?.checkRuns?.pageInfo?.hasNextPage === true)) {
            unreadOn.add(String(commit.oid));
        }
        for (const suite of suites?.nodes ?? []) {
            for (const run of suite?.checkRuns?.nodes ?? []) {
                if (!run || run.status !== 'IN_PROGRESS')
                    continue;
                const identity = (0,check_identity/* readExternalId */.v)(run.externalId);
                const id = run.databaseId;
                const ours = suite.app?.slug === OUR_APP_SLUG &&
                    identity !== undefined &&
                    typeof id === 'number' &&
                    Number.isSafeInteger(id) &&
                    id > 0;
                if (!ours) {
                    skippedIds.add(id === null ? `${commit.oid}/${run.name}` : String(id));
                    continue;
                }
                if (found.has(id))
                    continue;
                found.set(id, {
                    id,
                    // Outside text: capped once here, for every log line and summary row that shows it.
                    name: (0,caps/* capText */.yA)(String(run.name)),
                    identity,
                    startedAt: firstTime(run.startedAt, commit.committedDate)
                });
            }
        }
    }
    // Oldest first: runs still going cannot keep checks whose runs ended out of the cap for ever.
    const all = [...found.values()].sort((a, b) => startMs(a) - startMs(b));
    return {
        ours: all.slice(0, cap),
        deferred: Math.max(0, all.length - cap),
        skipped: skippedIds.size,
        unreadOn: [...unreadOn],
        morePullRequests: data.repository?.pullRequests?.pageInfo?.hasNextPage === true
    };
}

// EXTERNAL MODULE: ./src/report/checks/workflow-switch.ts
var workflow_switch = __webpack_require__(7706);
// EXTERNAL MODULE: ./src/report/github-client.ts
var github_client = __webpack_require__(6223);
// EXTERNAL MODULE: ./src/report/links.ts
var links = __webpack_require__(3303);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/outputs.ts
var report_outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: ./src/lifecycle/verdict.ts
var lifecycle_verdict = __webpack_require__(9325);
;// CONCATENATED MODULE: ./src/lifecycle/settle-decision.ts
/**
 * What a settle step does with one pending check of ours, from one read of its Code Ocean
 * run: pure, so every case is a unit test. The orchestration (the query, the reads, the
 * updates) is lifecycle/run/settle.ts.
 */







/** The check's summary: the job summary's rendering of the run, as a followed run's step writes it. */
function runSummary(run, status, message, redact) {
    const notes = ['Completed by a later settle step, which read the run once.'];
    // Each value is scrubbed as it is rendered; the body that sends it fits it to GitHub's limit.
    return (0,summary/* renderSummary */.Br)({ status, computation: run, message, notes }, redact);
}
/**
 * The decision for one check: an ended run completes it with the run's verdict; a run
 * still going leaves it, unless the check is older than `maxAgeDays` (then timed out); a
 * run Code Ocean no longer has completes it as cancelled; a run that could not be read
 * leaves it, with a warning.
 */
function decideSettle(check, reading, maxAgeDays, now, redact = (text) => text) {
    const runId = check.identity.run;
    if ('error' in reading) {
        return {
            action: 'leave',
            reason: 'left in progress: its run could not be read',
            warning: `Could not read Code Ocean run ${runId} for check '${check.name}'; it is left in progress for the next settle: ${reading.error}`
        };
    }
    if ('gone' in reading) {
        const message = `Code Ocean run ${runId} no longer exists (it was deleted, or stopped, which deletes a run).`;
        return {
            action: 'complete',
            conclusion: 'cancelled',
            done: 'completed as cancelled: the run no longer exists',
            output: {
                title: 'Code Ocean run no longer exists',
                summary: `## 🚫 Code Ocean run no longer exists\n\nRun ${(0,markdown/* code */.aY)(runId)}: ${message}\n`,
                text: (0,markdown/* text */.Qq)(message)
            }
        };
    }
    const { run } = reading;
    if ((0,computation/* isTerminal */.Hd)(run.state)) {
        const verdict = (0,lifecycle_verdict/* judge */.S)(run);
        const conclusion = (0,check_identity/* checkConclusion */.Gc)(verdict.status) ?? 'failure';
        const reason = verdict.succeeded ? undefined : redact(verdict.message);
        return {
            action: 'complete',
            conclusion,
            done: `completed as ${conclusion}: the run ${verdict.status === 'stopped' ? 'was stopped' : verdict.status}`,
            output: {
                title: `Code Ocean run ${verdict.status === 'stopped' ? 'was stopped' : verdict.status}`,
                // As for a followed run, the summary's line about the run gives the verdict: no message repeats it.
                summary: runSummary(run, verdict.status, undefined, redact),
                ...(reason ? { text: (0,markdown/* text */.Qq)(reason) } : {})
            }
        };
    }
    // GitHub's time is outside data: one missing, or later than now, gives no age to time out by.
    const started = check.startedAt === undefined ? Number.NaN : Date.parse(check.startedAt);
    if (!Number.isFinite(started) || started > now) {
        return {
            action: 'leave',
            reason: `left in progress: the run is still ${run.state || 'going'}, and the check's start time is unknown`,
            warning: `Check run ${check.id} has no start time in the past (${(0,caps/* capText */.yA)(String(check.startedAt))}); it is never timed out by settle-max-age.`
        };
    }
    const age = now - started;
    if (age <= maxAgeDays * format/* DAY_MS */.sO) {
        return { action: 'leave', reason: `left in progress: the run is still ${run.state || 'going'}` };
    }
    const message = `The check has been in progress for ${(0,format/* formatDuration */.a3)(age)}, longer than settle-max-age (${maxAgeDays} days), ` +
        `and Code Ocean run ${runId} is still ${run.state || 'going'}; the check is completed as timed out and the run is left as it is.`;
    return {
        action: 'complete',
        conclusion: 'timed_out',
        done: `completed as timed_out: the run is still ${run.state || 'going'} after ${maxAgeDays} days`,
        output: {
            title: `Code Ocean run still going after ${maxAgeDays} days`,
            summary: runSummary(run, 'timed-out', redact(message), redact),
            text: (0,markdown/* text */.Qq)(redact(message))
        }
    };
}

// EXTERNAL MODULE: ./src/lifecycle/run/check-run.ts
var run_check_run = __webpack_require__(1786);
;// CONCATENATED MODULE: ./src/lifecycle/run/settle-pause.ts
/**
 * Turns the workflow `file` off when `idle` (the step settled every pending check of
 * ours, and the discovery was whole); looks again and turns it back on when a check is
 * pending by then, or when the second look fails (better a tick too many than a check
 * no schedule settles).
 */
async function pauseWhenIdle(file, idle, calls) {
    if (!idle)
        return { kind: 'running' };
    try {
        await calls.switchTo('off');
    }
    catch (error) {
        return {
            kind: 'running',
            warning: `Could not turn off this settle workflow (${file}) while nothing is pending: ${calls.reason(error)}. Its schedule goes on.`
        };
    }
    let pending;
    // Set when the second look failed: then the workflow goes back on, with a warning.
    let lookFailed;
    try {
        pending = await calls.anyPending();
    }
    catch (error) {
        pending = true;
        lookFailed = `could not look again for pending check runs (${calls.reason(error)})`;
    }
    if (!pending)
        return { kind: 'paused' };
    const why = lookFailed ?? 'a check run of this action was left in progress meanwhile';
    try {
        await calls.switchTo('on');
        return { kind: 'running', warning: lookFailed && `Kept this settle workflow on: ${lookFailed}.` };
    }
    catch (error) {
        return {
            kind: 'stranded',
            failure: `Turned off this settle workflow (${file}), then ${why}, and could not turn the workflow back on ` +
                `(${calls.reason(error)}): turn it on in the repository's Actions tab, or no schedule settles that check.`
        };
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/results/download.ts + 2 modules
var download = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/results/listing.ts
var listing = __webpack_require__(1126);
// EXTERNAL MODULE: ./src/results/store-address.ts
var store_address = __webpack_require__(414);
;// CONCATENATED MODULE: ./src/lifecycle/run/settle-downloads.ts
/**
 * A settle step's downloads (`download-results` beside `settle: true`): the results of
 * each run whose check the step completed go into `<download-results>/<run id>/`, with the
 * listing, filter and download a run's own step uses, all within one `results-timeout`.
 * A download that fails is a warning: the check is completed all the same.
 */







/**
 * The downloader of a settle step, or undefined without `download-results`. The
 * results-timeout starts with the first download and bounds them all together.
 */
function settleDownloader(client, settings, log, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    const root = settings.downloadFolder;
    if (root === undefined)
        return undefined;
    const minutes = settings.resultsTimeoutMinutes;
    let deadline;
    const keep = (0,listing/* resultFilter */.Y4)(settings.resultsFilter);
    return async (run) => {
        if (run.has_results === false)
            return { kind: 'none', why: 'the run has no results' };
        // The input refuses minutes a timer cannot hold.
        if (minutes > 0)
            deadline ??= AbortSignal.timeout(minutes * 60_000);
        const ranOut = () => ({
            kind: 'failed',
            why: `the results-timeout ran out after ${(0,format/* formatDuration */.a3)(minutes * 60_000)} (results-timeout: ${minutes} min)`
        });
        if (deadline?.aborted)
            return ranOut();
        try {
            const files = await (0,listing/* listResultFiles */.F1)(client.results, run.id, { signal: deadline });
            const wanted = files.filter((file) => keep(file.path));
            if (files.length === 0)
                return { kind: 'none', why: 'the run has no results' };
            if (wanted.length === 0)
                return { kind: 'none', why: 'results-filter keeps none of its results' };
            const folder = (0,external_node_path_.join)(root, run.id);
            log(`Downloading ${wanted.length} of ${files.length} result files of run ${run.id} into ${(0,untrusted/* inline */.mG)(folder)}`);
            const report = await (0,download/* downloadResults */.X)(client.results, run.id, wanted, folder, {
                onProgress: log,
                onRetry: (line) => log((0,untrusted/* inline */.mG)(line)),
                workspace,
                storeRules: (0,store_address/* storeRulesFor */.CO)(settings.location.apiBase),
                signal: deadline
            });
            log(`Downloaded ${report.files} files (${(0,format/* formatBytes */.z3)(report.bytes)}) into ${(0,untrusted/* inline */.mG)(report.folder)}`);
            return { kind: 'downloaded', folder: report.folder, files: report.files, bytes: report.bytes };
        }
        catch (error) {
            if (deadline?.aborted)
                return ranOut();
            return { kind: 'failed', why: (0,src_errors.errorMessage)(error).split('\n')[0] };
        }
    };
}

;// CONCATENATED MODULE: ./src/lifecycle/run/settle.ts
/**
 * The settle step (`settle: true`), for a scheduled workflow: finds, with one GraphQL
 * query, the check runs this action left in progress, reads each one's Code Ocean run
 * once, and completes the checks whose runs have ended (decideSettle says how). It starts,
 * follows, stops and captures nothing; with `download-results`, it downloads the results
 * of each ended run whose check it completed (settle-downloads.ts).
 */



























/**
 * One read of the run. A 404 alone does not prove the run was deleted: a settle step
 * pointed at another deployment (a wrong `domain`) gets 404 for every run, and would
 * cancel every pending check. So the run counts as gone only when Code Ocean lists the
 * runs of its capsule or pipeline (the check's external_id names it) and it is not among
 * them; otherwise the check is left, with a warning.
 */
async function readRun(client, identity) {
    try {
        return { run: await client.computations.get(identity.run) };
    }
    catch (error) {
        if (!(error instanceof errors/* CodeOceanApiError */.ER && error.status === 404))
            return { error: (0,caps/* capText */.yA)((0,src_errors.errorMessage)(error).split('\n')[0]) };
    }
    try {
        const { runs, unreadable } = await client.targets.listRuns({ kind: identity.kind, id: identity.target });
        // An entry that could not be read may be this run: only a listing read whole proves it gone.
        if (!runs.some((run) => run.id === identity.run) && unreadable === 0)
            return { gone: true };
        if (unreadable > 0) {
            return {
                error: `Code Ocean answered 404 for run ${identity.run}, and ${unreadable} runs of its ${identity.kind} could not be read`
            };
        }
        return {
            error: `Code Ocean answered 404 for run ${identity.run}, yet lists it among the runs of ${identity.kind} ${identity.target}`
        };
    }
    catch (error) {
        return {
            error: `Code Ocean knows neither run ${identity.run} nor its ${identity.kind} ${identity.target} ` +
                `(${(0,caps/* capText */.yA)((0,src_errors.errorMessage)(error).split('\n')[0])}): is \`domain\` the deployment that ran it?`
        };
    }
}
/**
 * Each GitHub call's own time limit, so a GitHub that never answers cannot hold the job
 * until its timeout-minutes (6 hours by default). GitHub ends a request it has worked on
 * for 10 seconds ("Timeouts", docs.github.com REST and GraphQL overviews): an update gets
 * what the main step's check calls get (CHECK_CALL_MS, 10 s); the query twice that, as its
 * answer (up to 42,150 nodes) must also be sent.
 */
const GITHUB_CALL_MS = { query: 20_000, update: run_check_run/* CHECK_CALL_MS */.P3 };
/** `call`, given a signal that ends it after `ms`; a call so ended fails saying GitHub did not answer in time. */
async function withTimeout(ms, call) {
    const signal = AbortSignal.timeout(ms);
    try {
        return await call(signal);
    }
    catch (error) {
        if (signal.aborted)
            throw new GitHubSilent(ms, error);
        throw error;
    }
}
class GitHubSilent extends Error {
    constructor(ms, cause) {
        super(`GitHub gave no answer within ${ms / 1000} s`, { cause });
    }
}
/** The pending check runs of the repository, from the one query; a failure here fails the step. */
async function discover(octokit, repository, timeoutMs = GITHUB_CALL_MS.query) {
    try {
        const variables = discoveryVariables(repository);
        return await withTimeout(timeoutMs, (signal) => octokit.graphql(DISCOVERY_QUERY, { ...variables, request: { signal } }));
    }
    catch (error) {
        throw new Error(`Could not ask GitHub for the check runs in progress in ${repository}: ${(0,github_client/* gitHubReason */.Q)(error)}`, {
            cause: error
        });
    }
}
/** `settle-workflow`: turns this workflow off when nothing is left pending (settle-pause.ts). */
async function pauseIfIdle(octokit, repository, file, report, pending) {
    // A check GitHub holds beyond what the query read may be ours: then nothing proves idle.
    const mayHideOurs = (checks) => checks.deferred > 0 || checks.unreadOn.length > 0 || checks.morePullRequests;
    const idle = !report.failure && report.left.length === 0 && !mayHideOurs(pending);
    const outcome = await pauseWhenIdle(file, idle, {
        switchTo: (to) => withTimeout(GITHUB_CALL_MS.update, (signal) => (0,workflow_switch/* switchWorkflow */.W)(octokit, repository, file, to, signal)),
        anyPending: async () => {
            const again = pendingChecks(await discover(octokit, repository));
            return again.ours.length > 0 || mayHideOurs(again);
        },
        reason: (error) => {
            const hint = (0,workflow_switch/* switchRefusedHint */.g)(file, error);
            return hint === undefined ? (0,github_client/* gitHubReason */.Q)(error) : `${(0,github_client/* gitHubReason */.Q)(error)}; ${hint}`;
        }
    });
    if (outcome.kind === 'paused') {
        report.paused = file;
        core.info(`No check run of this action is left in progress: turned off this settle workflow (${file}) until a step ` +
            'leaves a check in progress again.');
    }
    else if (outcome.kind === 'stranded') {
        report.failure = outcome.failure;
    }
    else if (outcome.warning) {
        core.warning((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(outcome.warning)));
    }
}
/** The commits whose check suites or check runs GitHub had more of than the query reads, named (outside text: capped, one line). */
function unreadWarning(oids) {
    const commits = (0,caps/* joinCapped */.Ax)(oids.map((oid) => (0,untrusted/* inline */.mG)((0,caps/* capText */.yA)(oid, 64))), 5);
    return (`${oids.length === 1 ? 'Commit' : 'Commits'} ${commits} ${oids.length === 1 ? 'has' : 'have'} more check suites ` +
        `than the ${DISCOVERY_PAGE.suites} a settle reads, or more than ${DISCOVERY_PAGE.runs} check runs in progress in ` +
        'one suite: a check of this action there may not be settled this time, nor later while GitHub lists it beyond those.');
}
/** Settles each check in turn; sets the report's failure when Code Ocean, or GitHub, answered none of them. */
async function settleEach(checks, octokit, client, repository, settings, report, download, updateMs = GITHUB_CALL_MS.update) {
    const { owner, repo } = (0,report_event/* ownerAndRepo */.H)(repository);
    const log = (check, what) => core.info((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(`Check '${(0,caps/* capText */.yA)(check.name)}' (Code Ocean run ${check.identity.run}): ${what}`)));
    let unread = 0;
    let updates = 0;
    let refused = 0;
    let unanswered = 0;
    let lastRefusal = '';
    for (const check of checks) {
        const reading = await readRun(client, check.identity);
        if ('error' in reading)
            unread++;
        const decision = decideSettle(check, reading, settings.maxAgeDays, Date.now(), redact.redactRegistered);
        if (decision.action === 'leave') {
            if (decision.warning)
                core.warning((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(decision.warning)));
            report.left.push({ check, why: decision.reason });
            log(check, decision.reason);
            continue;
        }
        updates++;
        try {
            await withTimeout(updateMs, (signal) => octokit.rest.checks.update({
                owner,
                repo,
                check_run_id: check.id,
                ...(0,check_run/* completeCheckRunBody */.Lk)({ conclusion: decision.conclusion, completedAt: Date.now(), ...decision.output }),
                request: { signal }
            }));
            report.settled.push({ check, conclusion: decision.conclusion });
            log(check, decision.done);
        }
        catch (error) {
            refused++;
            if (error instanceof GitHubSilent)
                unanswered++;
            lastRefusal = (0,github_client/* gitHubReason */.Q)(error);
            core.warning((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(`Could not complete check '${(0,caps/* capText */.yA)(check.name)}' on GitHub: ${lastRefusal}; left for the next settle`)));
            report.left.push({
                check,
                why: `left in progress: GitHub ${error instanceof GitHubSilent ? 'did not answer' : 'refused'} the update`
            });
            continue;
        }
        // Only for a check completed: one GitHub refused is settled, and downloaded, next time.
        if (download && 'run' in reading && (0,computation/* isTerminal */.Hd)(reading.run.state)) {
            const outcome = await download(reading.run);
            if (outcome.kind === 'failed') {
                core.warning((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(`Could not download the results of Code Ocean run ${check.identity.run}: ${outcome.why}`)));
            }
            report.downloads.push({ check, download: outcome });
        }
    }
    // One run that could not be read is a warning; none read at all means no way to Code Ocean.
    const reads = checks.length;
    if (reads > 0 && unread === reads) {
        const which = reads === 1 ? 'the run' : `any of the ${reads} runs`;
        report.failure = `Could not read ${which} from Code Ocean; the checks are left in progress (see the warnings).`;
    }
    else if (updates > 0 && unanswered === updates) {
        // No answer says nothing of the token: GitHub, or the way to it, is down.
        report.failure = `GitHub answered no update of a check run (${lastRefusal}); the checks are left in progress for the next settle.`;
    }
    else if (updates > 0 && refused === updates) {
        report.failure =
            `GitHub refused every update of a check run (${lastRefusal}). The settle step's token must be the ` +
                'workflow token (`github-token: ${{ github.token }}`, the app that created the checks) with `permissions: checks: write` (and `contents: read`, `pull-requests: read` for the query).';
    }
}
/** Where a run's results went, in a few words: the folder relative to the workspace, or why none. */
function whereTo(download, workspace) {
    if (download.kind === 'none')
        return (0,markdown/* text */.Qq)(`not downloaded: ${download.why}`);
    if (download.kind === 'failed')
        return (0,markdown/* text */.Qq)(`download failed: ${download.why}`);
    const files = `${download.files} ${download.files === 1 ? 'file' : 'files'}, ${(0,format/* formatBytes */.z3)(download.bytes)}`;
    return `${(0,markdown/* code */.aY)((0,links/* relativeToWorkspace */.T)(download.folder, workspace))} (${files})`;
}
/** The job summary: what was settled, what was left, what was skipped, and where results went. */
function renderSettleSummary(report, workspace = process.env.GITHUB_WORKSPACE) {
    const out = [
        report.failure ? '## ❌ Could not settle the Code Ocean check runs' : '## ✅ Settled Code Ocean check runs'
    ];
    if (report.failure)
        out.push((0,markdown/* lineBlock */.Up)(report.failure));
    out.push(`Settled ${report.settled.length}, left ${report.left.length} in progress, skipped ${report.skipped} ` +
        "(in progress but not this action's: another app's, or an unknown external id)." +
        (report.deferred > 0
            ? ` ${report.deferred} more were left for the next settle (at most ${MAX_SETTLED_PER_STEP} a step).`
            : ''));
    const rows = (items) => items.map(({ check, last }) => [(0,markdown/* text */.Qq)(check.name), (0,markdown/* code */.aY)(check.identity.run), (0,markdown/* text */.Qq)(last)]);
    if (report.settled.length > 0) {
        out.push('### Settled', (0,markdown/* table */.tp)(['Check', 'Run', 'Conclusion'], rows(report.settled.map((s) => ({ check: s.check, last: s.conclusion })))));
    }
    if (report.left.length > 0) {
        out.push('### Left in progress', (0,markdown/* table */.tp)(['Check', 'Run', 'Why'], rows(report.left.map((l) => ({ check: l.check, last: l.why })))));
    }
    if (report.paused) {
        out.push(`Nothing is left pending, so this settle workflow (${(0,markdown/* code */.aY)(report.paused)}) is now turned off: its schedule ` +
            'bills nothing until a step with `settle-workflow` leaves a check in progress and turns it on.');
    }
    if (report.downloads.length > 0) {
        const where = report.downloads.map(({ check, download }) => [
            (0,markdown/* text */.Qq)(check.name),
            (0,markdown/* code */.aY)(check.identity.run),
            whereTo(download, workspace)
        ]);
        out.push('### Results', (0,markdown/* table */.tp)(['Check', 'Run', 'Downloaded into'], where));
    }
    return `${out.join('\n\n')}\n`;
}
/** The settle step, whole: every path ends with the `status` output and, unless `summary: false`, the job summary. */
async function settle_settle(env = process.env) {
    const outputs = new report_outputs/* Outputs */.t();
    const report = { settled: [], left: [], skipped: 0, deferred: 0, downloads: [] };
    let settings;
    let client;
    try {
        const token = (0,inputs_token/* readToken */.A)();
        (0,unexpected_inputs/* warnAboutUnexpectedInputs */.We)(env, (message) => core.warning(message));
        settings = (0,settle/* getSettleSettings */.$J)(token);
        const repository = env.GITHUB_REPOSITORY ?? '';
        if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
            throw new Error('GITHUB_REPOSITORY is not set to owner/name: a settle step runs in a GitHub workflow');
        }
        const octokit = await (0,github_client/* githubClient */.$)(settings.githubToken);
        const pending = pendingChecks(await discover(octokit, repository));
        report.skipped = pending.skipped;
        report.deferred = pending.deferred;
        if (pending.deferred > 0) {
            core.notice(`${pending.deferred} more check runs of this action are in progress; at most ${MAX_SETTLED_PER_STEP} are settled ` +
                'in one step, and the rest are left for the next settle.');
        }
        if (pending.unreadOn.length > 0)
            core.warning(unreadWarning(pending.unreadOn));
        if (pending.ours.length === 0) {
            core.info(`No check run of this action is in progress (${pending.skipped} others skipped).`);
        }
        else {
            const apiBase = settings.location.apiBase;
            client = new codeocean_client/* CodeOceanClient */.x({
                apiBase,
                token,
                onRetry: (message) => core.info((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(message)))
            });
            const download = settleDownloader(client, settings, (line) => core.info((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(line))));
            await settleEach(pending.ours, octokit, client, repository, settings, report, download);
            // One folder per run id inside it.
            if (settings.downloadFolder && report.downloads.some((d) => d.download.kind === 'downloaded')) {
                outputs.set(names/* Output */.k7.ResultsPath, settings.downloadFolder);
            }
        }
        core.info(`Settled ${report.settled.length} check runs, left ${report.left.length} in progress, skipped ${report.skipped}.`);
        if (settings.settleWorkflow) {
            await pauseIfIdle(octokit, repository, settings.settleWorkflow, report, pending);
        }
    }
    catch (error) {
        report.failure = (0,src_errors.errorMessage)(error);
    }
    finally {
        client?.close();
    }
    if (report.failure)
        core.setFailed((0,redact.redactRegistered)(report.failure));
    outputs.setStatus(report.failure ? 'failed' : 'succeeded');
    if (settings?.summary ?? true)
        await (0,summary/* writeSummary */.Sy)((0,redact.redactRegistered)(renderSettleSummary(report)));
}


/***/ })

};

//# sourceMappingURL=664.index.js.map