export const id = 593;
export const ids = [593];
export const modules = {

/***/ 9974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  afterRun: () => (/* binding */ afterRun)
});

// UNUSED EXPORTS: LOG_TAIL_LINES

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/codeocean/rules.ts
var rules = __webpack_require__(3346);
;// CONCATENATED MODULE: ./src/results/capture.ts



/** How long a capture may take to become ready before the step gives up on it. */
const CAPTURE_TIMEOUT_MS = 60 * 60_000;
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
        tags,
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
    const sleep = options.sleep ?? ((ms) => (0,promises_.setTimeout)(ms));
    const begin = now();
    let asset = await dataAssets.create(params);
    options.log(`Capturing the results as data asset '${params.name}' (${asset.id})`);
    while (asset.state !== 'ready' && asset.state !== 'failed') {
        if (now() - begin > (options.timeoutMs ?? CAPTURE_TIMEOUT_MS)) {
            throw new Error(`Data asset '${params.name}' (${asset.id}) was not ready after ${(0,format/* formatDuration */.a)(now() - begin)}; it is still ${asset.state || 'in an unknown state'} in Code Ocean.`);
        }
        await sleep(rules/* MIN_POLL_SECONDS */.R * 1000);
        asset = await dataAssets.get(asset.id);
    }
    if (asset.state === 'failed') {
        throw new Error(`Code Ocean could not capture the results as data asset '${params.name}' (${asset.id}): ${asset.failure_reason ?? 'no reason given'}`);
    }
    options.log(`Data asset '${params.name}' (${asset.id}) is ready (after ${(0,format/* formatDuration */.a)(now() - begin)})`);
    return asset;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(3581);
;// CONCATENATED MODULE: ./src/results/listing.ts


/**
 * Checks that a result path, as Code Ocean names it, stays inside the results folder:
 * relative, no `..`, no empty or `.` segments, no backslashes or NUL. Returns the
 * path's segments. A hostile or broken server must not make the action write
 * anywhere else.
 */
function safeResultPath(path) {
    const problem = (why) => {
        throw new Error(`Refused the result path "${path}": ${why}; nothing was written for it.`);
    };
    if (path === '')
        problem('it is empty');
    if (path.includes('\0'))
        problem('it contains a NUL byte');
    if (path.includes('\\'))
        problem('it contains a backslash');
    if (path.startsWith('/') || /^[a-zA-Z]:/.test(path))
        problem('it is absolute');
    const segments = path.split('/');
    for (const segment of segments) {
        if (segment === '..')
            problem('it climbs out of the results folder with ".."');
        if (segment === '' || segment === '.')
            problem('it has an empty or "." segment');
    }
    return segments;
}
/**
 * Compiles `results-filter`: newline-separated globs, `!` to exclude. A path is kept
 * when it matches an include (or there are none) and no exclude. Dotfiles match too.
 */
function resultFilter(patterns) {
    const includes = patterns.filter((p) => !p.startsWith('!'));
    const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const matches = (path, pattern) => (0,esm/* minimatch */.xF)(path, pattern, { dot: true });
    return (path) => (includes.length === 0 || includes.some((p) => matches(path, p))) && !excludes.some((p) => matches(path, p));
}
/**
 * Lists every result file: Code Ocean lists one folder per call, so folders are
 * walked breadth-first with a bounded number of listings in flight. Paths are
 * checked as they arrive; an unsafe one stops the walk.
 */
