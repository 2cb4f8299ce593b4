export const id = 926;
export const ids = [926];
export const modules = {

/***/ 3926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attachToRun: () => (/* reexport */ attachToRun),
  connect: () => (/* reexport */ connect),
  followRun: () => (/* reexport */ followRun),
  leaveRunning: () => (/* reexport */ leaveRunning),
  openCheckRun: () => (/* reexport */ openCheckRun),
  preflight: () => (/* reexport */ preflight),
  prepareRun: () => (/* reexport */ prepareRun),
  startRun: () => (/* reexport */ startRun)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/codeocean/errors.ts
var codeocean_errors = __webpack_require__(3242);
;// CONCATENATED MODULE: ./src/codeocean/models/app-panel.ts
/**
 * What a capsule or pipeline declares in its app panel (GET …/app_panel), as far as the
 * action checks a run request against it. Every field is optional in the SDK's models, so
 * each is read tolerantly: a missing or ill-typed field is simply not checked.
 */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const app_panel_text = (value) => typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const number = (value) => {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isFinite(n) ? n : undefined;
};
/** A list of objects, or one object standing for a list of one (the SDK types a process's parameters so). */
function objects(value) {
    if (Array.isArray(value))
        return value.filter(isObject);
    return isObject(value) ? [value] : [];
}
function readParameter(raw) {
    const options = Array.isArray(raw.value_options)
        ? raw.value_options.map(app_panel_text).filter((o) => o !== undefined)
        : undefined;
    return {
        name: app_panel_text(raw.name),
        type: app_panel_text(raw.type),
        param_name: app_panel_text(raw.param_name) || undefined,
        value_type: app_panel_text(raw.value_type),
        default_value: app_panel_text(raw.default_value),
        required: raw.required === true,
        minimum: number(raw.minimum),
        maximum: number(raw.maximum),
        pattern: app_panel_text(raw.pattern) || undefined,
        value_options: options?.length ? options : undefined
    };
}
/** Reads an app panel from whatever the server sent. */
function readAppPanel(body) {
    const raw = isObject(body) ? body : {};
    return {
        parameters: objects(raw.parameters).map(readParameter),
        processes: objects(raw.processes).flatMap((p) => {
            const name = app_panel_text(p.name);
            return name ? [{ name, parameters: objects(p.parameters).map(readParameter) }] : [];
        }),
        dataAssets: objects(raw.data_assets).map((a) => ({
            id: app_panel_text(a.id),
            mount: app_panel_text(a.mount),
            name: app_panel_text(a.name),
            accessible: typeof a.accessible === 'boolean' ? a.accessible : undefined
        }))
    };
}
/** Whether the panel declares anything a request can be checked against. */
function declaresAnything(panel) {
    return panel.parameters.length > 0 || panel.processes.length > 0 || panel.dataAssets.length > 0;
}

// EXTERNAL MODULE: ./src/codeocean/preview.ts
var preview = __webpack_require__(113);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/caps.ts
var caps = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: ./src/inputs/errors.ts
var inputs_errors = __webpack_require__(1318);
// EXTERNAL MODULE: ./src/inputs/nearest.ts
var nearest = __webpack_require__(3915);
;// CONCATENATED MODULE: ./src/inputs/app-panel-check.ts





/** value_type spellings that mean a number. */
const NUMERIC = /^(int|integer|number|numeric|float|double|decimal)$/i;
const INTEGER = /^(int|integer)$/i;
/**
 * Typo suggestions compare names and values of at most this length, among at most
 * TYPO_CANDIDATES of them: longer ones are no typo of each other, and a panel's lists
 * can be long enough to make the comparison itself slow.
 */
const TYPO_CHARS = 100;
const TYPO_CANDIDATES = 1_000;
/** Outside text in a message: one line, never a workflow command, capped. */
const shown = (value) => (0,untrusted/* inline */.mG)((0,caps/* capText */.yA)(value));
/** The declared name a mistyped one most likely meant, or undefined. */
function closestName(name, known) {
    if (name.length > TYPO_CHARS)
        return undefined;
    // Compared without case, answered in the panel's own spelling.
    const candidates = known.slice(0, TYPO_CANDIDATES).filter((k) => k.length <= TYPO_CHARS);
    const folded = candidates.map((k) => k.toLowerCase());
    const guess = (0,nearest/* nearestTypo */.z)(name.toLowerCase(), folded);
    return guess === undefined ? undefined : candidates[folded.indexOf(guess)];
}
function didYouMean(name, known) {
    const guess = closestName(name, known);
    const list = known.length > 0 ? ` It declares: ${(0,caps/* joinCapped */.Ax)(known.map(shown))}.` : '';
    return (guess ? ` Did you mean '${shown(guess)}'?` : '') + list;
}
/** How a parameter is named in messages: its key, else its label, else its position. */
function label(p, index) {
    // Names come from the server: kept to one line, never a workflow command.
    return shown(nameOf(p, index));
}
/** Whether any parameter of the panel, or of one of its processes, declares a pattern. */
function declaresPatterns(panel) {
    return [panel.parameters, ...panel.processes.map((p) => p.parameters)].some((ps) => ps.some((p) => p.pattern));
}
/** The problem with one value, or undefined when the panel allows it. */
function valueProblem(p, value, patterns) {
    if (p.value_options && !p.value_options.includes(value)) {
        const guess = closestName(value, p.value_options);
        const allowed = (0,caps/* joinCapped */.Ax)(p.value_options.map(shown));
        return {
            error: `'${shown(value)}' is not one of the allowed values (${allowed})${guess ? `; did you mean '${shown(guess)}'?` : ''}`
        };
    }
    const number = numberProblem(p, value);
    if (number)
        return { error: number };
    if (p.pattern && patterns) {
        const verdict = patterns.check(p.pattern, value);
        if (verdict === 'differs')
            return { error: `'${shown(value)}' does not match the pattern ${shown(p.pattern)}` };
        // A pattern that cannot be checked is not the user's mistake: the value goes as given.
        if (verdict !== 'fits') {
            return { warning: `the pattern ${shown(p.pattern)} could not be checked (${shown(verdict.unchecked)})` };
        }
    }
    return undefined;
}
/** The problem with a value of a numeric type, or undefined. */
function numberProblem(p, value) {
    if (!p.value_type || !NUMERIC.test(p.value_type))
        return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
        return `'${shown(value)}' is not a number (its type is ${p.value_type})`;
    if (INTEGER.test(p.value_type) && !Number.isInteger(n))
        return `'${shown(value)}' is not a whole number (its type is ${p.value_type})`;
    const low = p.minimum;
    const high = p.maximum;
    if ((low !== undefined && n < low) || (high !== undefined && n > high)) {
        const range = low !== undefined && high !== undefined
            ? `${low} to ${high}`
            : low !== undefined
                ? `at least ${low}`
                : `at most ${high}`;
        return `${shown(value)} is outside the allowed range (${range})`;
    }
    return undefined;
}
/** A value the parameter accepts, for an example when the user gave none: its first option, its default, its least. */
function sampleValue(p) {
    return (p.value_options?.[0] ??
        p.default_value ??
        (p.value_type && NUMERIC.test(p.value_type) ? String(p.minimum ?? 1) : '…'));
}
/**
 * The value the user most likely meant, for the example under an error: the closest
 * allowed value, a number read the way it was most likely meant (`1,5` is 1.5, `1,500`
 * is 1500), rounded for a whole-number type and brought within the range; for a pattern,
 * nothing says what was meant, so the default (or the value as given) stands.
 */
function correctedValue(p, value) {
    if (p.value_options && p.value_options.length > 0 && !p.value_options.includes(value)) {
        return closestName(value, p.value_options) ?? p.value_options[0];
    }
    if (p.value_type && NUMERIC.test(p.value_type))
        return correctedNumber(p, value) ?? sampleValue(p);
    return p.default_value || value;
}
/** `value` as the number it most likely meant, within the parameter's type and range; undefined when it reads as none. */
function correctedNumber(p, value) {
    const text = value.trim().replace(/\s+/g, '');
    const read = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)
        ? text.replaceAll(',', '') // thousands grouped with commas
        : /^[-+]?\d*,\d+$/.test(text)
            ? text.replace(',', '.') // a decimal comma
            : text;
    let n = Number(read);
    if (read === '' || !Number.isFinite(n))
        return undefined;
    if (p.value_type && INTEGER.test(p.value_type))
        n = Math.round(n);
    if (p.minimum !== undefined && n < p.minimum)
        n = p.minimum;
    if (p.maximum !== undefined && n > p.maximum)
        n = p.maximum;
    return String(n);
}
/** The key a parameter is named by in a request, else its label, else its position: as given, not yet fit to show. */
function nameOf(p, index) {
    return p.param_name ?? p.name ?? `#${index + 1}`;
}
function checkScope(scope, found) {
    const { declared, prefix, owner } = scope;
    if (declared.length === 0)
        return; // nothing declared here: nothing to check against
    const fail = (input, problem, example) => {
        found.errors.push(new inputs_errors/* InputError */.d(input, `${prefix}${problem}`, example));
    };
    // Each value is checked once: a pattern's check spends the request's time budget.
    const findingFor = (p, value) => value === '' ? undefined : valueProblem(p, value, found.patterns);
    /** Reports one value's finding: a problem fails `input`, a pattern that could not be checked is a warning. */
    const report = (input, what, finding, example) => {
        if (finding && 'error' in finding)
            fail(input, `${what}: ${finding.error}`, example());
        else if (finding)
            found.warnings.push(`${prefix}${what}: ${finding.warning}; its value is sent unchecked.`);
    };
    const names = declared.flatMap((p) => (p.param_name ? [p.param_name] : []));
    for (const given of scope.named) {
        const p = declared.find((d) => d.param_name === given.param_name);
        if (!p) {
            fail(scope.namedInput, `named parameter '${given.param_name}' is not declared in ${owner}.${didYouMean(given.param_name, names)}`, unknownNameExample(scope, given.param_name, given.value));
            continue;
        }
        report(scope.namedInput, `named parameter '${given.param_name}'`, findingFor(p, given.value), () => scope.namedExample(given.param_name, correctedValue(p, given.value)));
    }
    const orderedFindings = scope.ordered.slice(0, declared.length).map((value, i) => findingFor(declared[i], value));
    // The ordered values as they most likely were meant: every example for them shows all of them so.
    const orderedMeant = orderedFindings.map((finding, i) => finding && 'error' in finding ? correctedValue(declared[i], scope.ordered[i]) : scope.ordered[i]);
    if (scope.ordered.length > declared.length) {
        fail(scope.orderedInput, `${scope.ordered.length} ordered parameters are given, but ${owner} declares ${declared.length}`, scope.orderedExample(orderedMeant));
    }
    orderedFindings.forEach((finding, i) => {
        const what = `parameter ${i + 1} (${label(declared[i], i)})`;
        report(scope.orderedInput, what, finding, () => scope.orderedExample(orderedMeant));
    });
    declared.forEach((p, i) => {
        if (!p.required || (p.default_value ?? '') !== '')
            return;
        const named = p.param_name ? scope.named.find((n) => n.param_name === p.param_name)?.value : undefined;
        const value = named ?? scope.ordered[i];
        if (value === undefined || value === '') {
            const withValue = [...orderedMeant, ...Array(Math.max(0, i + 1 - orderedMeant.length)).fill('')];
            withValue[i] = sampleValue(p);
            fail(p.param_name ? scope.namedInput : scope.orderedInput, `parameter '${label(p, i)}' is required by ${owner} and has no default; give it a value`, p.param_name ? scope.namedExample(p.param_name, sampleValue(p)) : scope.orderedExample(withValue));
        }
    });
}
/**
 * The example under an unknown named parameter: the declared name it most likely meant,
 * with the user's value (corrected when that parameter would refuse it); else the first
 * declared name with a value it accepts.
 */
