export const id = 724;
export const ids = [724];
export const modules = {

/***/ 7724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findAdoptableRun: () => (/* binding */ findAdoptableRun)
});

// UNUSED EXPORTS: NotAdoptedError, SECOND_LOOK_DELAY_MS

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/report/describe.ts
var describe = __webpack_require__(313);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
;// CONCATENATED MODULE: ./src/lifecycle/adopt-match.ts
/**
 * How much earlier than the start (on the server's clock) a run may have been created
 * and still count: `Date` and `created` are whole seconds, and the listing took a
 * while to come back, so the skew measured from it is only roughly right.
 */
const START_WINDOW_MARGIN_MS = 60_000;
/** The request fields a Computation reports, by the name it reports them under. */
const REPORTED_FIELDS = ['data_assets', 'parameters', 'processes', 'nextflow_profile'];
/** The runs of `look` that may be the one the start created; see StartMatch. */
function matchStartedRun(look) {
    if (look.serverDate === undefined) {
        return { kind: 'cannot-compare', reason: "Code Ocean's answer had no Date header to tell its clock by" };
    }
    if (look.runs.some((run) => run.created === undefined)) {
        return { kind: 'cannot-compare', reason: 'the listed runs do not say when they were created' };
    }
    const skew = look.serverDate - look.receivedAt;
    const since = look.sentAt + skew - START_WINDOW_MARGIN_MS;
    const recent = look.runs.filter((run) => createdMs(run.created ?? 0) >= since);
    const unreported = sentFields(look.request).find((name) => !recent.some((run) => field(run.raw, name) != null));
    if (recent.length > 0 && unreported !== undefined) {
        return { kind: 'cannot-compare', reason: `the listed runs do not report their ${unreported}` };
    }
    return { kind: 'candidates', runs: recent.filter((run) => sameRequest(look.request, run.raw)) };
}
/** `created` is in seconds; a value only milliseconds can be (after the year 5000) is read as such. */
function createdMs(created) {
    return created > 1e11 ? created : created * 1000;
}
/** The reported fields that must be there to compare what `request` sent. */
function sentFields(request) {
    const sent = {
        data_assets: (request.data_assets?.length ?? 0) > 0,
        parameters: (request.parameters?.length ?? 0) + (request.named_parameters?.length ?? 0) > 0,
        processes: (request.processes?.length ?? 0) > 0,
        nextflow_profile: (request.nextflow_profile ?? '') !== ''
    };
    return REPORTED_FIELDS.filter((name) => sent[name]);
}
/** Whether a run's reported request fields equal what `request` sent; absent and empty are the same. */
function sameRequest(request, raw) {
    return (sameDataAssets(request.data_assets ?? [], list(field(raw, 'data_assets'))) &&
        sameParameters(request.parameters ?? [], request.named_parameters ?? [], list(field(raw, 'parameters'))) &&
        sameProcesses(request, list(field(raw, 'processes'))) &&
        (request.nextflow_profile ?? '') === (adopt_match_text(field(raw, 'nextflow_profile')) ?? '') &&
        sameVersion(request.version, field(raw, 'version')));
}
/** The same assets, each once; a mount we left out may be any. */
function sameDataAssets(ours, theirs) {
    const left = theirs.map((item) => ({ id: adopt_match_text(field(item, 'id')), mount: adopt_match_text(field(item, 'mount')) }));
    if (left.length !== ours.length)
        return false;
    return ours.every((asset) => {
        const at = left.findIndex((t) => t.id === asset.id && (asset.mount === undefined || t.mount === asset.mount));
        if (at < 0)
            return false;
        left.splice(at, 1);
        return true;
    });
}
/**
 * A run reports ordered and named parameters in one list of `{name?, param_name?, value}`:
 * the ordered ones first, by value in order, then the named ones in any order, by
 * `param_name` (or `name` when a server leaves it out).
 */