async function listResultFiles(lister, id, options = {}) {
    const limit = (0,p_limit/* default */.A)(options.concurrency ?? 8);
    const keep = options.keep ?? (() => true);
    const files = [];
    const seen = new Set();
    const walk = async (folder) => {
        const items = await limit(() => lister.list(id, folder));
        const subfolders = [];
        for (const item of items) {
            safeResultPath(item.path);
            if (item.type === 'folder') {
                // A server that lists a folder inside itself must not loop the walk forever.
                if (seen.has(item.path))
                    continue;
                seen.add(item.path);
                subfolders.push(walk(item.path));
            }
            else if (keep(item.path)) {
                files.push({ path: item.path, size: Number(item.size ?? 0) });
            }
        }
        await Promise.all(subfolders);
    };
    await walk('');
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./node_modules/axios/lib/axios.js + 66 modules
var axios = __webpack_require__(3237);
// EXTERNAL MODULE: ./src/codeocean/network-errors.ts
var network_errors = __webpack_require__(7503);
// EXTERNAL MODULE: ./src/codeocean/proxy.ts
var proxy = __webpack_require__(2197);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/results/object-store.ts






/**
 * An HTTP client for signed URLs: its own instance, with no auth and no base URL,
 * sharing nothing with the Code Ocean client, so the Code Ocean credentials can never
 * reach the object store. Bodies are streams, taken as they come (no decompression),
 * so sizes match the listing.
 */
function objectStoreClient(timeoutMs) {
    const agents = { http: new (external_node_http_default()).Agent({ keepAlive: true }), https: new (external_node_https_default()).Agent({ keepAlive: true }) };
    const store = axios/* default */.A.create({
        timeout: timeoutMs,
        responseType: 'stream',
        decompress: false,
        validateStatus: () => true,
        maxRedirects: 5,
        headers: { 'User-Agent': version/* USER_AGENT */._, 'Accept-Encoding': 'identity' },
        httpAgent: agents.http,
        httpsAgent: agents.https
    });
    // Proxies are axios's own, as for Code Ocean (see codeocean/proxy.ts). A store the
    // runner cannot reach, or whose certificate it refuses, gets words that say so; the
    // error stays the same object, with its code, for the caller's judgement.
    store.interceptors.response.use(undefined, (error) => {
        if (axios/* default */.A.isAxiosError(error) && error.config?.url !== undefined) {
            const url = error.config.url;
            const explained = (0,network_errors/* explainStoreFailure */.vz)({
                code: error.code,
                text: error.message,
                url,
                timeoutMs,
                proxy: (0,proxy/* proxyFor */.i)(url)
            });
            if (explained !== undefined)
                error.message = explained;
        }
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    });
    return {
        store,
        close: () => {
            agents.http.destroy();
            agents.https.destroy();
        }
    };
}
/** Reads the gist of an object store's error body (S3 sends XML with Code and Message). */
async function storeError(body) {
    let text = '';
    for await (const chunk of body) {
        text += String(chunk);
        if (text.length > 2000)
            break;
    }
    body.destroy();
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    return [code, message].filter(Boolean).join(': ') || text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

;// CONCATENATED MODULE: ./src/results/download.ts










/** A download that failed in a way another try with a fresh URL may fix. */
class TransientDownloadError extends Error {
}
/**
 * Downloads result files into `folder`, a bounded number at a time, each streamed to
 * disk under a temporary name and renamed once complete and of the listed size. The
 * signed URLs go to an object store, so the Code Ocean credentials are never sent
 * there. No file is written outside `folder`: unsafe paths, and folders inside it that
 * are links leading out, are refused.
 */
async function downloadResults(source, runId, files, folder, options = {}) {
    const attempts = options.attempts ?? 3;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const { store, close } = objectStoreClient(timeoutMs);
    await (0,external_node_fs_promises_.mkdir)(folder, { recursive: true });
    const root = await (0,external_node_fs_promises_.realpath)(folder);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    let doneFiles = 0;
    let doneBytes = 0;
    const started = Date.now();
    const progressEvery = options.progressEveryMs ?? 5_000;
    const progress = setInterval(() => {
        options.onProgress?.(`Downloaded ${doneFiles} of ${files.length} files (${(0,format/* formatBytes */.z)(doneBytes)} of ${(0,format/* formatBytes */.z)(total)}) in ${Math.round((Date.now() - started) / 1000)} s`);
    }, progressEvery);
    /** Resolves where a result goes, refusing anything that would land outside `root`. */
    const destination = async (path) => {
        const target = (0,external_node_path_.join)(root, ...safeResultPath(path));
        await (0,external_node_fs_promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        const parent = await (0,external_node_fs_promises_.realpath)((0,external_node_path_.dirname)(target));
        if (parent !== root && !parent.startsWith(root + external_node_path_.sep)) {
            throw new Error(`Refused the result path "${path}": a folder on its way is a link leading out of ${root}; nothing was written for it.`);
        }
        const existing = await (0,external_node_fs_promises_.lstat)(target).catch(() => undefined);
        if (existing?.isSymbolicLink() || existing?.isDirectory()) {
            throw new Error(`Refused the result path "${path}": ${(0,external_node_path_.relative)(root, target)} already exists as a ${existing.isDirectory() ? 'folder' : 'link'}; nothing was written for it.`);
        }
        return target;
    };
    const fetchOnce = async (file, target) => {
        const url = await source.fileUrl(runId, file.path);
        const partial = `${target}.part-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        try {
            let response;
            try {
                response = await store.get(url);
            }
            catch (error) {
                throw new TransientDownloadError(`could not fetch it: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
            if (response.status !== 200) {
                const why = `the store answered HTTP ${response.status}: ${await storeError(response.data)}`;
                // 403 is how an object store says a signed URL expired; a fresh one may do.
                if (response.status === 403 || response.status === 408 || response.status === 429 || response.status >= 500) {
                    throw new TransientDownloadError(why);
                }
                throw new Error(why);
            }
            try {
                await (0,external_node_stream_promises_.pipeline)(response.data, (0,external_node_fs_.createWriteStream)(partial));
            }
            catch (error) {
                throw new TransientDownloadError(`the transfer broke off: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
            const { size } = await (0,external_node_fs_promises_.stat)(partial);
            if (size !== file.size) {
                throw new TransientDownloadError(`got ${size} bytes where Code Ocean listed ${file.size}`);
            }
            await (0,external_node_fs_promises_.rename)(partial, target);
        }
        finally {
            await (0,external_node_fs_promises_.rm)(partial, { force: true });
        }
    };
    const fetchFile = async (file) => {
        const target = await destination(file.path);
        for (let attempt = 1;; attempt++) {
            try {
                await fetchOnce(file, target);
                doneFiles += 1;
                doneBytes += file.size;
                return;
            }
            catch (error) {
                if (!(error instanceof TransientDownloadError) || attempt >= attempts) {
                    throw new Error(`Could not download result "${file.path}": ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
                }
                options.onRetry?.(`Downloading result "${file.path}" failed (${(0,errors/* errorMessage */.gJ)(error)}); trying again with a fresh link (attempt ${attempt + 1} of ${attempts})`);
            }
        }
    };
    const limit = (0,p_limit/* default */.A)(options.concurrency ?? 8);
    let failure;
    try {
        // After a failure, files not yet begun are skipped, and those under way are let
        // finish, so nothing is still writing when this returns.
        await Promise.allSettled(files.map((file) => limit(async () => {
            if (failure !== undefined)
                return;
            await fetchFile(file).catch((error) => {
                failure ??= error;
            });
        })));
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the first failure exactly as it was caught
        if (failure !== undefined)
            throw failure;
    }
    finally {
        clearInterval(progress);
        close();
    }
    return { folder: root, files: doneFiles, bytes: doneBytes };
}

;// CONCATENATED MODULE: ./src/results/log-tail.ts

/** The result file holding a run's console output. */
const CONSOLE_LOG = 'output';
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** Keeps the last `max` lines of a text arriving in chunks, without holding all of it. */
class LineTail {
    max;
    lines = [];
    partial = '';
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        const parts = (this.partial + chunk).split(/\r?\n/);
        this.partial = parts.pop() ?? '';
        for (const line of parts)
            this.add(line);
    }
    end() {
        if (this.partial !== '')
            this.add(this.partial);
        this.partial = '';
        return [...this.lines];
    }
    add(line) {
        this.lines.push(line.replace(ANSI, ''));
        if (this.lines.length > this.max)
            this.lines.shift();
    }
}
/**
 * The line that best says why a run failed: the last line that reads like an error,
 * else the last line with some words in it (not a blank or a row of dashes).
 */
function lastMeaningfulLine(lines) {
    const meaningful = lines.map((l) => l.trim()).filter((l) => (l.match(/[A-Za-z0-9]/g) ?? []).length >= 3);
    const errorLike = meaningful.filter((l) => /(error|exception|fatal|failed|failure|traceback|panic)/i.test(l));
    return errorLike.at(-1) ?? meaningful.at(-1);
}
/**
 * Fetches the last lines of the run's console log (the result file `output`),
 * streaming it so a huge log is never held whole. Undefined when the run has none.
 */
async function fetchLogTail(source, runId, maxLines = 100, timeoutMs = 30_000) {
    const url = await source.fileUrl(runId, CONSOLE_LOG);
    const { store, close } = objectStoreClient(timeoutMs);
    try {
        const response = await store.get(url);
        if (response.status !== 200) {
            throw new Error(`the store answered HTTP ${response.status}: ${await storeError(response.data)}`);
        }
        const tail = new LineTail(maxLines);
        response.data.setEncoding('utf8');
        for await (const chunk of response.data)
            tail.push(chunk);
        return tail.end();
    }
    finally {
        close();
    }
}

;// CONCATENATED MODULE: ./src/lifecycle/after-run.ts








/** Lines of the console log shown when a run fails. */
const LOG_TAIL_LINES = 100;
/** Where a capture says it came from: the workflow run, when known. */
function origin(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId } = env;
    return server && repo && runId ? `GitHub Actions ${server}/${repo}/actions/runs/${runId}` : 'GitHub Actions';
}
/** Prints the tail of a failed run's console log and annotates its telling line. */
async function showFailureLog(client, run, files, summary) {
    if (files && !files.some((f) => f.path === CONSOLE_LOG)) {
        summary.notes.push('The run left no console log (`output`) among its results.');
        return;
    }
    try {
        const lines = await fetchLogTail(client.results, run.id, LOG_TAIL_LINES);
        core/* startGroup */.Oh(`Last ${lines.length} lines of the run's console log (${CONSOLE_LOG})`);
        for (const line of lines)
            core/* info */.pq(line);
        core/* endGroup */.N4();
        const telling = lastMeaningfulLine(lines);
        if (telling)
            core/* error */.z3(telling, { title: `Code Ocean run ${run.name ?? run.id} failed` });
    }
    catch (error) {
        core/* info */.pq(`Could not read the run's console log: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}`);
    }
}
/**
 * What follows a finished run: its failure log, the results listing, the download
 * (after a failed run too: that is when results matter most) and the capture (after
 * success only). Returns the problems met, for the step's failure message.
 */