function unknownNameExample(scope, given, value) {
    const names = scope.declared.flatMap((p) => (p.param_name ? [p.param_name] : []));
    const guess = closestName(given, names);
    const meant = scope.declared.find((p) => guess !== undefined && p.param_name === guess);
    if (meant?.param_name) {
        // Options and range only: a pattern is not checked twice for an example.
        const finding = value === '' ? undefined : valueProblem(meant, value);
        const fits = !(finding && 'error' in finding);
        return scope.namedExample(meant.param_name, fits ? value : correctedValue(meant, value));
    }
    const sample = scope.declared.find((d) => d.param_name) ?? scope.declared[0];
    return scope.namedExample(nameOf(sample, 0), sampleValue(sample));
}
function json(value) {
    return `'${JSON.stringify(value)}'`;
}
/** Errors for names and values, warnings for data assets; see PanelCheck. Patterns are checked with `patterns`, when given. */
function checkAgainstAppPanel(spec, panel, patterns) {
    const found = { errors: [], warnings: [], patterns };
    const kind = spec.target.kind;
    const panelOf = `the ${kind}'s app panel`;
    checkScope({
        namedInput: names/* Input */.pd.NamedParameters,
        orderedInput: names/* Input */.pd.Parameters,
        prefix: '',
        owner: panelOf,
        ordered: spec.parameters ?? [],
        named: spec.namedParameters ?? [],
        declared: panel.parameters,
        namedExample: (name, value) => `${names/* Input */.pd.NamedParameters}: ${json({ [shown(name)]: shown(value) })}`,
        orderedExample: (values) => `${names/* Input */.pd.Parameters}: ${json(values.map(shown))}`
    }, found);
    if (kind === 'pipeline')
        checkProcesses(spec, panel, found);
    found.warnings.push(...dataAssetWarnings(spec, panel));
    return { errors: found.errors, warnings: found.warnings };
}
function checkProcesses(spec, panel, found) {
    if (panel.processes.length === 0)
        return;
    const known = panel.processes.map((p) => p.name);
    const examples = (process) => ({
        namedExample: (name, value) => `${names/* Input */.pd.Processes}: ${json([{ name: shown(process), named_parameters: { [shown(name)]: shown(value) } }])}`,
        orderedExample: (values) => `${names/* Input */.pd.Processes}: ${json([{ name: shown(process), parameters: values.map(shown) }])}`
    });
    for (const given of spec.processes ?? []) {
        const declared = panel.processes.find((p) => p.name === given.name);
        if (!declared) {
            found.errors.push(new inputs_errors/* InputError */.d(names/* Input */.pd.Processes, `process '${given.name}' is not a process of this pipeline.${didYouMean(given.name, known)}`, processNameExample(given, closestName(given.name, known) ?? known[0])));
            continue;
        }
        checkScope({
            namedInput: names/* Input */.pd.Processes,
            orderedInput: names/* Input */.pd.Processes,
            prefix: `process '${given.name}': `,
            owner: `process '${given.name}' in the pipeline's app panel`,
            ordered: given.parameters ?? [],
            named: given.named_parameters ?? [],
            declared: declared.parameters,
            ...examples(given.name)
        }, found);
    }
    // A process left out of `processes` runs with its defaults: only a required one without a default is a problem.
    for (const declared of panel.processes) {
        if ((spec.processes ?? []).some((p) => p.name === declared.name))
            continue;
        checkScope({
            namedInput: names/* Input */.pd.Processes,
            orderedInput: names/* Input */.pd.Processes,
            prefix: `process '${shown(declared.name)}': `,
            owner: `process '${shown(declared.name)}' in the pipeline's app panel`,
            ordered: [],
            named: [],
            declared: declared.parameters,
            ...examples(declared.name)
        }, found);
    }
}
/** The example under a process name the pipeline does not have: the process as given, under the name it most likely meant. */
function processNameExample(given, meant) {
    const corrected = { name: shown(meant) };
    if (given.parameters)
        corrected.parameters = given.parameters.map(shown);
    if (given.named_parameters) {
        corrected.named_parameters = Object.fromEntries(given.named_parameters.map((n) => [shown(n.param_name), shown(n.value)]));
    }
    return `${names/* Input */.pd.Processes}: ${json([corrected])}`;
}
/**
 * The mount a mistyped one most likely meant: the one the panel gives this very asset,
 * else the closest of the panel's mounts. As a sentence for the warning, or ''.
 */
function mountMeant(given, ofThisAsset, mounts) {
    if (ofThisAsset)
        return ` The app panel mounts this data asset at '${shown(ofThisAsset)}': did you mean that?`;
    const guess = closestName(given, mounts);
    return guess ? ` Did you mean '${shown(guess)}'?` : '';
}
function dataAssetWarnings(spec, panel) {
    const warnings = [];
    const mounts = panel.dataAssets.flatMap((a) => (a.mount ? [a.mount] : []));
    for (const asset of spec.dataAssets ?? []) {
        const declared = panel.dataAssets.find((a) => a.id === asset.id);
        if (asset.mount && mounts.length > 0 && !mounts.includes(asset.mount)) {
            const pipelineNote = spec.target.kind === 'pipeline'
                ? ' For a pipeline, the run uses the mount the pipeline already has for it.'
                : '';
            warnings.push(`Data asset ${asset.id} is to be mounted at '${shown(asset.mount)}', which the ${spec.target.kind}'s app panel does not list (it lists ${(0,caps/* joinCapped */.Ax)(mounts.map(shown))}).${mountMeant(asset.mount, declared?.mount, mounts)}${pipelineNote}`);
        }
        if (declared?.accessible === false) {
            warnings.push(`The ${spec.target.kind}'s app panel marks data asset ${asset.id}${declared.name ? ` (${shown(declared.name)})` : ''} as not accessible to the token's owner; the run may fail to attach it.`);
        }
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/lifecycle/prepare/preflight.ts








/**
 * The pre-flight check, unless `check-parameters: false`: the request against the app
 * panel of the capsule or pipeline, before a run is spent on a mistyped name or an
 * out-of-range value. Throws InputErrors with every problem at once; warns about data
 * assets. A panel that cannot be had, or that declares nothing, skips the check with a
 * one-line notice: it is a help, and never the reason a run does not start.
 */
async function preflight(client, settings) {
    if (!settings.checkParameters) {
        lib_core.info('Parameters not checked against the app panel (check-parameters: false).');
        return;
    }
    const { target, version } = settings.run;
    const what = `${target.kind} ${target.id}${version === undefined ? '' : ` (version ${version})`}`;
    lib_core.info(`Checking the request against the app panel of ${what}`);
    let raw;
    try {
        raw = await client.appPanels.get(target, version);
    }
    catch (error) {
        // Unreachable Code Ocean, a certificate problem, a cancel: the start would meet them too.
        if (!(error instanceof codeocean_errors/* CodeOceanApiError */.ER))
            throw error;
        // A token Code Ocean does not accept would fail the start too: said once, as the failure it is.
        if (error.status === 401)
            throw error;
        if (error.status === 404) {
            lib_core.notice(`Parameters not checked: this Code Ocean has no app panel for ${what}.`);
        }
        else {
            lib_core.warning((0,untrusted/* inline */.mG)(`Parameters not checked: could not read the app panel of ${what}. ${oneLine(error)}`));
        }
        return;
    }
    lib_core.debug((0,untrusted/* inline */.mG)(`App panel: ${(0,preview/* preview */.VH)(raw, preview/* DEBUG_PREVIEW_CHARS */.fN)}`));
    const panel = readAppPanel(raw);
    if (!declaresAnything(panel)) {
        lib_core.notice(`Parameters not checked: the app panel of ${what} declares no parameters, processes or data assets.`);
        return;
    }
    const { errors, warnings } = checkAgainstAppPanel(settings.run, panel, await patternCheckFor(panel));
    for (const warning of warnings)
        lib_core.warning((0,untrusted/* inline */.mG)(warning));
    if (errors.length > 0)
        throw new inputs_errors/* InputErrors */.G(errors);
    lib_core.info(`The request fits the app panel of ${what}.`);
}
/** An error's message and advice as one sentence after another: a warning is one line, and a `⏎` in it reads as noise. */
function oneLine(error) {
    return (0,errors.errorMessage)(error).replace(/\s*\n\s*/g, ' ');
}
/**
 * The pattern checker, for a panel that declares patterns. Loaded here, on first use:
 * its regular expression engine is a quarter of the phases' code, which a step whose
 * panel has no pattern never needs.
 */
async function patternCheckFor(panel) {
    if (!declaresPatterns(panel))
        return undefined;
    const { PatternChecker } = await Promise.all(/* import() */[__webpack_require__.e(856), __webpack_require__.e(894)]).then(__webpack_require__.bind(__webpack_require__, 4894));
    return new PatternChecker();
}

// EXTERNAL MODULE: ./src/lifecycle/step.ts
var lifecycle_step = __webpack_require__(3248);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/codeocean/api-error-messages.ts
var api_error_messages = __webpack_require__(9991);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
;// CONCATENATED MODULE: ./src/lifecycle/errors.ts


/** Why an attached data asset stops the run, with Code Ocean's own words. */
class DataAssetNotUsableError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DataAssetNotUsableError';
    }
}
/** Why no run was adopted; the message says what the start failed with and what the look found. */
class NotAdoptedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NotAdoptedError';
    }
}
/** A 404 for the run to follow, said in terms of the input that named it. */
class RunNotFoundError extends Error {
    constructor(id, cause) {
        super(`Input '${names/* Input */.pd.ComputationId}': Code Ocean has no run ${(0,untrusted/* inline */.mG)(id)} that the token's owner can see (HTTP 404), ` +
            'so there is nothing to follow. Check the id: it is the `computation-id` output of the step that started ' +
            "the run, or the id in the run's address in Code Ocean, on this deployment (`domain`). A run that was " +
            'stopped is deleted in Code Ocean and cannot be followed.\n' +
            (0,untrusted/* inline */.mG)(cause.message.split('\n')[0]), { cause });
        this.name = 'RunNotFoundError';
    }
}

// EXTERNAL MODULE: ./src/codeocean/models/computation.ts
var computation = __webpack_require__(6635);
// EXTERNAL MODULE: ./src/codeocean/retry.ts
var retry = __webpack_require__(9431);
// EXTERNAL MODULE: ./src/codeocean/rules.ts
var rules = __webpack_require__(3346);
// EXTERNAL MODULE: ./src/timer-limits.ts
var timer_limits = __webpack_require__(2087);
// EXTERNAL MODULE: ./src/lifecycle/verdict.ts
var lifecycle_verdict = __webpack_require__(9325);
;// CONCATENATED MODULE: ./src/lifecycle/polling/run-length.ts


/** The stretches between neighbouring `tenthsMs`: each holds a tenth of the earlier ends. */
const STRETCHES = 10;
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
function versionOf(c) {
    const value = Number(c.raw.version);
    return Number.isInteger(value) && value > 0 ? value : undefined;
}
/**
 * A length the estimate can use: in range, as readComputation already makes it. Checked
 * again here, because the wait's pace is computed from it: one `1e308` makes the estimate
 * Infinity, then NaN, and every check against NaN is false.
 */
function hasUsableLength(c) {
    const seconds = c.run_time;
    return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 && seconds <= computation/* MAX_RUN_TIME_SECONDS */.Xi;
}
/** When a run was created, for sorting: a missing or broken time sorts as the oldest. */
function createdOf(c) {
    return c.created !== undefined && Number.isFinite(c.created) ? c.created : 0;
}
/** The runs an estimate can rest on: ended successfully, with a length; the most recent first. */
function usableRuns(history) {
    return history.filter((c) => (0,lifecycle_verdict/* succeeded */.g)(c) && hasUsableLength(c)).sort((a, b) => createdOf(b) - createdOf(a));
}
/**
 * The estimate, or why there is none: too few successful runs, or lengths all over the
 * place. Prefers runs of the same release `version` when there are enough of them; takes
 * the most recent ones.
 */
