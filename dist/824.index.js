export const id = 824;
export const ids = [824];
export const modules = {

/***/ 5824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkBeforeStart: () => (/* binding */ checkBeforeStart)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/codeocean/api-errors.ts
var api_errors = __webpack_require__(9577);
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
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: ./src/inputs/nearest.ts
var nearest = __webpack_require__(3915);
;// CONCATENATED MODULE: ./src/inputs/app-panel-check.ts




/** value_type spellings that mean a number. */
const NUMERIC = /^(int|integer|number|numeric|float|double|decimal)$/i;
const INTEGER = /^(int|integer)$/i;
/** The declared name a mistyped one most likely meant, or undefined. */
function closestName(name, known) {
    // Compared without case, answered in the panel's own spelling.
    const folded = known.map((k) => k.toLowerCase());
    const guess = (0,nearest/* nearestTypo */.z)(name.toLowerCase(), folded);
    return guess === undefined ? undefined : known[folded.indexOf(guess)];
}
function didYouMean(name, known) {
    const guess = closestName(name, known);
    const list = known.length > 0 ? ` It declares: ${known.map(untrusted/* inline */.mG).join(', ')}.` : '';
    return (guess ? ` Did you mean '${(0,untrusted/* inline */.mG)(guess)}'?` : '') + list;
}
/** How a parameter is named in messages: its key, else its label, else its position. */
function label(p, index) {
    // Names come from the server: kept to one line, never a workflow command.
    return (0,untrusted/* inline */.mG)(p.param_name ?? p.name ?? `#${index + 1}`);
}
/** The problem with one value, or undefined when the panel allows it. */
function valueProblem(p, value) {
    if (p.value_options && !p.value_options.includes(value)) {
        const guess = closestName(value, p.value_options);
        const allowed = p.value_options.map(untrusted/* inline */.mG).join(', ');
        return `'${value}' is not one of the allowed values (${allowed})${guess ? `; did you mean '${(0,untrusted/* inline */.mG)(guess)}'?` : ''}`;
    }
    if (p.value_type && NUMERIC.test(p.value_type)) {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n))
            return `'${value}' is not a number (its type is ${p.value_type})`;
        if (INTEGER.test(p.value_type) && !Number.isInteger(n))
            return `'${value}' is not a whole number (its type is ${p.value_type})`;
        const low = p.minimum;
        const high = p.maximum;
        if ((low !== undefined && n < low) || (high !== undefined && n > high)) {
            const range = low !== undefined && high !== undefined
                ? `${low} to ${high}`
                : low !== undefined
                    ? `at least ${low}`
                    : `at most ${high}`;
            return `${value} is outside the allowed range (${range})`;
        }
    }
    if (p.pattern) {
        let pattern;
        try {
            pattern = new RegExp(`^(?:${p.pattern})$`, 'u');
        }
        catch {
            pattern = undefined; // a pattern we cannot read is not the user's mistake
        }
        if (pattern && !pattern.test(value))
            return `'${value}' does not match the pattern ${(0,untrusted/* inline */.mG)(p.pattern)}`;
    }
    return undefined;
}
function sampleValue(p) {
    return (0,untrusted/* inline */.mG)(p.value_options?.[0] ??
        p.default_value ??
        (p.value_type && NUMERIC.test(p.value_type) ? String(p.minimum ?? 1) : '…'));
}
function checkScope(scope, errors) {
    const { declared, prefix, owner } = scope;
    if (declared.length === 0)
        return; // nothing declared here: nothing to check against
    const fail = (input, problem, p) => {
        const sample = p ?? declared.find((d) => d.param_name) ?? declared[0];
        errors.push(new src_errors/* InputError */.dz(input, `${prefix}${problem}`, scope.example(label(sample, 0), sampleValue(sample))));
    };
    const names = declared.flatMap((p) => (p.param_name ? [p.param_name] : []));
    for (const given of scope.named) {
        const p = declared.find((d) => d.param_name === given.param_name);
        if (!p) {
            fail(scope.namedInput, `named parameter '${given.param_name}' is not declared in ${owner}.${didYouMean(given.param_name, names)}`);
            continue;
        }
        const problem = given.value === '' ? undefined : valueProblem(p, given.value);
        if (problem)
            fail(scope.namedInput, `named parameter '${given.param_name}': ${problem}`, p);
    }
    if (scope.ordered.length > declared.length) {
        fail(scope.orderedInput, `${scope.ordered.length} ordered parameters are given, but ${owner} declares ${declared.length}`);
    }
    scope.ordered.slice(0, declared.length).forEach((value, i) => {
        const problem = value === '' ? undefined : valueProblem(declared[i], value);
        if (problem)
            fail(scope.orderedInput, `parameter ${i + 1} (${label(declared[i], i)}): ${problem}`, declared[i]);
    });
    declared.forEach((p, i) => {
        if (!p.required || (p.default_value ?? '') !== '')
            return;
        const named = p.param_name ? scope.named.find((n) => n.param_name === p.param_name)?.value : undefined;
        const value = named ?? scope.ordered[i];
        if (value === undefined || value === '') {
            fail(p.param_name ? scope.namedInput : scope.orderedInput, `parameter '${label(p, i)}' is required by ${owner} and has no default; give it a value`, p);
        }
    });
}
function json(value) {
    return `'${JSON.stringify(value)}'`;
}
/** Errors for names and values, warnings for data assets; see PanelCheck. */
function checkAgainstAppPanel(spec, panel) {
    const errors = [];
    const warnings = [];
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
        example: (name, value) => `${names/* Input */.pd.NamedParameters}: ${json({ [name]: value })}`
    }, errors);
    if (kind === 'pipeline')
        checkProcesses(spec, panel, errors);
    warnings.push(...dataAssetWarnings(spec, panel));
    return { errors, warnings };
}
function checkProcesses(spec, panel, errors) {
    if (panel.processes.length === 0)
        return;
    const known = panel.processes.map((p) => p.name);
    const example = (process, name, value) => `${names/* Input */.pd.Processes}: ${json([{ name: process, named_parameters: { [name]: value } }])}`;
    for (const given of spec.processes ?? []) {
        const declared = panel.processes.find((p) => p.name === given.name);
        if (!declared) {
            errors.push(new src_errors/* InputError */.dz(names/* Input */.pd.Processes, `process '${given.name}' is not a process of this pipeline.${didYouMean(given.name, known)}`, `${names/* Input */.pd.Processes}: ${json([{ name: (0,untrusted/* inline */.mG)(closestName(given.name, known) ?? known[0]) }])}`));
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
            example: (name, value) => example(given.name, name, value)
        }, errors);
    }
    // A process left out of `processes` runs with its defaults: only a required one without a default is a problem.
    for (const declared of panel.processes) {
        if ((spec.processes ?? []).some((p) => p.name === declared.name))
            continue;
        checkScope({
            namedInput: names/* Input */.pd.Processes,
            orderedInput: names/* Input */.pd.Processes,
            prefix: `process '${(0,untrusted/* inline */.mG)(declared.name)}': `,
            owner: `process '${(0,untrusted/* inline */.mG)(declared.name)}' in the pipeline's app panel`,
            ordered: [],
            named: [],
            declared: declared.parameters,
            example: (name, value) => example((0,untrusted/* inline */.mG)(declared.name), name, value)
        }, errors);
    }
}
function dataAssetWarnings(spec, panel) {
    const warnings = [];
    const mounts = panel.dataAssets.flatMap((a) => (a.mount ? [a.mount] : []));
    for (const asset of spec.dataAssets ?? []) {
        if (asset.mount && mounts.length > 0 && !mounts.includes(asset.mount)) {
            const pipelineNote = spec.target.kind === 'pipeline'
                ? ' For a pipeline, the run uses the mount the pipeline already has for it.'
                : '';
            warnings.push(`Data asset ${asset.id} is to be mounted at '${asset.mount}', which the ${spec.target.kind}'s app panel does not list (it lists ${mounts.map(untrusted/* inline */.mG).join(', ')}).${pipelineNote}`);
        }
        const declared = panel.dataAssets.find((a) => a.id === asset.id);
        if (declared?.accessible === false) {
            warnings.push(`The ${spec.target.kind}'s app panel marks data asset ${asset.id}${declared.name ? ` (${(0,untrusted/* inline */.mG)(declared.name)})` : ''} as not accessible to the token's owner; the run may fail to attach it.`);
        }
    }
    return warnings;
}