async function afterRun(client, run, verdict, settings, step) {
    const { outputs, summary } = step;
    const problems = [];
    if (!run.has_results) {
        if (settings.downloadFolder)
            summary.notes.push('The run has no results, so nothing was downloaded.');
        if (settings.captureName)
            summary.notes.push('The run has no results, so nothing was captured.');
        return problems;
    }
    let files;
    if (settings.summary || settings.downloadFolder) {
        try {
            files = await listResultFiles(client.results, run.id);
            summary.resultFiles = files;
        }
        catch (error) {
            const message = `Could not list the run's results: ${(0,errors/* errorMessage */.gJ)(error)}`;
            // Without a download, the listing only feeds the summary: not worth failing for.
            if (settings.downloadFolder)
                problems.push(message);
            else {
                core/* warning */.$e(message);
                summary.notes.push(message);
            }
        }
    }
    if (!verdict.succeeded)
        await showFailureLog(client, run, files, summary);
    if (settings.downloadFolder && files) {
        const keep = resultFilter(settings.resultsFilter);
        const wanted = files.filter((f) => keep(f.path));
        core/* info */.pq(`Downloading ${wanted.length} of ${files.length} result files (${(0,format/* formatBytes */.z)(wanted.reduce((s, f) => s + f.size, 0))}) into ${settings.downloadFolder}`);
        try {
            const report = await downloadResults(client.results, run.id, wanted, settings.downloadFolder, {
                onProgress: (line) => core/* info */.pq(line),
                onRetry: (line) => core/* info */.pq(line)
            });
            summary.download = report;
            outputs.set(names/* Output */.k7.ResultsPath, report.folder);
            outputs.set(names/* Output */.k7.ResultFiles, String(report.files));
            core/* info */.pq(`Downloaded ${report.files} files (${(0,format/* formatBytes */.z)(report.bytes)}) into ${report.folder}`);
        }
        catch (error) {
            problems.push((0,errors/* errorMessage */.gJ)(error));
        }
    }
    if (settings.captureName) {
        if (!verdict.succeeded) {
            summary.notes.push(`The run did not succeed, so its results were not captured as '${settings.captureName}'.`);
        }
        else {
            try {
                const params = captureParams(run, settings.captureName, settings.captureTags, origin(process.env));
                const asset = await captureResults(client.dataAssets, params, { log: (line) => core/* info */.pq(line) });
                outputs.set(names/* Output */.k7.DataAssetId, asset.id);
                summary.dataAsset = { id: asset.id, name: settings.captureName };
            }
            catch (error) {
                problems.push((0,errors/* errorMessage */.gJ)(error));
            }
        }
    }
    return problems;
}


/***/ })

};

//# sourceMappingURL=593.index.js.map