function assessRunLength(history, version) {
    if (history.length === 0)
        return { why: 'there are no earlier runs' };
    const usable = usableRuns(history);
    const sameVersion = version === undefined ? [] : usable.filter((c) => versionOf(c) === version);
    const chosen = (sameVersion.length >= MIN_HISTORY ? sameVersion : usable).slice(0, MAX_HISTORY);
    if (chosen.length < MIN_HISTORY) {
        return {
            why: `too few earlier runs succeeded (${usable.length} of ${history.length}; at least ${MIN_HISTORY} needed)`
        };
    }
    const lengths = chosen.map((c) => (c.run_time ?? 0) * 1000).sort((a, b) => a - b);
    const typicalMs = percentile(lengths, 0.5);
    const p10 = percentile(lengths, 0.1);
    const p90 = percentile(lengths, 0.9);
    // Written so that a spread that is not a number (it cannot be, from usable lengths) gives no estimate.
    if (!((p90 - p10) / typicalMs <= MAX_RELATIVE_SPREAD)) {
        return { why: `the lengths of the ${chosen.length} earlier successful runs are too spread out` };
    }
    return {
        estimate: {
            typicalMs,
            tenthsMs: Array.from({ length: STRETCHES + 1 }, (_, i) => percentile(lengths, i / STRETCHES)),
            shortestMs: lengths[0],
            longestMs: lengths[lengths.length - 1],
            runs: chosen.length
        }
    };
}
/** The estimate, or undefined when the history is of no use (see assessRunLength). */
function estimateRunLength(history, version) {
    return assessRunLength(history, version).estimate;
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
/** "every 5 s" or "every 8–20 s", in whole seconds. */
function every(minSpacingMs, maxSpacingMs) {
    const [least, most] = [Math.round(minSpacingMs / 1000), Math.round(maxSpacingMs / 1000)];
    return least === most ? `every ${least} s` : `every ${least}–${most} s`;
}
/**
 * The one log line that says what the estimate is and what the wait will do with it,
 * e.g. "Earlier runs took 57–63 min (typically 60 min, from 8 runs); checking every
 * 7–12 s from 57 to 63 min".
 */
function describeEstimate(estimate, window) {
    const took = range(estimate.shortestMs, estimate.longestMs, '–');
    const checks = range(window.fromMs, window.untilMs, ' to ');
    return (`Earlier runs took ${took === undefined ? `about ${say(estimate.typicalMs)}` : took} ` +
        `(typically ${say(estimate.typicalMs)}, from ${estimate.runs} runs); ` +
        `checking ${every(window.minSpacingMs, window.maxSpacingMs)} ` +
        (checks === undefined ? `around ${say(window.fromMs)}` : `from ${checks}`));
}

;// CONCATENATED MODULE: ./src/lifecycle/polling/wait.ts










/** Upper bound of the `auto` poll interval. */
const MAX_AUTO_POLL_SECONDS = 60;
/**
 * How long status checks may keep failing (after each one's own retries) before the
 * step gives up: long enough to ride out a deployment or a network blip.
 */
const OUTAGE_LIMIT_MS = 10 * 60_000;
/**
 * Failures worth waiting out: no answer, overload or server errors, an unreadable
 * answer. A 401, 403 or 404 will not get better by waiting.
 */
function isTransientFailure(error) {
    if (error instanceof codeocean_errors/* CodeOceanApiError */.ER)
        return retry/* RETRYABLE_STATUSES */.U3.has(error.status);
    if (error instanceof codeocean_errors/* UnreadableAnswerError */.mP)
        return true;
    return error instanceof codeocean_errors/* CodeOceanNetworkError */.OV;
}
/**
 * What one status check is worth, in lateness. Between two neighbouring tenths of the
 * earlier lengths (a stretch `w` long that holds a tenth of the likely ends), checking
 * every `s` costs `w / s` checks and leaves an end there `s / 2` late on average; that
 * lateness plus this price per check is least at `s = √(2 × CHECK_WORTH_MS × 10 w)`. So
 * checks are dense where earlier runs ended close together and sparser where they spread
 * out, and a spread four times as wide gets twice the spacing, not four times. Tuned in
 * `npm run bench -- predictive`: a 1 h run with a tight history is noticed within 10 s on
 * average for at most 15% of the checks of a fixed 5 s, whether it ends near the typical
 * length or anywhere in the history's spread. (Checking every 5 s through the middle
 * third of the spread, within the same budget, left nothing for its edges: an end just
 * before that third was noticed up to a minute late.)
 */
const CHECK_WORTH_MS = 180;
/** Before the window, a sleep covers at most this share of the distance to it. */
const APPROACH = 0.5;
/** After the window, a sleep lasts at most this share of the time since it closed. */
const OVERDUE = 0.1;
const MIN_POLL_MS = rules/* MIN_POLL_SECONDS */.Rj * 1000;
function autoDelayMs(elapsedMs) {
    const seconds = Math.min(MAX_AUTO_POLL_SECONDS, Math.max(rules/* MIN_POLL_SECONDS */.Rj, (elapsedMs / 1000) * 0.1));
    return Math.round(seconds * 1000);
}
/**
 * The spacing of checks through a stretch between two neighbouring tenths, starting at
 * `atMs`: never below the 5 s minimum, never sparser than plain auto.
 */
function spacingMs(stretchMs, atMs) {
    const best = Math.sqrt(2 * CHECK_WORTH_MS * STRETCHES * stretchMs);
    return Math.round(Math.max(MIN_POLL_MS, Math.min(autoDelayMs(atMs), best)));
}
/** The spacing of each stretch an end can fall in (none for tenths that coincide). */
function spacings(tenths) {
    return tenths.slice(1).flatMap((t, i) => (t > tenths[i] ? [spacingMs(t - tenths[i], tenths[i])] : []));
}
/**
 * When the end is likely, for the log: from the shortest to the longest earlier run,
 * checking at most and at least this often in between.
 */
function likelyEndWindow(estimate) {
    const tenths = estimate.tenthsMs;
    const all = spacings(tenths);
    return {
        fromMs: tenths[0],
        untilMs: tenths[tenths.length - 1],
        minSpacingMs: all.length > 0 ? Math.min(...all) : MIN_POLL_MS,
        maxSpacingMs: all.length > 0 ? Math.max(...all) : MIN_POLL_MS
    };
}
/**
 * Milliseconds to wait before the next status check.
 *
 * `auto` checks every 5 s at first and then every tenth of the run's age, up to
 * 60 s: a run that ends is noticed within 10% of its age (never more than a
 * minute late), while a run of hours costs a small fraction of the requests a
 * fixed 5 s interval would make. With an estimate from earlier runs, it checks
 * that sparsely until the shortest earlier run's length, then as densely as the
 * earlier runs' ends lie (see CHECK_WORTH_MS) until the longest one's, and more
 * sparsely again after it: the end is noticed within seconds, for a few more
 * requests than plain `auto`.
 */
function nextPollDelayMs(interval, elapsedMs, estimate) {
    // The last guard, whatever the inputs and the history say: never closer than 5 s,
    // never longer than a timer holds, and a delay that is not a number is the 5 s
    // minimum (Node would sleep 1 ms for NaN, and the wait would storm the server).
    return (0,timer_limits/* timerDelayMs */.f)(plannedDelayMs(interval, elapsedMs, estimate), MIN_POLL_MS);
}
/** The delay nextPollDelayMs would choose, before its last guard. */
function plannedDelayMs(interval, elapsedMs, estimate) {
    if (interval !== 'auto')
        return interval * 1000;
    const auto = autoDelayMs(elapsedMs);
    if (!estimate)
        return auto;
    const tenths = estimate.tenthsMs;
    const [fromMs, untilMs] = [tenths[0], tenths[tenths.length - 1]];
    if (elapsedMs < fromMs) {
        // Checks close in on the window, each sleep covering a share of the distance to it,
        // so an end just before it is still noticed soon; but no faster than the checks
        // inside it will be, which would spend requests where the end is least likely.
        const inside = spacingMs(tenths[1] - tenths[0], fromMs);
        return Math.round(Math.min(auto, Math.max(inside, (fromMs - elapsedMs) * APPROACH)));
    }
    if (elapsedMs >= untilMs) {
        // Longer than every earlier run: overdue, likely to end any moment, so checks
        // start at the 5 s minimum and thin out gradually back to plain auto.
        return Math.round(Math.max(MIN_POLL_MS, Math.min(auto, (elapsedMs - untilMs) * OVERDUE)));
    }
    const stretch = tenths.findLastIndex((t) => t <= elapsedMs);
    return spacingMs(tenths[stretch + 1] - tenths[stretch], elapsedMs);
}
/**
 * When a run began, from its `created` time (unix seconds), for a run found rather than
 * started: one started an hour ago is polled as an hour-old run. Undefined when the
 * server gave no usable time (some examples send 0), or one ahead of this clock, where
 * the age would be nonsense; then the age counts from the start of the wait.
 */
function runBeganAt(run, now = Date.now()) {
    if (run.created === undefined || !(run.created > 0))
        return undefined;
    const ms = run.created * 1000;
    return ms <= now ? ms : undefined;
}
/** Logs each state once, with the time since the wait began, and warns once about each state it does not know. */
function stateReporter(options, now, begin) {
    const warnedStates = new Set();
    let lastState;
    return (c) => {
        options.onUpdate?.(c);
        if (c.state === lastState)
            return;
        lastState = c.state;
        options.log(`Run is ${c.state || '(no state)'} (after ${(0,format/* formatDuration */.a3)(now() - begin)})`);
        if (!(0,computation/* isKnownState */.Ht)(c.state) && !warnedStates.has(c.state)) {
            warnedStates.add(c.state);
            options.warn(`Code Ocean reported a state the action does not know, '${c.state}'; it keeps waiting for 'completed' or 'failed'.`);
        }
    };
}
/**
 * Status checks that fail for a while: one warning per outage, not one per failed
 * check; a line once Code Ocean is reached again; and the end of the wait after
 * OUTAGE_LIMIT_MS of failures.
 */
function outageTracker(options, now) {
    let failingSince;
    return {
        failed: (error, runId) => {
            const firstFailure = failingSince === undefined;
            failingSince ??= now();
            const failingFor = now() - failingSince;
            if (failingFor >= OUTAGE_LIMIT_MS) {
                throw new Error(`Could not check run ${(0,untrusted/* inline */.mG)(runId)} for ${(0,format/* formatDuration */.a3)(failingFor)}; giving up waiting. ` +
                    `The run may still be going in Code Ocean. Last error: ${(0,errors.errorMessage)(error)}`, { cause: error });
            }
            if (firstFailure) {
                options.warn(`Could not check the run (${(0,errors.errorMessage)(error).split('\n')[0]}); ` +
                    `the action keeps trying for up to ${(0,format/* formatDuration */.a3)(OUTAGE_LIMIT_MS)} of failures.`);
            }
        },
        reached: () => {
            if (failingSince === undefined)
                return;
            options.log(`Reached Code Ocean again after ${(0,format/* formatDuration */.a3)(now() - failingSince)} of failed checks`);
            failingSince = undefined;
        }
    };
}
/**
 * Polls the run until it is `completed` or `failed`. Logs each state once, with the
 * time since the wait began, rather than a line per check; an unknown state is
 * reported once and waited out, since newer servers may add states.
 */
async function waitForCompletion(source, started, options) {
    const now = options.now ?? Date.now;
    const signal = options.signal;
    const sleep = options.sleep ?? ((ms) => (0,promises_.setTimeout)(ms, undefined, { signal }));
    const begin = now();
    const ageFrom = options.startedAt ?? begin;
    const observe = stateReporter(options, now, begin);
    const outage = outageTracker(options, now);
    let estimate = options.estimate;
    options.estimateLater?.then((later) => (estimate ??= later), () => undefined);
    let current = started;
    observe(current);
    while (!(0,computation/* isTerminal */.Hd)(current.state)) {
        try {
            await sleep(nextPollDelayMs(options.interval, now() - ageFrom, estimate));
            signal?.throwIfAborted();
            current = await source.get(current.id, { signal });
        }
        catch (error) {
            if (signal?.aborted || error instanceof errors.RequestAbortedError)
                throw new errors.RequestAbortedError();
            if (!isTransientFailure(error))
                throw error;
            outage.failed(error, current.id);
            continue;
        }
        outage.reached();
        observe(current);
    }
    return current;
}

;// CONCATENATED MODULE: ./src/lifecycle/prepare/data-assets-ready.ts








/** Asset look-ups in flight at once. */
const CONCURRENCY = 8;
function data_assets_ready_label(asset) {
    return asset.name ? `'${asset.name}' (${asset.id})` : asset.id;
}
function lookupFailure(error, id) {
    if (error instanceof errors.RequestAbortedError)
        return error;
    if (error instanceof codeocean_errors/* CodeOceanApiError */.ER && error.status === 404) {
        return new DataAssetNotUsableError(`There is no data asset ${id} (or the token cannot see it): check the id in 'data-assets' and that the ` +
            `asset is shared with the token's owner. Code Ocean answered HTTP 404: ${(0,api_error_messages/* serverMessage */.x_)(error.body)}`);
    }
    if (error instanceof codeocean_errors/* CodeOceanApiError */.ER && error.status === 403) {
        return new DataAssetNotUsableError(`The token may not read data asset ${id}: it needs the Data Asset Read scope (Account > Access Tokens). ` +
            `Code Ocean answered HTTP 403: ${(0,api_error_messages/* serverMessage */.x_)(error.body)}`);
    }
    return new DataAssetNotUsableError(`Could not look up data asset ${id}: ${(0,errors.errorMessage)(error)}`);
}
/**
 * Waits until one attached data asset is `ready`: a `draft` (being made, say by an
 * earlier step's capture) is polled as a run is, within the wait-timeout; a `failed`
 * one stops the step with Code Ocean's reason.
 */
async function untilReady(source, id, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal }));
    const begin = now();
    let told = false;
    for (;;) {
        // Cancelled, or another asset already stopped the run: no more look-ups.
        if (options.signal.aborted)
            throw new errors.RequestAbortedError();
        let asset;
        try {
            asset = await source.get(id, { signal: options.signal });
        }
        catch (error) {
            throw lookupFailure(error, id);
        }
        if (asset.state === 'ready') {
            if (told)
                options.log(`Data asset ${data_assets_ready_label(asset)} is ready (after ${(0,format/* formatDuration */.a3)(now() - begin)})`);
            return;
        }
        if (asset.state === 'failed') {
            throw new DataAssetNotUsableError(`Data asset ${data_assets_ready_label(asset)} failed in Code Ocean: ${asset.failure_reason ?? 'no reason given'}`);
        }
        const waited = now() - begin;
        const limitMs = options.timeoutMinutes * 60_000;
        if (limitMs > 0 && waited >= limitMs) {
            throw new DataAssetNotUsableError(`Data asset ${data_assets_ready_label(asset)} was still ${asset.state || 'not ready'} after ${(0,format/* formatDuration */.a3)(waited)} (wait-timeout: ${options.timeoutMinutes} min)`);
        }
        if (!told) {
            options.log(`Data asset ${data_assets_ready_label(asset)} is ${asset.state || 'not ready'} (still being made); waiting until it is ready`);
            told = true;
        }
        try {
            await sleep(nextPollDelayMs(options.interval, waited), options.signal);
        }
        catch {
            throw new errors.RequestAbortedError();
        }
    }
}
/**
 * Checks every attached data asset at once (a few at a time) before the run starts.
 * The first asset that cannot be used stops the others' waiting; the error names
 * every asset found unusable.
 */