// EXTERNAL MODULE: ./src/inputs/problems.ts
var problems = __webpack_require__(8925);
;// CONCATENATED MODULE: ./src/lifecycle/preflight.ts








/**
 * The pre-flight check: the request against the app panel of the capsule or pipeline,
 * before a run is spent on a mistyped name or an out-of-range value. Throws InputErrors
 * with every problem at once; warns about data assets. A panel that cannot be had, or
 * that declares nothing, skips the check with a one-line notice: it is a help, and
 * never the reason a run does not start.
 */
async function checkBeforeStart(client, settings) {
    const { target, version } = settings.run;
    const what = `${target.kind} ${target.id}${version === undefined ? '' : ` (version ${version})`}`;
    core/* info */.pq(`Checking the request against the app panel of ${what}`);
    let raw;
    try {
        raw = await client.appPanels.get(target, version);
    }
    catch (error) {
        // Unreachable Code Ocean, a certificate problem, a cancel: the start would meet them too.
        if (!(error instanceof api_errors/* CodeOceanApiError */.ER))
            throw error;
        if (error.status === 404) {
            core/* notice */.lm(`Parameters not checked: this Code Ocean has no app panel for ${what}.`);
        }
        else {
            core/* warning */.$e((0,untrusted/* inline */.mG)(`Parameters not checked: could not read the app panel of ${what}. ${(0,src_errors/* errorMessage */.gJ)(error)}`));
        }
        return;
    }
    core/* debug */.Yz((0,untrusted/* inline */.mG)(`App panel: ${(0,preview/* preview */.VH)(raw, preview/* DEBUG_PREVIEW_CHARS */.fN)}`));
    const panel = readAppPanel(raw);
    if (!declaresAnything(panel)) {
        core/* notice */.lm(`Parameters not checked: the app panel of ${what} declares no parameters, processes or data assets.`);
        return;
    }
    const { errors, warnings } = checkAgainstAppPanel(settings.run, panel);
    for (const warning of warnings)
        core/* warning */.$e((0,untrusted/* inline */.mG)(warning));
    if (errors.length > 0)
        throw new problems/* InputErrors */.G(errors);
    core/* info */.pq(`The request fits the app panel of ${what}.`);
}


/***/ })

};

//# sourceMappingURL=824.index.js.map