function sameParameters(ordered, named, theirs) {
    if (theirs.length !== ordered.length + named.length)
        return false;
    const values = theirs.map((item) => (typeof item === 'object' ? adopt_match_text(field(item, 'value')) : adopt_match_text(item)) ?? '');
    if (ordered.some((value, i) => values[i] !== value))
        return false;
    const left = theirs.slice(ordered.length).map((item, i) => ({
        name: adopt_match_text(field(item, 'param_name')) || adopt_match_text(field(item, 'name')),
        value: values[ordered.length + i]
    }));
    return named.every((parameter) => {
        const at = left.findIndex((t) => t.name === parameter.param_name && t.value === parameter.value);
        if (at < 0)
            return false;
        left.splice(at, 1);
        return true;
    });
}
/** Each process we gave parameters to, with the same ones; every other reported process with none. */
function sameProcesses(request, theirs) {
    const ours = request.processes ?? [];
    if (ours.some((process) => !theirs.some((t) => adopt_match_text(field(t, 'name')) === process.name)))
        return false;
    return theirs.every((t) => {
        const reported = [...list(field(t, 'parameters')), ...list(field(t, 'named_parameters'))];
        const process = ours.find((p) => p.name === adopt_match_text(field(t, 'name')));
        return sameParameters(process?.parameters ?? [], process?.named_parameters ?? [], reported);
    });
}
/** Code Ocean does not report a run's version today; when a server does, it must be the one we sent. */
function sameVersion(ours, theirs) {
    const reported = adopt_match_text(theirs);
    return ours === undefined || reported === undefined || reported === String(ours);
}
/** A field of an object from the server, tolerating a capitalised key (as readComputation does). */
function field(object, name) {
    if (typeof object !== 'object' || object === null || Array.isArray(object))
        return undefined;
    const record = object;
    if (name in record)
        return record[name];
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : record[key];
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function adopt_match_text(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}

;// CONCATENATED MODULE: ./src/lifecycle/adopt.ts
/**
 * After a start that failed once the request had gone out (a 5xx, a reset, a timeout),
 * looks among the target's runs for the run it may have started, instead of leaving
 * the user to. Loaded only then: a start that answers never pays for it. It never
 * sends the start again: one step never starts two runs.
 */







/** How long to wait before looking a second time, when the first look found nothing. */
const SECOND_LOOK_DELAY_MS = 5_000;
/** Retries of each listing: the server has just failed once, and a cancel must not wait long. */
const LISTING_RETRIES = 2;
/** Why no run was adopted; the message says what the start failed with and what the look found. */
class NotAdoptedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NotAdoptedError';
    }
}
/**
 * The run a failed start created, when exactly one run of the target was created since
 * just before the start with our request. Otherwise throws: several candidates are named;
 * none, after a second look, is said; a listing that fails or cannot tell falls back to
 * the start's own message, which tells the user to look.
 */
async function findAdoptableRun(targets, start) {
    const { kind } = start.target;
    const why = (0,untrusted/* inline */.mG)((0,redact/* redactRegistered */.uM)(start.failure.message.split('\n')[0] ?? ''));
    core/* info */.pq(`The start request failed after it was sent (${why}); looking for the run among the ${kind}'s runs.`);
    let match = await look(targets, start);
    if (match.kind === 'candidates' && match.runs.length === 0) {
        await pause(start);
        match = await look(targets, start);
    }
    if (match.kind === 'cannot-compare') {
        throw fail(start, `The action could not tell from the ${kind}'s runs whether one is this step's: ${match.reason}.`);
    }
    const [only, ...others] = match.runs;
    if (only === undefined) {
        throw fail(start, `No run started by this step was found among the ${kind}'s runs (looked twice, ${SECOND_LOOK_DELAY_MS / 1000} s apart).`);
    }
    if (others.length > 0) {
        throw fail(start, `${match.runs.length} runs of the ${kind} created since the start have this step's request: ` +
            `${match.runs.map(describe/* describeRun */.v).join(', ')}. The action cannot tell which is this step's, so it follows none.`);
    }
    return only;
}
/** One listing, judged; a listing that fails ends the look with the start's own message. */
async function look(targets, start) {
    let listing;
    try {
        listing = await targets.listRuns(start.target, { signal: start.signal, retries: LISTING_RETRIES });
    }
    catch (error) {
        if (start.signal.aborted)
            throw start.failure;
        throw fail(start, `Looking for the run among the ${start.target.kind}'s runs failed too: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    start.onListing?.(listing.runs);
    const clock = listing.serverDate === undefined ? 'no Date header' : new Date(listing.serverDate).toISOString();
    core/* debug */.Yz(`Listed ${listing.runs.length} runs of the ${start.target.kind}; the server's clock: ${clock}`);
    return matchStartedRun({
        request: start.request,
        sentAt: start.sentAt,
        serverDate: listing.serverDate,
        receivedAt: listing.receivedAt,
        runs: listing.runs
    });
}
async function pause(start) {
    try {
        await (0,promises_.setTimeout)(SECOND_LOOK_DELAY_MS, undefined, { signal: start.signal });
    }
    catch {
        throw start.failure;
    }
}
function fail(start, finding) {
    return new NotAdoptedError(`${start.failure.message}\n${finding}`);
}


/***/ })

};

//# sourceMappingURL=724.index.js.map