async function ensureDataAssetsReady(source, ids, options) {
    const stopOthers = new AbortController();
    const signal = AbortSignal.any([options.signal, stopOthers.signal]);
    const limit = (0,p_limit/* default */.A)(CONCURRENCY);
    const outcomes = await Promise.allSettled(ids.map((id) => limit(() => untilReady(source, id, { ...options, signal }).catch((error) => {
        if (!(error instanceof errors.RequestAbortedError))
            stopOthers.abort();
        throw error;
    }))));
    const problems = outcomes.flatMap((o) => o.status === 'rejected' && o.reason instanceof DataAssetNotUsableError ? [o.reason] : []);
    if (problems.length > 0) {
        throw new Error(`${problems.map((p) => p.message).join('\n')}\nThe run was not started: it needs every attached data asset ready.`);
    }
    const other = outcomes.find((o) => o.status === 'rejected');
    if (other?.status === 'rejected')
        throw other.reason;
}

// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/report/describe.ts
var describe = __webpack_require__(313);
;// CONCATENATED MODULE: ./src/lifecycle/prepare/resume.ts







/**
 * The runs an earlier attempt of this workflow run may have left to resume from:
 * this step's run name, ended without success; the most recent first. Only when
 * runsOfSeveralOwners finds no one else's run under the name.
 */
function resumeCandidates(runs, runName) {
    return runs
        .filter((run) => run.name === runName && (0,computation/* isTerminal */.Hd)(run.state) && !(0,lifecycle_verdict/* judge */.S)(run).succeeded)
        .sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
}
/** How many runs a message names before it says "and N more". */
const LISTED_RUNS = 5;
/**
 * The runs carrying `runName`, when more than one Code Ocean user started them (their
 * `owner` differs), else undefined. A name can be copied by anyone who can run the
 * target, and Code Ocean's API has no call that says which user the token is; but a
 * run is owned by the user whose token started it, so an earlier attempt's runs all
 * have one owner. Runs of several owners under this name mean some are someone
 * else's, and the name no longer tells which run an earlier attempt started.
 */
function runsOfSeveralOwners(runs, runName) {
    const named = runs.filter((run) => run.name === runName);
    const owners = new Set(named.map((run) => run.owner));
    return owners.size > 1 ? named : undefined;
}
/** The runs as a message lists them: id, owner and state, the first few only. */
function listRuns(runs) {
    const shown = runs
        .slice(0, LISTED_RUNS)
        .map((run) => `${run.id.slice(0, 64)} (owner ${run.owner?.slice(0, 64) ?? 'not given'}, ${run.state || 'state unknown'})`);
    const more = runs.length - shown.length;
    return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}
/** The newest candidate that still exists in Code Ocean (it may have been deleted since it was listed). */
async function firstExisting(source, candidates, signal) {
    for (const candidate of candidates) {
        try {
            return await source.computations.get(candidate.id, { signal });
        }
        catch (error) {
            if (error instanceof codeocean_errors/* CodeOceanApiError */.ER && error.status === 404)
                continue;
            throw error;
        }
    }
    return undefined;
}
/**
 * On a re-run of a workflow run (attempt 2 or later), finds the run an earlier
 * attempt started and did not finish well, to resume from it. Says in the log and
 * the summary which run that is, or that the run starts fresh.
 */
async function findRunToResume(source, target, runName, attempt, notes, signal) {
    const say = (line) => {
        // The run name (event text may reach it) and the server's states: one line, never a command.
        lib_core.info((0,untrusted/* inline */.mG)((0,redact.redactRegistered)(line)));
        notes.push(line);
    };
    if (attempt <= 1) {
        lib_core.info('resume-on-rerun: this is the first attempt of the workflow run, so there is nothing to resume.');
        return undefined;
    }
    if (runName === '') {
        say("resume-on-rerun: the run has no name to find an earlier attempt's run by, so the run starts fresh.");
        return undefined;
    }
    const runs = await source.targets.runs(target, { signal });
    const shared = runsOfSeveralOwners(runs, runName);
    if (shared !== undefined) {
        say(`resume-on-rerun: runs named '${runName}' were started by more than one Code Ocean user, so the name does not ` +
            `prove which one an earlier attempt of this workflow run started; nothing is resumed, and the run starts fresh ` +
            `(attempt ${attempt}). Runs with that name: ${listRuns(shared)}.`);
        return undefined;
    }
    const found = await firstExisting(source, resumeCandidates(runs, runName), signal);
    if (found === undefined) {
        say(`No earlier run named '${runName}' that did not succeed was found; the run starts fresh (attempt ${attempt}).`);
        return undefined;
    }
    say(`Resuming from run ${(0,describe/* describeRun */.v)(found)}, which an earlier attempt started (state ${found.state}, end status ${found.end_status ?? 'none'}).`);
    return found.id;
}

;// CONCATENATED MODULE: ./src/lifecycle/prepare/sync-with-git.ts





/** `Synced with Git: pulled 3 commits, pushed 0`, and the new branch when there is one. */
function describeSync(result) {
    const commits = (n) => `${n} ${n === 1 ? 'commit' : 'commits'}`;
    return (`Synced with Git: pulled ${commits(result.pulled)}, pushed ${result.pushed}` +
        (result.newBranch ? ' (on a new branch)' : ''));
}
/** The likely reason Code Ocean refused a sync, from its status. */
function likelyCause(status, target) {
    const what = `the ${target.kind}`;
    if (status === 404) {
        return ('Likely cause: this Code Ocean does not support Git sync; it needs 4.6 or later. ' +
            `(If it is 4.6 or later, it does not know ${target.kind} ${target.id}, or the token cannot see it.)`);
    }
    if (status === 403) {
        return (`Likely cause: the token may not write to ${what}. Git sync needs the Capsule Read/Write scope, ` +
            `and the token's owner needs write access to ${what}.`);
    }
    if (status === 401)
        return 'Likely cause: the API token was not accepted; check the `secret` input.';
    return (`Likely cause: ${what} is not linked to a Git repository ` +
        "(link it in Code Ocean, or leave out 'sync-git'), or the linked repository refused the sync.");
}
/** Explains a failed sync: what Code Ocean said, the likely cause, and that no run started. */
function syncFailure(error, target) {
    const head = `Could not sync ${target.kind} ${target.id} with Git, so no run was started.`;
    if (error instanceof codeocean_errors/* CodeOceanApiError */.ER) {
        return new Error(`${head}\nCode Ocean answered HTTP ${error.status}: ${(0,api_error_messages/* serverMessage */.x_)(error.body)}\n${likelyCause(error.status, target)}`, { cause: error });
    }
    return new Error(`${head}\n${(0,errors.errorMessage)(error)}`, { cause: error });
}
/**
 * Syncs the capsule or pipeline with its linked Git repository, so the run gets the
 * code just pushed; Code Ocean also pushes its own new commits to the repository.
 */
async function syncWithGit(targets, target, step, signal) {
    lib_core.info(`Syncing ${target.kind} ${target.id} with its Git repository`);
    let result;
    try {
        result = await targets.sync(target, { signal });
    }
    catch (error) {
        if (error instanceof errors.RequestAbortedError)
            throw error;
        throw syncFailure(error, target);
    }
    const line = describeSync(result);
    lib_core.info(line);
    step.summary.notes.push(line);
    step.outputs.set(names/* Output */.k7.GitPulled, String(result.pulled));
    step.outputs.set(names/* Output */.k7.GitPushed, String(result.pushed));
}

;// CONCATENATED MODULE: ./src/lifecycle/prepare/prepare.ts







/**
 * The client, keeping the target's runs once listed: with `poll-interval: auto`, the
 * wait reads the earlier runs' lengths from them rather than listing them again.
 */
function keepingListing(client, step) {
    return {
        computations: client.computations,
        targets: { runs: async (target, call) => (step.targetRuns = await client.targets.runs(target, call)) }
    };
}
/** Whether anything must happen before the start: most steps need none of it. */
function needsPreparation(settings) {
    return settings.syncGit || settings.resumeOnRerun || (settings.run.dataAssets?.length ?? 0) > 0;
}
/**
 * What happens before the start, when the inputs ask for it: the Git sync first
 * (nothing else is sent before it), then the attached data assets must be ready,
 * then, on a re-run, the run to resume from is looked up. Any failure means no run
 * is started. Returns the settings the start goes by.
 */
async function prepareRun(client, settings, step, interrupter) {
    if (!needsPreparation(settings))
        return settings;
    const { target } = settings.run;
    const signal = interrupter.signal;
    try {
        if (settings.syncGit)
            await syncWithGit(client.targets, target, step, signal);
        const assets = settings.run.dataAssets ?? [];
        if (assets.length > 0) {
            await ensureDataAssetsReady(client.dataAssets, assets.map((a) => a.id), {
                interval: settings.pollInterval,
                timeoutMinutes: settings.waitTimeoutMinutes,
                log: (line) => lib_core.info((0,untrusted/* inline */.mG)(step.redact(line))),
                signal
            });
        }
        if (settings.resumeOnRerun) {
            const resumeRunId = await findRunToResume(keepingListing(client, step), target, settings.runName, settings.runAttempt, step.summary.notes, signal);
            if (resumeRunId)
                return { ...settings, run: { ...settings.run, resumeRunId } };
        }
        return settings;
    }
    catch (error) {
        if (error instanceof errors.RequestAbortedError || interrupter.reason === 'cancel') {
            (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
            throw new Error('The workflow was cancelled before the run started; no run was started.', { cause: error });
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/lifecycle/run/step-record.ts
var step_record = __webpack_require__(4070);
;// CONCATENATED MODULE: ./src/lifecycle/run/backstop.ts





const watches = (0,step_record/* stepRecord */.o)('step', (parsed) => typeof parsed.id === 'string' && typeof parsed.watching === 'boolean'
    ? { id: parsed.id, watching: parsed.watching }
    : undefined);
let current;
/** The main step takes a started run into its care; `watching`: the post step stops it if this step dies. */
function watchRun(id, watching) {
    current = { id, watching };
    watches.hand(current, { [names/* State */.Uw.ComputationId]: id, [names/* State */.Uw.Watching]: watching ? 'true' : 'false' });
}
/** The run's fate is settled (ended, stopped, or left running on purpose): the post step leaves it alone. */
function settleRun() {
    // Only a record that said "watching" needs rewriting.
    const wasWatching = current?.watching === true;
    if (current)
        current = { ...current, watching: false };
    watches.settle({ [names/* State */.Uw.Watching]: 'false' }, wasWatching ? current : undefined);
}
/**
 * For the post step: the id of the run to stop, when the main step was still waiting
 * for it as it ended. Undefined when there is nothing to do, or when the state given
 * does not match the main step's own record (then nothing is stopped, with a warning).
 */
function runLeftWatched() {
    const id = core.getState(State.ComputationId);
    if (!id || core.getState(State.Watching) !== 'true')
        return undefined;
    const recorded = watches.agreeing(id, (watch) => watch.id, (watch) => `The post step was asked to stop Code Ocean run ${inline(capText(id, 100))}, but the main step ` +
        (watch ? `started run ${inline(watch.id)}` : 'left no record of starting it') +
        '; it stops nothing.');
    return recorded?.watching ? id : undefined;
}

;// CONCATENATED MODULE: ./src/lifecycle/run/attach.ts









/** How old the run is, for the log: "created 2h 5m ago", or nothing when unknown. */
function age(run) {
    const began = runBeganAt(run);
    return began === undefined ? '' : `, created ${(0,format/* formatDuration */.a3)(Date.now() - began)} ago`;
}
/**
 * For `computation-id`: reads the run something else started and takes it up as if
 * this step had started it (outputs at once, the summary, the post step's backstop),
 * so that the wait, the judgement and the results all apply. A run that has already
 * finished is judged by the wait at once. The backstop only stops the run when
 * `stop-on-cancel` says so explicitly (`auto` resolved to false for a followed run).
 */
async function attachToRun(client, settings, step, interrupter) {
    step.summary.followed = true;
    let run;
    try {
        run = await client.computations.get(settings.computationId, { signal: interrupter.signal });
    }
    catch (error) {
        if (interrupter.reason === 'cancel') {
            (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
        }
        if (error instanceof codeocean_errors/* CodeOceanApiError */.ER && error.status === 404) {
            throw new RunNotFoundError(settings.computationId, error);
        }
        throw error;
    }
    // Recorded from the id alone, before anything reads the rest of the answer (as for a started run).
    watchRun(run.id, settings.stopOnCancel);
    step.outputs.setComputation(run);
    step.summary.computation = run;
    lib_core.info(step.redact(`Following Code Ocean run ${(0,describe/* describeRun */.v)(run)}, which this step did not start ` +
        `(state: ${(0,untrusted/* inline */.mG)(run.state || 'unknown')}${age(run)})`));
    return run;
}

// EXTERNAL MODULE: ./src/report/checks/check-run.ts
var check_run = __webpack_require__(8442);
// EXTERNAL MODULE: ./src/lifecycle/run/check-backstop.ts
var check_backstop = __webpack_require__(8616);
// EXTERNAL MODULE: ./src/lifecycle/run/check-run.ts
var run_check_run = __webpack_require__(1786);
;// CONCATENATED MODULE: ./src/lifecycle/run/check-open.ts





/**
 * With `check-run`: makes the check run for `run`, in progress, on the commit the workflow
 * ran for, as soon as the run's id is known, and records it for the post step. Nothing
 * when not asked, after a cancel, or when GitHub refuses (a warning).
 */
async function openCheckRun(run, settings, step, cancel, env = process.env) {
    if (settings.checkToken === undefined || cancel.aborted)
        return;
    const headSha = (0,check_run/* checkHeadSha */.JI)(env);
    if (headSha === undefined) {
        lib_core.warning('Could not make a check run: the workflow names no commit (GITHUB_SHA). The step goes on.');
        return;
    }
    const checks = (0,run_check_run/* checkRunsFor */.IB)(settings.checkToken, step.redact, env);
    const target = settings.run?.target;
    const body = (0,check_run/* createCheckRunBody */.i2)({
        // The run's name may hold a secret the summary scrubs: so does the check's name, seen by all who read the repository.
        runName: step.redact(run.name ?? run.id),
        runId: run.id,
        headSha,
        startedAt: runBeganAt(run) ?? Date.now(),
        detailsUrl: step.summary.workflowRun,
        // A followed run does not say what it runs: its check carries no external_id.
        identity: target ? { kind: target.kind, target: target.id, run: run.id } : undefined
    });
    const id = await checks.create(body, AbortSignal.any([cancel, AbortSignal.timeout(run_check_run/* CHECK_CALL_MS */.P3)]));
    if (id === undefined)
        return;
    (0,check_backstop/* recordCheck */.Y$)(id, run.id);
    step.check = { id, runId: run.id, checks, settleWorkflow: settings.settleWorkflow };
    lib_core.info(`Made check run ${id} on commit ${headSha}.`);
}

// EXTERNAL MODULE: ./src/results/download.ts + 2 modules
var download = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/results/store-address.ts
var store_address = __webpack_require__(414);
;// CONCATENATED MODULE: ./src/lifecycle/polling/run-history.ts





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
            const reason = (0,untrusted/* inline */.mG)(request.redact((0,errors.errorMessage)(error)));
            lib_core.debug(`Could not list the earlier runs to estimate this run's length (${reason}); polling as plain auto.`);
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
    const assessment = assessRunLength(history, request.version);
    if ('why' in assessment) {
        lib_core.debug(`No estimate of the run's length: ${assessment.why}; polling as plain auto.`);
        return undefined;
    }
    const { estimate } = assessment;
    lib_core.debug(`Run length estimate from earlier runs (ms): ${JSON.stringify(estimate)}`);
    lib_core.info((0,untrusted/* inline */.mG)(describeEstimate(estimate, likelyEndWindow(estimate))));
    return estimate;
}

;// CONCATENATED MODULE: ./src/results/capture.ts





/** How long a capture may take to become ready before the step gives up on it. */
const CAPTURE_TIMEOUT_MS = 60 * 60_000;
/**
 * The tag a capture gets when `capture-tags` is empty: Code Ocean requires tags on a
 * new data asset, and every known client sends at least one, never `[]`.
 */
const DEFAULT_CAPTURE_TAG = 'github-actions';
/** A folder name for the data asset's mount, made from its name: `Nightly results` → `Nightly_results`. */
function mountFor(name) {
    const mount = name
        .trim()
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/^_+|_+$/g, '');
    return mount || 'results';
}
/** The body of POST /data_assets capturing all of a run's results. Pure. */
function captureParams(run, name, tags, origin) {
    return {
        name,
        mount: mountFor(name),
        tags: tags.length > 0 ? tags : [DEFAULT_CAPTURE_TAG],
        description: `Results of Code Ocean run ${run.name ? `'${run.name}' ` : ''}(${run.id})${origin ? `, captured by ${origin}` : ''}`,
        source: { computation: { id: run.id } }
    };
}
/**
 * Creates a data asset from the run's results and waits until Code Ocean reports it
 * `ready` (returned) or `failed` (thrown, with Code Ocean's reason).
 */
async function captureResults(dataAssets, params, options) {
    const now = options.now ?? Date.now;
    const { signal } = options;
    const sleep = options.sleep ?? ((ms) => (0,promises_.setTimeout)(ms, undefined, { signal }));
    const begin = now();
    let asset = await dataAssets.create(params, { signal });
    options.log(`Capturing the results as data asset '${params.name}' (${asset.id})`);
    while (asset.state !== 'ready' && asset.state !== 'failed') {
        if (now() - begin > (options.timeoutMs ?? CAPTURE_TIMEOUT_MS)) {
            throw new Error(`Data asset '${params.name}' (${asset.id}) was not ready after ${(0,format/* formatDuration */.a3)(now() - begin)}; it is still ${(0,untrusted/* inline */.mG)(asset.state || 'in an unknown state')} in Code Ocean.`);
        }
        try {
            await sleep(rules/* MIN_POLL_SECONDS */.Rj * 1000);
            signal?.throwIfAborted();
        }
        catch (error) {
            if (signal?.aborted)
                throw new errors.RequestAbortedError();
            throw error;
        }
        asset = await dataAssets.get(asset.id, { signal });
    }
    if (asset.state === 'failed') {
        throw new Error(`Code Ocean could not capture the results as data asset '${params.name}' (${asset.id}): ${(0,untrusted/* inline */.mG)(asset.failure_reason ?? 'no reason given')}`);
    }
    options.log(`Data asset '${params.name}' (${asset.id}) is ready (after ${(0,format/* formatDuration */.a3)(now() - begin)})`);
    return asset;
}

// EXTERNAL MODULE: ./src/results/listing.ts
var listing = __webpack_require__(1126);
// EXTERNAL MODULE: ./src/results/object-store.ts
var object_store = __webpack_require__(5415);
;// CONCATENATED MODULE: ./src/results/log-tail.ts



/** The result file holding a run's console output. */
const CONSOLE_LOG = 'output';
/** Characters kept of one console log line; the rest is cut, and the cut marked. */
const MAX_LOG_LINE_CHARS = 1_000;
/** Bytes asked of the end of the console log (`Range: bytes=-N`): enough for 100 full lines. */
const LOG_TAIL_BYTES = 128 * 1024;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/**
 * Keeps the last `max` lines of a text arriving in chunks, without holding all of it.
 * `\r\n`, `\n` and a lone `\r` all end a line: progress bars (tqdm) redraw with `\r`
 * alone, and each redraw is a line of its own. A line is kept to `maxChars`
 * characters, so one endless line costs no more memory than a short one.
 */
class LineTail {
    max;
    maxChars;
    lines = [];
    partial = '';
    /** Characters of the current line dropped past `maxChars`. */
    cut = 0;
    /** The last chunk ended in `\r`: a `\n` opening the next one belongs to it. */
    afterCR = false;
    constructor(max, maxChars = MAX_LOG_LINE_CHARS) {
        this.max = max;
        this.maxChars = maxChars;
    }
    push(chunk) {
        let start = 0;
        if (this.afterCR && chunk.startsWith('\n'))
            start = 1;
        this.afterCR = false;
        const breaks = /\r\n|\r|\n/g;
        breaks.lastIndex = start;
        for (let match = breaks.exec(chunk); match !== null; match = breaks.exec(chunk)) {
            this.append(chunk.slice(start, match.index));
            this.finishLine();
            start = match.index + match[0].length;
        }
        this.append(chunk.slice(start));
        this.afterCR = chunk.endsWith('\r');
    }
    end() {
        if (this.partial !== '' || this.cut > 0)
            this.finishLine();
        return [...this.lines];
    }
    append(text) {
        const room = this.maxChars - this.partial.length;
        if (text.length <= room)
            this.partial += text;
        else {
            this.partial += text.slice(0, Math.max(0, room));
            this.cut += text.length - Math.max(0, room);
        }
    }
    finishLine() {
        const marked = this.cut > 0 ? `${this.partial} … [${this.cut} more characters cut]` : this.partial;
        this.lines.push(marked.replace(ANSI, ''));
        if (this.lines.length > this.max)
            this.lines.shift();
        this.partial = '';
        this.cut = 0;
    }
}
/**
 * The line that best says why a run failed: the last line that reads like an error,
 * else the last line with some words in it (not a blank or a row of dashes).
 */
function lastMeaningfulLine(lines) {
    const telling = tellingIndex(lines);
    return telling < 0 ? undefined : lines[telling].trim();
}
/** Where lastMeaningfulLine's line is in `lines`, or -1: explainingLines shows the lines around it. */
function tellingIndex(lines) {
    const errorLike = lines.findLastIndex((line) => isMeaningful(line) && isErrorLike(line));
    return errorLike >= 0 ? errorLike : lines.findLastIndex(isMeaningful);
}
/** A line with some words in it: not a blank, nor a row of dashes. */
function isMeaningful(line) {
    return (line.match(/[A-Za-z0-9]/g) ?? []).length >= 3;
}
function isErrorLike(line) {
    return /(error|exception|fatal|failed|failure|traceback|panic)/i.test(line);
}
/** Lines shown before the telling line when nothing before it reads like an error: what the run was doing. */
const CONTEXT_LINES = 4;
/**
 * The lines of a failed run's console log that explain the failure, at most `max`: from
 * the first error-like line (a Python `Traceback`, say) shortly before the telling line
 * (lastMeaningfulLine), or else a few lines of context before it, through the lines
 * after it. A reader sees the error with its stack, not the 100 lines of the tail.
 */
function explainingLines(lines, max = 15) {
    const last = lines.findLastIndex((line) => line.trim() !== '');
    if (last < 0)
        return [];
    const kept = lines.slice(0, last + 1);
    let telling = tellingIndex(kept);
    if (telling < 0)
        telling = last;
    const earliest = Math.max(0, telling - max + 1);
    const firstError = kept.findIndex((line, i) => i >= earliest && i < telling && isErrorLike(line));
    const start = firstError >= 0 ? firstError : Math.max(0, telling - CONTEXT_LINES);
    return kept.slice(start, start + max);
}
/** Where a 206 answer's bytes begin in the file (`Content-Range: bytes 100-199/200`). */
function rangeStart(headers) {
    const value = headers['content-range'];
    const match = /^bytes (\d+)-/.exec(typeof value === 'string' ? value : '');
    return match ? Number(match[1]) : 0;
}
/**
 * Fetches the last lines of the run's console log (the result file `output`). Asks
 * only for its last LOG_TAIL_BYTES with a `Range` request; a store that ignores it
 * sends the whole file, which is streamed through a bounded tail, so a huge log is
 * never held whole. Either way the transfer has an overall deadline.
 */
async function fetchLogTail(source, runId, options = {}) {
    const { signal } = options;
    const url = await source.fileUrl(runId, CONSOLE_LOG, { signal });
    const ms = (0,object_store/* transferDeadlineMs */.OV)(options.size ?? 0);
    const deadline = AbortSignal.timeout(ms);
    const abort = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const { store, close } = (0,object_store/* objectStoreClient */.a2)(options.timeoutMs ?? 30_000, options.storeRules);
    try {
        const response = await store.get(url, { signal: abort, headers: { Range: `bytes=-${LOG_TAIL_BYTES}` } });
        // 416: an empty log has no last bytes to give.
        if (response.status === 416) {
            response.data.destroy();
            return [];
        }
        if (response.status !== 200 && response.status !== 206) {
            throw new Error(`the store answered HTTP ${response.status}: ${await (0,object_store/* storeError */.gl)(response.data)}`);
        }
        // The range most likely begins mid-line: that first piece is not a line of its own.
        const partFirst = response.status === 206 && rangeStart(response.headers) > 0;
        const maxLines = options.maxLines ?? 100;
        const tail = new LineTail(partFirst ? maxLines + 1 : maxLines);
        response.data.setEncoding('utf8');
        for await (const chunk of response.data)
            tail.push(chunk);
        const lines = tail.end();
        return partFirst ? lines.slice(1) : lines;
    }
    catch (error) {
        if (signal?.aborted)
            throw new errors.RequestAbortedError();
        if (deadline.aborted) {
            throw new Error(`the console log did not arrive within ${(0,format/* formatDuration */.a3)(ms)}`, { cause: error });
        }
        throw error;
    }
    finally {
        close();
    }
}

;// CONCATENATED MODULE: ./src/lifecycle/run/after-run.ts











/** Lines of the console log shown when a run fails. */
const LOG_TAIL_LINES = 100;
/** Where a capture says it came from: the workflow run, when known. */
function origin(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId } = env;
    return server && repo && runId ? `GitHub Actions ${server}/${repo}/actions/runs/${runId}` : 'GitHub Actions';
}
/** Prints the tail of a failed run's console log and annotates its telling line. */
async function showFailureLog(client, run, files, summary, fetch) {
    const { signal, storeRules } = fetch;
    if (files && !files.some((f) => f.path === CONSOLE_LOG)) {
        summary.notes.push("The run left no console log ('output') among its results.");
        return;
    }
    try {
        const size = files?.find((f) => f.path === CONSOLE_LOG)?.size;
        const lines = await fetchLogTail(client.results, run.id, { maxLines: LOG_TAIL_LINES, size, signal, storeRules });
        lib_core.startGroup(`Last ${lines.length} lines of the run's console log (${CONSOLE_LOG})`);
        try {
            // The run's own output: shown as it is, with the runner's command processing off.
            (0,untrusted/* printUntrusted */.Qi)(lines, (line) => lib_core.info(line));
        }
        finally {
            lib_core.endGroup();
        }
        // The summary and the comment lead with the lines that say why.
        summary.failureLog = explainingLines(lines);
        const telling = lastMeaningfulLine(lines);
        if (telling)
            lib_core.error((0,untrusted/* inline */.mG)(telling), { title: `Code Ocean run ${(0,untrusted/* inline */.mG)((0,caps/* capText */.yA)(run.name ?? run.id))} failed` });
    }
    catch (error) {
        if (signal?.aborted)
            return;
        lib_core.info(`Could not read the run's console log: ${(0,untrusted/* inline */.mG)((0,errors.errorMessage)(error).split('\n')[0])}`);
    }
}
/** A run without results: nothing to download or capture. */
function noResults(settings, summary, problems) {
    if (settings.downloadFolder)
        summary.notes.push('The run has no results, so nothing was downloaded.');
    if (settings.captureName)
        summary.notes.push('The run has no results, so nothing was captured.');
    return problems;
}
/** How many files a note names before it says "and N more". */
const LISTED_FILES = 10;
/** `paths` as a note lists them: the first few, quoted, then how many more. */
function listPaths(paths) {
    const shown = paths.slice(0, LISTED_FILES).map((path) => `"${(0,untrusted/* inline */.mG)(path)}"`);
    const more = paths.length - shown.length;
    return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}
/** What the rest of the phase will not do once `stage` was cut short. */
function skippedAfter(settings, stage) {
    const skipped = [];
    if (stage === 'earlier' && settings.downloadFolder)
        skipped.push('Nothing was downloaded.');
    if (settings.captureName)
        skipped.push(`The results were not captured as '${(0,untrusted/* inline */.mG)(settings.captureName)}'.`);
    return skipped;
}
/**
 * Notes what a cancel or the results-timeout cut short, and, for the timeout, what was
 * left undone (`undone`); true when it was cut short. A run out timeout is a problem:
 * the step did not deliver what it was asked to.
 */
function cutShort(phase, what, undone = () => []) {
    if (!phase.signal?.aborted)
        return false;
    const { notes } = phase.step.summary;
    if (phase.cancelled()) {
        notes.push(`The workflow was cancelled during ${what}; it was not finished.`);
        return true;
    }
    const minutes = phase.settings.resultsTimeoutMinutes;
    notes.push([`The results-timeout (${minutes} min) ran out during ${what}; it was not finished.`, ...undone()].join(' '));
    phase.problems.push(`The results-timeout ran out after ${(0,format/* formatDuration */.a3)(minutes * 60_000)} (results-timeout: ${minutes} min) during ${what}; the job summary says what was left undone.`);
    return true;
}
/**
 * Lists the run's results for the summary and the download. A failed listing is a
 * problem when there is a download, else only a warning (it feeds the summary alone):
 * `files` is then undefined.
 */
async function listResults(phase) {
    const { client, run, step, settings, signal } = phase;
    try {
        const files = await (0,listing/* listResultFiles */.F1)(client.results, run.id, { signal });
        step.summary.resultFiles = files;
        return { files, cutShort: false };
    }
    catch (error) {
        const undone = () => ['The results were not listed.', ...skippedAfter(settings, 'earlier')];
        if (cutShort(phase, 'the listing of the results', undone))
            return { cutShort: true };
        const message = `Could not list the run's results: ${(0,errors.errorMessage)(error)}`;
        if (settings.downloadFolder)
            phase.problems.push(message);
        else {
            lib_core.warning(message);
            step.summary.notes.push(message);
        }
        return { cutShort: false };
    }
}
/** Downloads the results `results-filter` keeps into `folder`; false when a cancel cut it short. */
async function after_run_download(phase, folder, files) {
    const { client, run, step, settings, signal } = phase;
    const keep = (0,listing/* resultFilter */.Y4)(settings.resultsFilter);
    const wanted = files.filter((f) => keep(f.path));
    const done = new Set();
    lib_core.info(`Downloading ${wanted.length} of ${files.length} result files (${(0,format/* formatBytes */.z3)(wanted.reduce((s, f) => s + f.size, 0))}) into ${(0,untrusted/* inline */.mG)(folder)}`);
    try {
        const report = await (0,download/* downloadResults */.X)(client.results, run.id, wanted, folder, {
            onProgress: (line) => lib_core.info(line),
            // Retry lines carry result paths and the object store's words.
            onRetry: (line) => lib_core.info((0,untrusted/* inline */.mG)(line)),
            workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
            storeRules: (0,store_address/* storeRulesFor */.CO)(settings.location.apiBase),
            onFileDone: (path) => done.add(path),
            signal
        });
        step.summary.download = report;
        step.outputs.set(names/* Output */.k7.ResultsPath, report.folder);
        step.outputs.set(names/* Output */.k7.ResultFiles, String(report.files));
        lib_core.info(`Downloaded ${report.files} files (${(0,format/* formatBytes */.z3)(report.bytes)}) into ${(0,untrusted/* inline */.mG)(report.folder)}`);
    }
    catch (error) {
        const undone = () => {
            const left = wanted.filter((f) => !done.has(f.path)).map((f) => f.path);
            return [
                `${left.length} of ${wanted.length} files were not downloaded: ${listPaths(left)}.`,
                ...skippedAfter(settings, 'download')
            ];
        };
        if (cutShort(phase, 'the download (partial files were removed)', undone))
            return false;
        phase.problems.push((0,errors.errorMessage)(error));
    }
    return true;
}
/** Captures a successful run's results as the data asset `name`; a run that did not succeed is only noted. */
async function capture(phase, verdict, name) {
    const { client, run, step, settings, signal } = phase;
    if (!verdict.succeeded) {
        step.summary.notes.push(`The run did not succeed, so its results were not captured as '${name}'.`);
        return;
    }
    try {
        const params = captureParams(run, name, settings.captureTags, origin(process.env));
        const asset = await captureResults(client.dataAssets, params, { log: (line) => lib_core.info((0,untrusted/* inline */.mG)(line)), signal });
        step.outputs.set(names/* Output */.k7.DataAssetId, asset.id);
        step.summary.dataAsset = { id: asset.id, name };
    }
    catch (error) {
        if (cutShort(phase, `the capture as data asset '${name}' (once created, it may still become ready in Code Ocean)`)) {
            return;
        }
        phase.problems.push((0,errors.errorMessage)(error));
    }
}
/**
 * The after-run phase's signal: a cancel, or the results-timeout running out. Each
 * request has its own deadline, but a server answering each one just inside it would
 * otherwise hold the job for as long as there are files.
 */
function boundedBy(minutes, cancel) {
    if (minutes <= 0)
        return cancel;
    // The input refuses minutes a timer cannot hold.
    const deadline = AbortSignal.timeout(minutes * 60_000);
    return cancel ? AbortSignal.any([cancel, deadline]) : deadline;
}
/**
 * What follows a finished run: its failure log, the results listing, the download
 * (after a failed run too: that is when results matter most) and the capture (after
 * success only), all within the results-timeout. Returns the problems met, for the
 * step's failure message.
 *
 * A cancel (`cancel`), or the results-timeout, ends whichever phase is under way at
 * once and skips the rest; the run itself is finished and is left as it is.
 */
async function afterRun(client, run, verdict, settings, step, cancel) {
    const signal = boundedBy(settings.resultsTimeoutMinutes, cancel);
    const cancelled = () => cancel?.aborted === true;
    const phase = { client, run, settings, step, signal, cancelled, problems: [] };
    const { summary } = step;
    // has_results is optional in Code Ocean's model: missing means "maybe", and the listing decides.
    const maybeResults = run.has_results === undefined;
    if (run.has_results === false)
        return noResults(settings, summary, phase.problems);
    let files;
    if (settings.summary || settings.downloadFolder || maybeResults) {
        const listing = await listResults(phase);
        if (listing.cutShort)
            return phase.problems;
        files = listing.files;
    }
    if (maybeResults && files?.length === 0)
        return noResults(settings, summary, phase.problems);
    if (!verdict.succeeded) {
        await showFailureLog(client, run, files, summary, { signal, storeRules: (0,store_address/* storeRulesFor */.CO)(settings.location.apiBase) });
    }
    if (cutShort(phase, "the reading of the run's console log", () => skippedAfter(settings, 'earlier'))) {
        return phase.problems;
    }
    if (settings.downloadFolder && files) {
        const finished = await after_run_download(phase, settings.downloadFolder, files);
        if (!finished)
            return phase.problems;
    }
    if (settings.captureName)
        await capture(phase, verdict, settings.captureName);
    return phase.problems;
}

;// CONCATENATED MODULE: ./src/lifecycle/run/release-runs.ts


/** Whether a run belongs to a release version: Code Ocean says so in `owner`, older servers only by the version run. */
function isReleaseRun(run, version) {
    return run.owner === rules/* RELEASE_OWNER */.wc || (run.owner === undefined && version !== undefined);
}
/** For a rename or stop refused with 403: why, when the run is a release version's; else ''. */
function releaseRefusalReason(error, run, version) {
    return error instanceof codeocean_errors/* CodeOceanApiError */.ER && error.status === 403 && isReleaseRun(run, version)
        ? rules/* RELEASE_RUNS_ADMIN_ONLY */.uA
        : '';
}

;// CONCATENATED MODULE: ./src/lifecycle/run/stop.ts









/**
 * A stop must be confirmed well within the runner's 7.5 s between SIGINT and SIGTERM,
 * with time left for the summary: two attempts of at most 1.5 s each, all within 4 s,
 * so a pause the server asks for (Retry-After) is waited for only when it fits. A stop
 * after the wait-timeout has no such hurry and gets the client's ordinary retries.
 */
const STOP_ON_CANCEL = { timeoutMs: 1_500, retries: 1, budgetMs: 4_000 };
/** Stops the run when the inputs ask for it; says what became of the run. */
async function stopIfAsked(why, client, run, settings) {
    const stop = why === 'cancel' ? settings.stopOnCancel : settings.stopOnTimeout;
    if (!stop) {
        settleRun();
        const choice = why === 'cancel' ? settings.stopChoices.cancel : settings.stopChoices.timeout;
        if (choice === 'hand-over') {
            return 'The run was left running: stop-on-timeout: hand-over hands it to a settle step through its check run, and this step has none (see the warnings).';
        }
        // `auto` got here only for a followed run: say why, and how to stop one.
        return choice === 'auto'
            ? `The run was left running: this step did not start it (stop-on-${why}: auto stops only runs the step started; set it to true to stop followed runs too).`
            : `The run was left running (stop-on-${why}: false).`;
    }
    try {
        await client.computations.delete(run.id, why === 'cancel' ? STOP_ON_CANCEL : {});
        settleRun();
        return `The run was stopped (${rules/* STOP_MEANS_DELETE */.sg}).`;
    }
    catch (error) {
        // After a cancel the post step tries again; after a timeout nobody would.
        if (why === 'timeout')
            settleRun();
        // A release version's run: only an admin may stop it; say so plainly.
        const release = releaseRefusalReason(error, run, settings.run?.version);
        return (`The run could not be stopped: ${(0,untrusted/* inline */.mG)((0,errors.errorMessage)(error).split('\n')[0])}${release ? ` ${release}` : ''}` +
            (why === 'cancel' ? ' The post step will try again.' : ' It may still be running in Code Ocean.'));
    }
}
/**
 * `stop-on-timeout: hand-over` at the wait-timeout: the run is left running, the post
 * step leaves it alone, and the step ends as `started` (as `wait: false` does) without
 * failing; its check run stays in progress (closeCheckRun) until a settle step completes it.
 */
function handOver(run, settings, step) {
    settleRun();
    (0,lifecycle_step/* setStatus */.Lx)(step, 'started');
    step.handedOver = true;
    const line = `Handed Code Ocean run ${(0,describe/* describeRun */.v)(run)} (last state: ${(0,untrusted/* inline */.mG)(run.state || 'unknown')}) over to a settle step ` +
        `after ${(0,format/* formatDuration */.a3)(settings.waitTimeoutMinutes * 60_000)} (wait-timeout: ${settings.waitTimeoutMinutes} min, ` +
        'stop-on-timeout: hand-over): the run was left running, and its check run stays in progress until a settle step ' +
        '(settle: true) completes it.';
    step.summary.notes.push(line);
    lib_core.notice(step.redact(line));
}
/**
 * Ends a wait cut short by a cancel or the wait-timeout: hands the run over to a settle
 * step when asked and it has a check run; otherwise stops the run if asked, and fails the
 * step saying what happened.
 */
async function endEarly(why, client, run, settings, step) {
    if (why === 'timeout' && settings.handOverOnTimeout && step.check !== undefined) {
        handOver(run, settings, step);
        return;
    }
    (0,lifecycle_step/* setStatus */.Lx)(step, why === 'cancel' ? 'cancelled' : 'timed-out');
    const fate = await stopIfAsked(why, client, run, settings);
    const subject = `Code Ocean run ${(0,describe/* describeRun */.v)(run)} (last state: ${(0,untrusted/* inline */.mG)(run.state || 'unknown')})`;
    (0,lifecycle_step/* failStep */.vy)(step, why === 'cancel'
        ? `The workflow was cancelled while waiting for ${subject}. ${fate}`
        : `Timed out after ${(0,format/* formatDuration */.a3)(settings.waitTimeoutMinutes * 60_000)} (wait-timeout: ${settings.waitTimeoutMinutes} min) waiting for ${subject}. ${fate}`);
}

;// CONCATENATED MODULE: ./src/lifecycle/run/follow.ts














/**
 * With `poll-interval: auto`: how long the run will likely take, from the target's
 * earlier runs. It runs alongside the wait.
 */
function estimateLater(client, run, settings, step, signal) {
    const { target, version } = settings.run;
    const request = { target, started: run, version, listed: step.targetRuns, redact: step.redact };
    return estimateFromEarlierRuns(client.targets, request, signal);
}
/** Waits for the run to end, unless a cancel or the wait-timeout comes first. */
function waitForEnd(client, run, settings, step, interrupter) {
    if (interrupter.reason)
        throw new errors.RequestAbortedError();
    // The listing of earlier runs ends with the wait, should it still be going.
    const listing = new AbortController();
    const signal = AbortSignal.any([interrupter.signal, listing.signal]);
    // A followed run's target is unknown (a run does not name it): no earlier runs to go by.
    const estimate = settings.pollInterval === 'auto' && settings.run !== undefined
        ? estimateLater(client, run, settings, step, signal)
        : undefined;
    return waitForCompletion(client.computations, run, {
        estimateLater: estimate,
        interval: settings.pollInterval,
        // A followed run may be hours old already: `auto` polls it as the age it is.
        startedAt: settings.computationId === undefined ? undefined : runBeganAt(run),
        // Each line carries the server's words (states, errors): kept to one line, never a command.
        log: (line) => lib_core.info((0,untrusted/* inline */.mG)(step.redact(line))),
        warn: (line) => lib_core.warning((0,untrusted/* inline */.mG)(step.redact(line))),
        onUpdate: (c) => {
            lib_core.debug((0,untrusted/* inline */.mG)(step.redact(`Computation: ${(0,preview/* preview */.VH)(c.raw, preview/* DEBUG_PREVIEW_CHARS */.fN)}`)));
            step.summary.computation = c;
            step.outputs.setComputation(c);
        },
        signal: interrupter.signal
    }).finally(() => listing.abort());
}
/** Reports the verdict, and what the after-run phase could not deliver. */
function conclude(verdict, problems, step) {
    if (verdict.succeeded && problems.length === 0) {
        lib_core.info((0,untrusted/* inline */.mG)(step.redact(verdict.message)));
        return;
    }
    if (verdict.succeeded) {
        // The run itself succeeded, but the step did not deliver all it was asked to.
        (0,lifecycle_step/* setStatus */.Lx)(step, 'failed');
    }
    // The summary's line about the run already gives the verdict: it shows only what the step could not do.
    const shown = problems.length === 0 ? undefined : [`The step could not do all it was asked:`, ...problems].join('\n');
    (0,lifecycle_step/* failStepShowing */.sW)(step, [verdict.succeeded ? `${verdict.message}, but:` : verdict.message, ...problems].join('\n'), shown);
}
/**
 * A cancel that came once the run had finished: the run is left as it is (stopping
 * would delete it and its results), and the step ends as cancelled.
 */
function cancelledAfterEnd(run, verdict, step) {
    (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
    (0,lifecycle_step/* failStep */.vy)(step, `The workflow was cancelled after Code Ocean run ${(0,describe/* describeRun */.v)(run)} had finished (${verdict.message}); ` +
        'the run was left as it is, and what was to follow it was cut short.');
}
/**
 * With `download-results`, how long a run goes on before the download worker is started
 * for it: a worker takes a tenth of a second or more to start, which a run of minutes
 * hides, while a run that ends within seconds would have it start beside its download
 * for nothing (most such downloads are small, and run without one). 10 s: past the
 * first look or two at a run that ends at once (the end-to-end tests' runs; started
 * after 2 s, the workers loaded that tier enough to fail its timing tests).
 */
const WARM_AFTER_MS = 10_000;
/** Follows a run (started by this step, or found by `computation-id`) to its end, judges it, and handles its results. */
async function followRun(client, run, settings, step, interrupter) {
    // The download worker starts while the run goes on, so the download need not wait for it.
    const warming = settings.downloadFolder
        ? setTimeout(() => (0,download/* prepareForDownload */.D)({ storeRules: (0,store_address/* storeRulesFor */.CO)(settings.location.apiBase) }), WARM_AFTER_MS)
        : undefined;
    let finished;
    try {
        finished = await waitForEnd(client, run, settings, step, interrupter);
    }
    catch (error) {
        if (error instanceof errors.RequestAbortedError && interrupter.reason) {
            await endEarly(interrupter.reason, client, step.summary.computation ?? run, settings, step);
            return;
        }
        // Not a cancel: leave the run as it is; the post step must not stop it either.
        settleRun();
        throw error;
    }
    finally {
        clearTimeout(warming);
    }
    settleRun();
    const verdict = (0,lifecycle_verdict/* judge */.S)(finished);
    (0,lifecycle_step/* setStatus */.Lx)(step, verdict.status);
    const problems = await afterRun(client, finished, verdict, settings, step, interrupter.cancelSignal);
    if (interrupter.cancelSignal.aborted)
        cancelledAfterEnd(finished, verdict, step);
    else
        conclude(verdict, problems, step);
}

// EXTERNAL MODULE: ./src/codeocean/client.ts + 9 modules
var client = __webpack_require__(1579);
// EXTERNAL MODULE: ./src/codeocean/computations-api.ts
var computations_api = __webpack_require__(6092);
// EXTERNAL MODULE: ./src/codeocean/models/run-request.ts
var run_request = __webpack_require__(4845);
;// CONCATENATED MODULE: ./src/lifecycle/adopt/adopt-match.ts
/**
 * The slowest listing whose `Date` header still reads the server's clock closely enough:
 * the header was written somewhere between the asking and the answer, so a run up to
 * this long (plus the header's and `created`'s whole seconds) before the start could
 * still look like one created after it.
 */
const CLOCK_READING_LIMIT_MS = 5_000;
/** How many looks at the listing a run must have been judged on before it is followed. */
const LOOKS_BEFORE_ADOPTING = 2;
/** The request fields a Computation reports, by the name it reports them under. */
const REPORTED_FIELDS = ['data_assets', 'parameters', 'processes', 'nextflow_profile'];
/** What the looks so far say about the run the start may have created; see StartVerdict. */
function judgeStart(evidence) {
    const latest = evidence.looks.at(-1);
    if (latest === undefined)
        return { kind: 'look-again' };
    const since = windowStart(evidence);
    if (typeof since === 'string')
        return { kind: 'cannot-compare', reason: since };
    if (latest.runs.some((run) => createdAtMs(run) === undefined)) {
        return { kind: 'cannot-compare', reason: 'the listed runs do not say when they were created' };
    }
    const recent = (look) => look.runs.filter((run) => (createdAtMs(run) ?? 0) >= since);
    const unreported = sentFields(evidence.request).find((name) => !recent(latest).some((run) => field(run.raw, name) != null));
    if (recent(latest).length > 0 && unreported !== undefined) {
        return { kind: 'cannot-compare', reason: `the listed runs do not report their ${unreported}` };
    }
    // Every run any look showed with our request: one that has gone since still made the picture unclear.
    const seen = new Map();
    for (const look of evidence.looks) {
        for (const run of recent(look))
            if (sameRequest(evidence.request, run.raw))
                seen.set(run.id, run);
    }
    const candidates = [...seen.values()];
    // With no request to compare, any run started without anything could be ours: never followed.
    const empty = sentFields(evidence.request).length === 0;
    if (candidates.length > 1)
        return empty ? { kind: 'empty-request', runs: candidates } : { kind: 'ambiguous', runs: candidates };
    if (evidence.looks.length < LOOKS_BEFORE_ADOPTING)
        return { kind: 'look-again' };
    const [only] = candidates;
    const listed = only === undefined ? undefined : latest.runs.find((run) => run.id === only.id);
    if (listed === undefined)
        return { kind: 'none' };
    return empty ? { kind: 'empty-request', runs: [listed] } : { kind: 'adopt', run: listed };
}
/**
 * The earliest `created` (ms) a run of the start may have, or why the clocks cannot say:
 * the whole second in which the start was sent, by the server's clock. The clock's offset
 * is read from each listing's `Date` (whole seconds, written before the answer came), so
 * it is at least `Date - received`; the largest of those is the closest safe reading.
 */
function windowStart(evidence) {
    const dated = evidence.looks.filter((look) => look.serverDate !== undefined && Number.isFinite(look.serverDate));
    if (dated.length === 0)
        return "Code Ocean's answer had no Date header to tell its clock by";
    const fastest = Math.min(...dated.map((look) => look.receivedAt - look.askedAt));
    if (!(fastest <= CLOCK_READING_LIMIT_MS)) {
        return `Code Ocean took over ${CLOCK_READING_LIMIT_MS / 1000} s to list the runs, too long to read its clock by`;
    }
    const offset = Math.max(...dated.map((look) => (look.serverDate ?? 0) - look.receivedAt));
    return Math.floor((evidence.sentAt + offset) / 1000) * 1000;
}
/**
 * When a run was created (ms), from `created` in Unix seconds; a value only milliseconds
 * can be (after the year 5138) is read as such. Undefined when it is missing or out of
 * any real range, so that no arithmetic on it can overflow.
 */
function createdAtMs(run) {
    const created = run.created;
    if (created === undefined || !Number.isFinite(created) || created < 0 || created >= 1e14)
        return undefined;
    return created >= 1e11 ? created : created * 1000;
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
 * `param_name`, the key sent. `name` is a display label (the app panel's, or empty) and
 * counts only when a server leaves `param_name` out or empty, as older ones that echo
 * the key in `name` do.
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

;// CONCATENATED MODULE: ./src/lifecycle/adopt/adopt.ts
/**
 * After a start that failed once the request had gone out (a 5xx, a reset, a timeout),
 * looks among the target's runs for the run it may have started, instead of leaving
 * the user to. It never sends the start again: one step never starts two runs.
 */








/**
 * How long after the first look the second one comes. A run is never followed on a first
 * look: a busy server may create this step's run after the action gave up on the start
 * (its deadline is 30 s; a start answered at 35 s creates the run then), and a run that
 * looked alone may then have company. Long enough for a start taken in just before the
 * deadline to have been created; the listing closes the window at the second look.
 */
const SECOND_LOOK_AFTER_MS = 10_000;
/** Retries of each listing: the server has just failed once, and a cancel must not wait long. */
const LISTING_RETRIES = 2;
/** How many candidates a message names; the rest are counted. */
const LISTED_CANDIDATES = 5;
/** How much of a candidate's name or owner a message shows. */
const SHOWN_CHARS = 80;
/**
 * The run a failed start may have created: the one run of the target created since the
 * start with our request, on two looks SECOND_LOOK_AFTER_MS apart. Otherwise throws:
 * several candidates, or any for a request that sets nothing to compare, are named (up to
 * LISTED_CANDIDATES); none is said; a listing that fails or cannot tell falls back to the
 * start's own message, which tells the user to look.
 */
async function findAdoptableRun(targets, start) {
    const { kind } = start.target;
    const why = (0,untrusted/* inline */.mG)((0,redact.redactRegistered)(start.failure.message.split('\n')[0] ?? ''));
    lib_core.info(`The start request failed after it was sent (${why}); looking for the run among the ${kind}'s runs.`);
    const looks = [await look(targets, start)];
    let verdict = judgeStart({ request: start.request, sentAt: start.sentAt, looks });
    while (verdict.kind === 'look-again') {
        await pause(start);
        looks.push(await look(targets, start));
        verdict = judgeStart({ request: start.request, sentAt: start.sentAt, looks });
    }
    if (verdict.kind === 'adopt')
        return { run: verdict.run, evidence: evidenceOf(verdict.run, kind) };
    throw fail(start, refusal(verdict, kind));
}
/**
 * The settings for a run followed after a failed start: as for any run the step did not
 * start, `auto` stops it on neither a cancel nor the wait-timeout; only `true` does.
 */
function adoptedSettings(settings) {
    return {
        ...settings,
        stopOnCancel: settings.stopChoices.cancel === true,
        stopOnTimeout: settings.stopChoices.timeout === true
    };
}
/** What the log and the summary say of a followed run: how it was found, and what the step will not do to it. */
function adoptionNotes(adoption, settings) {
    const stop = settings.stopChoices.cancel === true;
    return [
        `Adopted run ${adopt_describe(adoption.run)}: the start request failed, and ${adoption.evidence}.`,
        "Nothing in Code Ocean's answers proves that this step's start created it, so it keeps its name" +
            (settings.runName ? ' (run-name is not applied)' : '') +
            (stop
                ? ', and stop-on-cancel: true stops it on a cancel.'
                : ', and a cancel leaves it running (stop-on-cancel: true would stop it).')
    ];
}
/** Why no run is followed, with the candidates there were. */
function refusal(verdict, kind) {
    switch (verdict.kind) {
        case 'cannot-compare':
            return `The action could not tell from the ${kind}'s runs whether one is this step's: ${verdict.reason}.`;
        case 'none':
            return `No run started by this step was found among the ${kind}'s runs (looked twice, ${SECOND_LOOK_AFTER_MS / 1000} s apart).`;
        case 'ambiguous':
            return (`${verdict.runs.length} runs of the ${kind} created since the start have this step's request: ` +
                `${listCandidates(verdict.runs)}. The action cannot tell which, if any, is this step's, so it follows none.`);
        case 'empty-request':
            return ('The request sets no data assets, parameters, processes or Nextflow profile, so any run of the ' +
                `${kind} started without them could be this step's; created since the start: ${listCandidates(verdict.runs)}. ` +
                "The action cannot tell which, if any, is this step's, so it follows none.");
    }
}
/** What a followed run was found by: said in the log and the summary. */
function evidenceOf(run, kind) {
    const owner = adopt_text(run.raw.owner_email) ?? run.owner;
    return (`it is the one run of the ${kind} created since the start (by Code Ocean's clock) with this step's request, ` +
        `on two looks ${SECOND_LOOK_AFTER_MS / 1000} s apart` +
        (owner === undefined ? '' : ` (owner: ${adopt_shown(owner)})`));
}
/** At most LISTED_CANDIDATES runs, each as `'name' (id, created …)`, then how many more. */
function listCandidates(runs) {
    return (0,caps/* joinCapped */.Ax)(runs.map((run) => adopt_describe(run, true)), LISTED_CANDIDATES);
}
/** A run as `'name' (id)`, with when it was created if asked: every part from outside, so each shown(). */
function adopt_describe(run, withCreated = false) {
    const at = withCreated ? createdAtMs(run) : undefined;
    const created = at === undefined ? '' : `, created ${new Date(at).toISOString()}`;
    return `${run.name ? `'${adopt_shown(run.name)}' ` : ''}(${adopt_shown(run.id)}${created})`;
}
/** Outside text in a message: its first SHOWN_CHARS characters, on one line, inert. */
function adopt_shown(value) {
    return (0,untrusted/* inline */.mG)((0,caps/* capText */.yA)(value, SHOWN_CHARS));
}
function adopt_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** One listing, with its clocks; a listing that fails ends the look with the start's own message. */
async function look(targets, start) {
    const askedAt = Date.now();
    let listing;
    try {
        listing = await targets.listRuns(start.target, { signal: start.signal, retries: LISTING_RETRIES });
    }
    catch (error) {
        if (start.signal.aborted)
            throw start.failure;
        throw fail(start, `Looking for the run among the ${start.target.kind}'s runs failed too: ${(0,errors.errorMessage)(error)}`);
    }
    start.onListing?.(listing.runs);
    const clock = listing.serverDate === undefined ? 'no Date header' : new Date(listing.serverDate).toISOString();
    lib_core.debug(`Listed ${listing.runs.length} runs of the ${start.target.kind}; the server's clock: ${clock}`);
    return { askedAt, receivedAt: listing.receivedAt, serverDate: listing.serverDate, runs: listing.runs };
}
async function pause(start) {
    try {
        await (0,promises_.setTimeout)(SECOND_LOOK_AFTER_MS, undefined, { signal: start.signal });
    }
    catch {
        throw start.failure;
    }
}
function fail(start, finding) {
    return new NotAdoptedError(`${start.failure.message}\n${finding}`);
}

;// CONCATENATED MODULE: ./src/lifecycle/run/start.ts












/** A client for the deployment the inputs name, whose retries are told in the log. */
function connect(settings, step) {
    lib_core.debug(`API base: ${settings.location.apiBase}; wait: ${settings.wait}; poll-interval: ${settings.pollInterval}; wait-timeout: ${settings.waitTimeoutMinutes} min`);
    return new client/* CodeOceanClient */.x({
        apiBase: settings.location.apiBase,
        token: settings.token,
        onRetry: (message) => lib_core.info((0,untrusted/* inline */.mG)(step.redact(message)))
    });
}
/**
 * Renames the run and returns it as it now is; a failure here must not fail a run
 * that has started, so it is only a warning.
 */
async function renameRun(client, run, name, version, step) {
    try {
        await client.computations.rename(run.id, name);
    }
    catch (error) {
        const release = releaseRefusalReason(error, run, version);
        lib_core.warning(step.redact(`Could not name the run '${(0,untrusted/* inline */.mG)(name)}'; it keeps the name '${(0,untrusted/* inline */.mG)((0,caps/* capText */.yA)(run.name ?? run.id))}'. ${(0,errors.errorMessage)(error)}` +
            (release ? `\n${release}` : '')));
        return run;
    }
    const renamed = { ...run, name, raw: { ...run.raw, name } };
    step.outputs.setComputation(renamed);
    lib_core.info(`Named the run '${(0,untrusted/* inline */.mG)(name)}'`);
    return renamed;
}
/**
 * How long a start may still take after a cancel. Cutting a start short at once could
 * leave a run nobody knows about, while an answer that comes in this time gives the
 * run's id, so the cancel can stop it. Waiting out the start's whole 30 s deadline
 * instead would outlast the runner's 10 s from SIGINT to SIGKILL, and a killed step
 * writes no summary and says nothing of the run; so after this grace the start is
 * given up, and the step says a run may have started, with time left to end well.
 */
const START_GRACE_AFTER_CANCEL_MS = 3_000;
/** A signal that aborts `graceMs` after `cancel` does. */
function graceAfter(cancel, graceMs) {
    const controller = new AbortController();
    let timer;
    const onCancel = () => {
        timer = setTimeout(() => controller.abort(), graceMs);
    };
    if (cancel.aborted)
        onCancel();
    else
        cancel.addEventListener('abort', onCancel, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            cancel.removeEventListener('abort', onCancel);
        }
    };
}
/** Sends the start; a cancel meanwhile gives it a short grace (see START_GRACE_AFTER_CANCEL_MS). */
async function sendStart(client, body, interrupter) {
    const grace = graceAfter(interrupter.signal, START_GRACE_AFTER_CANCEL_MS);
    try {
        return await client.computations.start(body, { signal: grace.signal });
    }
    finally {
        grace.dispose();
    }
}
/**
 * The run the start created: its answer, or, when the start failed after the request
 * went out, the one run Code Ocean lists with our request since the start, on two looks
 * (see adopt.ts). Never sends the start again.
 */
async function startOrAdopt(client, settings, body, step, interrupter) {
    const sentAt = Date.now();
    try {
        try {
            return { run: await sendStart(client, body, interrupter) };
        }
        catch (error) {
            if (interrupter.reason === 'cancel' || !(0,computations_api/* mayHaveStartedRun */.C)(error))
                throw error;
            const failure = error;
            const target = settings.run.target;
            const adoption = await findAdoptableRun(client.targets, {
                request: body,
                target,
                sentAt,
                failure,
                signal: interrupter.signal,
                // The wait's estimate of the run's length reads these runs instead of listing them again.
                onListing: (runs) => (step.targetRuns = runs)
            });
            return { run: adoption.run, adoption };
        }
    }
    catch (error) {
        if (interrupter.reason === 'cancel') {
            (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
        }
        throw error;
    }
}
/**
 * Starts the run, reports it at once (outputs first: they must survive a failed or
 * cancelled wait), hands it to the post step's backstop, and names it. A run adopted
 * after a failed start is not proven this step's: it is not named, and the settings
 * returned stop it only where the inputs say `true`.
 */
async function startRun(client, settings, step, interrupter) {
    const body = (0,run_request/* buildRunRequest */.b)(settings.run);
    step.summary.request = body;
    const { kind, id } = settings.run.target;
    lib_core.startGroup(`Starting ${kind} ${id} on ${settings.location.siteUrl}`);
    // Parameter values are outside text too (event text can reach them): one value per line, defused.
    for (const line of JSON.stringify(body, null, 2).split('\n'))
        lib_core.info((0,untrusted/* inline */.mG)(line));
    lib_core.endGroup();
    const { run, adoption } = await startOrAdopt(client, settings, body, step, interrupter);
    let started = run;
    const own = adoption === undefined ? settings : adoptedSettings(settings);
    if (settings.wait) {
        // From here the run is ours to look after: if this step dies, the post step stops it
        // (if asked). Recorded from the id alone, before anything reads the rest of the
        // answer, so that nothing in it can leave a started run neither followed nor stopped.
        watchRun(started.id, own.stopOnCancel);
    }
    step.outputs.setComputation(started);
    if (adoption !== undefined) {
        for (const line of adoptionNotes(adoption, settings)) {
            lib_core.info(step.redact(line));
            step.summary.notes.push(line);
        }
    }
    else {
        lib_core.info(step.redact(`Started Code Ocean run ${(0,describe/* describeRun */.v)(started)} of ${kind} ${(0,untrusted/* inline */.mG)(id)}`));
    }
    if (settings.runName && !interrupter.reason && adoption === undefined) {
        started = await renameRun(client, started, settings.runName, settings.run.version, step);
    }
    step.summary.computation = started;
    return { run: started, settings: own };
}
/** For `wait: false`: the step ends as soon as the run has started. */
function leaveRunning(step) {
    (0,lifecycle_step/* setStatus */.Lx)(step, 'started');
    lib_core.info('Not waiting for the run to finish (wait: false).');
}

;// CONCATENATED MODULE: ./src/lifecycle/run/phases.ts
/**
 * The phases that talk to Code Ocean, in one place for main.ts to load once the
 * inputs are good: a step that stops at an input error never loads the API client,
 * axios, or anything after them. It is the main bundle's one split: the others a
 * measurement could not tell from noise went (see CONTRIBUTING.md, "Start-up").
 */








/***/ })

};

//# sourceMappingURL=926.index.js.map