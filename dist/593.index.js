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
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
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
            throw new Error(`Data asset '${params.name}' (${asset.id}) was not ready after ${(0,format/* formatDuration */.a)(now() - begin)}; it is still ${(0,untrusted/* inline */.mG)(asset.state || 'in an unknown state')} in Code Ocean.`);
        }
        try {
            await sleep(rules/* MIN_POLL_SECONDS */.Rj * 1000);
            signal?.throwIfAborted();
        }
        catch (error) {
            if (signal?.aborted)
                throw new errors/* RequestAbortedError */.$1();
            throw error;
        }
        asset = await dataAssets.get(asset.id, { signal });
    }
    if (asset.state === 'failed') {
        throw new Error(`Code Ocean could not capture the results as data asset '${params.name}' (${asset.id}): ${(0,untrusted/* inline */.mG)(asset.failure_reason ?? 'no reason given')}`);
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
// EXTERNAL MODULE: ./src/within.ts
var within = __webpack_require__(2664);
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
/** How deep the walk goes: folders nested deeper than this are not listed. */
const MAX_LISTING_DEPTH = 64;
/** Listing calls one walk may make: one per folder, so also the most folders it visits. */
const MAX_LISTING_CALLS = 10_000;
/** Result files one walk may collect. */
const MAX_RESULT_FILES = 100_000;
const LISTING_LIMITS = {
    depth: MAX_LISTING_DEPTH,
    calls: MAX_LISTING_CALLS,
    files: MAX_RESULT_FILES
};
/** The walk stopped at one of its limits; the results tree is larger (or deeper) than the action lists. */
class ListingLimitError extends Error {
    constructor(what) {
        super(`Stopped listing the run's results at a limit: ${what}. The action lists at most ${MAX_LISTING_DEPTH} folders deep, ` +
            `${MAX_LISTING_CALLS.toLocaleString('en-US')} folders and ${MAX_RESULT_FILES.toLocaleString('en-US')} files.`);
        this.name = 'ListingLimitError';
    }
}
function tooManyCalls(calls) {
    return new ListingLimitError(`it needs more than ${calls.toLocaleString('en-US')} listing calls (one per folder)`);
}
/** A long path, cut for a message. */
function shorten(path) {
    return path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-60)}` : path;
}
/**
 * Lists every result file: Code Ocean lists one folder per call, so folders are
 * walked breadth-first with a bounded number of listings in flight. Paths are
 * checked as they arrive; an unsafe one stops the walk. So does reaching a limit
 * on depth, calls or files, with a message that names it: a server whose tree keeps
 * branching must not keep the step listing for ever.
 */
async function listResultFiles(lister, id, options = {}) {
    const limits = { ...LISTING_LIMITS, ...options.limits };
    const limit = (0,p_limit/* default */.A)(options.concurrency ?? 8);
    const keep = options.keep ?? (() => true);
    // Aborted on the first failure too, so calls in flight end and no new ones begin.
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const files = [];
    const seen = new Set();
    let calls = 0;
    let failure;
    const list = (folder) => limit(async () => {
        if (signal.aborted)
            return undefined;
        calls += 1;
        if (calls > limits.calls)
            throw tooManyCalls(limits.calls);
        return lister.list(id, folder, { signal });
    });
    const take = (item) => {
        safeResultPath(item.path);
        if (item.type === 'folder') {
            // A server that lists a folder inside itself must not loop the walk forever.
            if (seen.has(item.path))
                return undefined;
            seen.add(item.path);
            // Each folder costs a call: more folders than calls would only queue work that cannot be done.
            if (seen.size >= limits.calls)
                throw tooManyCalls(limits.calls);
            const depth = item.path.split('/').length;
            if (depth > limits.depth) {
                throw new ListingLimitError(`a folder is nested more than ${limits.depth} folders deep ("${shorten(item.path)}")`);
            }
            return item.path;
        }
        if (!keep(item.path))
            return undefined;
        if (files.length >= limits.files) {
            throw new ListingLimitError(`there are more than ${limits.files.toLocaleString('en-US')} result files`);
        }
        // Code Ocean's model makes a file's size optional: such a file is still downloaded, and checked against its transfer.
        files.push(item.size === undefined ? { path: item.path, size: 0, sizeUnknown: true } : { path: item.path, size: item.size });
        return undefined;
    };
    const walk = async (folder) => {
        try {
            const items = await list(folder);
            if (items === undefined || signal.aborted)
                return;
            const subfolders = items.map(take).filter((path) => path !== undefined);
            await Promise.all(subfolders.map(walk));
        }
        catch (error) {
            failure ??= error;
            stop.abort();
        }
    };
    await walk('');
    if (options.signal?.aborted)
        throw new errors/* RequestAbortedError */.$1();
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the first failure exactly as it was caught
    if (failure !== undefined)
        throw failure;
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/axios/lib/axios.js + 64 modules
var axios = __webpack_require__(107);
// EXTERNAL MODULE: ./src/codeocean/network-errors.ts
var network_errors = __webpack_require__(7503);
// EXTERNAL MODULE: ./src/codeocean/proxy.ts
var proxy = __webpack_require__(2197);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/results/object-store.ts







/** A transfer from the object store gets at least this long, from request to last byte. */
const TRANSFER_DEADLINE_MS = 60_000;
/** …and for a large file, as long as it takes at this rate: 1 s per MB beyond the first 60 MB. */
const TRANSFER_MIN_BYTES_PER_SECOND = 1_000_000;
/** The overall deadline of one transfer of `bytes`: 60 s, or 1 s per MB beyond 60 MB. */
function transferDeadlineMs(bytes) {
    return Math.max(TRANSFER_DEADLINE_MS, Math.ceil((bytes / TRANSFER_MIN_BYTES_PER_SECOND) * 1000));
}
/** The store sent more bytes than the file can hold; retrying will not help. */
class OversizeError extends Error {
}
/**
 * Passes bytes through until more than `max` have come, then fails at once with
 * `message`, so a piped download stops one chunk past the limit, not at its end.
 */
function byteLimit(max, message) {
    let seen = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            seen += chunk.length;
            if (seen > max)
                done(new OversizeError(message()));
            else
                done(null, chunk);
        }
    });
}
/** The Content-Length an answer declares, if it declares one. */
function declaredLength(headers) {
    const value = headers['content-length'];
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const length = Number(value);
    return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}
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
 * are links leading out, are refused; so is a `folder` leading out of `workspace`.
 * Each transfer stops as soon as it exceeds the file's listed size or its deadline.
 */
async function downloadResults(source, runId, files, folder, options = {}) {
    const attempts = options.attempts ?? 3;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const deadlineFor = options.deadlineMs ?? transferDeadlineMs;
    const { signal } = options;
    const refuseIfOutside = () => {
        const why = options.workspace === undefined ? undefined : (0,within/* leadsOutOf */.tC)(folder, options.workspace);
        if (why !== undefined)
            throw new Error(`Refused to download into ${folder}: ${why}; nothing was written.`);
    };
    // Before anything is created, and again once the folder exists (a link may have appeared).
    refuseIfOutside();
    await (0,external_node_fs_promises_.mkdir)(folder, { recursive: true });
    refuseIfOutside();
    const root = await (0,external_node_fs_promises_.realpath)(folder);
    const { store, close } = objectStoreClient(timeoutMs);
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
    /** Why a transfer that broke off did: a cancel, its deadline, too many bytes, or the network (worth another try). */
    const brokenOff = (error, deadline, ms) => {
        if (signal?.aborted)
            return new errors/* RequestAbortedError */.$1();
        if (error instanceof OversizeError)
            return error;
        if (deadline.aborted) {
            return new Error(`it did not arrive within ${(0,format/* formatDuration */.a)(ms)} (60 s a file, or 1 s per MB beyond 60 MB)`);
        }
        return new TransientDownloadError(`the transfer broke off: ${(0,errors/* errorMessage */.gJ)(error)}`);
    };
    /** Bytes each file turned out to have: the listing may not have said. */
    const received = new Map();
    const fetchOnce = async (file, target) => {
        const url = await source.fileUrl(runId, file.path, { signal });
        const partial = `${target}.part-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        const ms = deadlineFor(file.size);
        const deadline = AbortSignal.timeout(ms);
        const abort = signal ? AbortSignal.any([signal, deadline]) : deadline;
        let limit = file.size;
        const tooBig = () => `the store sent more than the ${limit} bytes ${file.sizeUnknown ? 'it announced' : 'Code Ocean listed'}; the transfer was stopped`;
        try {
            let response;
            try {
                response = await store.get(url, { signal: abort });
            }
            catch (error) {
                const why = brokenOff(error, deadline, ms);
                throw why instanceof TransientDownloadError
                    ? new TransientDownloadError(`could not fetch it: ${(0,errors/* errorMessage */.gJ)(error)}`)
                    : why;
            }
            if (response.status !== 200) {
                const why = `the store answered HTTP ${response.status}: ${await storeError(response.data)}`;
                // 403 is how an object store says a signed URL expired; a fresh one may do.
                if (response.status === 403 || response.status === 408 || response.status === 429 || response.status >= 500) {
                    throw new TransientDownloadError(why);
                }
                throw new Error(why);
            }
            const declared = declaredLength(response.headers);
            // A file listed without a size is held to what the store announces, or, when it
            // announces nothing, only to the transfer's deadline.
            if (file.sizeUnknown)
                limit = declared ?? Number.POSITIVE_INFINITY;
            else if (declared !== undefined && declared > file.size) {
                response.data.destroy();
                throw new OversizeError(`the store announced ${declared} bytes where Code Ocean listed ${file.size}; nothing was kept`);
            }
            try {
                await (0,external_node_stream_promises_.pipeline)(response.data, byteLimit(limit, tooBig), (0,external_node_fs_.createWriteStream)(partial), { signal: abort });
            }
            catch (error) {
                throw brokenOff(error, deadline, ms);
            }
            const { size } = await (0,external_node_fs_promises_.stat)(partial);
            // --- Listed without a size: checked against Content-Length, or accepted when neither is known.
            const expected = file.sizeUnknown ? declared : file.size;
            if (expected !== undefined && size !== expected) {
                throw new TransientDownloadError(`got ${size} bytes where ${file.sizeUnknown ? 'the store announced' : 'Code Ocean listed'} ${expected}`);
            }
            received.set(file.path, size);
            // --- end of the check for files listed without a size.
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
                doneBytes += received.get(file.path) ?? file.size;
                return;
            }
            catch (error) {
                if (error instanceof errors/* RequestAbortedError */.$1)
                    throw error;
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
            if (failure !== undefined || signal?.aborted)
                return;
            await fetchFile(file).catch((error) => {
                failure ??= error;
            });
        })));
        if (signal?.aborted)
            throw new errors/* RequestAbortedError */.$1();
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
    const meaningful = lines.map((l) => l.trim()).filter((l) => (l.match(/[A-Za-z0-9]/g) ?? []).length >= 3);
    const errorLike = meaningful.filter((l) => /(error|exception|fatal|failed|failure|traceback|panic)/i.test(l));
    return errorLike.at(-1) ?? meaningful.at(-1);
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
    const ms = transferDeadlineMs(options.size ?? 0);
    const deadline = AbortSignal.timeout(ms);
    const abort = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const { store, close } = objectStoreClient(options.timeoutMs ?? 30_000);
    try {
        const response = await store.get(url, { signal: abort, headers: { Range: `bytes=-${LOG_TAIL_BYTES}` } });
        // 416: an empty log has no last bytes to give.
        if (response.status === 416) {
            response.data.destroy();
            return [];
        }
        if (response.status !== 200 && response.status !== 206) {
            throw new Error(`the store answered HTTP ${response.status}: ${await storeError(response.data)}`);
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
            throw new errors/* RequestAbortedError */.$1();
        if (deadline.aborted) {
            throw new Error(`the console log did not arrive within ${(0,format/* formatDuration */.a)(ms)}`, { cause: error });
        }
        throw error;
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
async function showFailureLog(client, run, files, summary, signal) {
    if (files && !files.some((f) => f.path === CONSOLE_LOG)) {
        summary.notes.push("The run left no console log ('output') among its results.");
        return;
    }
    try {
        const size = files?.find((f) => f.path === CONSOLE_LOG)?.size;
        const lines = await fetchLogTail(client.results, run.id, { maxLines: LOG_TAIL_LINES, size, signal });
        core/* startGroup */.Oh(`Last ${lines.length} lines of the run's console log (${CONSOLE_LOG})`);
        try {
            // The run's own output: shown as it is, with the runner's command processing off.
            (0,untrusted/* printUntrusted */.Qi)(lines, (line) => core/* info */.pq(line));
        }
        finally {
            core/* endGroup */.N4();
        }
        const telling = lastMeaningfulLine(lines);
        if (telling)
            core/* error */.z3((0,untrusted/* inline */.mG)(telling), { title: `Code Ocean run ${(0,untrusted/* inline */.mG)(run.name ?? run.id)} failed` });
    }
    catch (error) {
        if (signal?.aborted)
            return;
        core/* info */.pq(`Could not read the run's console log: ${(0,untrusted/* inline */.mG)((0,errors/* errorMessage */.gJ)(error).split('\n')[0])}`);
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
/**
 * What follows a finished run: its failure log, the results listing, the download
 * (after a failed run too: that is when results matter most) and the capture (after
 * success only). Returns the problems met, for the step's failure message.
 *
 * A cancel (`signal`) ends whichever phase is under way at once and skips the rest;
 * the run itself is finished and is left as it is.
 */
async function afterRun(client, run, verdict, settings, step, signal) {
    const { outputs, summary } = step;
    const problems = [];
    /** Notes what a cancel cut short; true when it did. */
    const cutShort = (what) => {
        if (!signal?.aborted)
            return false;
        summary.notes.push(`The workflow was cancelled during ${what}; it was not finished.`);
        return true;
    };
    // has_results is optional in Code Ocean's model: missing means "maybe", and the listing decides.
    const maybeResults = run.has_results === undefined;
    if (run.has_results === false)
        return noResults(settings, summary, problems);
    let files;
    if (settings.summary || settings.downloadFolder || maybeResults) {
        try {
            files = await listResultFiles(client.results, run.id, { signal });
            summary.resultFiles = files;
        }
        catch (error) {
            if (cutShort('the listing of the results'))
                return problems;
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
    if (maybeResults && files?.length === 0)
        return noResults(settings, summary, problems);
    if (!verdict.succeeded)
        await showFailureLog(client, run, files, summary, signal);
    if (cutShort("the reading of the run's console log"))
        return problems;
    if (settings.downloadFolder && files) {
        const keep = resultFilter(settings.resultsFilter);
        const wanted = files.filter((f) => keep(f.path));
        core/* info */.pq(`Downloading ${wanted.length} of ${files.length} result files (${(0,format/* formatBytes */.z)(wanted.reduce((s, f) => s + f.size, 0))}) into ${(0,untrusted/* inline */.mG)(settings.downloadFolder)}`);
        try {
            const report = await downloadResults(client.results, run.id, wanted, settings.downloadFolder, {
                onProgress: (line) => core/* info */.pq(line),
                // Retry lines carry result paths and the object store's words.
                onRetry: (line) => core/* info */.pq((0,untrusted/* inline */.mG)(line)),
                workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
                signal
            });
            summary.download = report;
            outputs.set(names/* Output */.k7.ResultsPath, report.folder);
            outputs.set(names/* Output */.k7.ResultFiles, String(report.files));
            core/* info */.pq(`Downloaded ${report.files} files (${(0,format/* formatBytes */.z)(report.bytes)}) into ${(0,untrusted/* inline */.mG)(report.folder)}`);
        }
        catch (error) {
            if (cutShort('the download (partial files were removed)'))
                return problems;
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
                const asset = await captureResults(client.dataAssets, params, {
                    log: (line) => core/* info */.pq((0,untrusted/* inline */.mG)(line)),
                    signal
                });
                outputs.set(names/* Output */.k7.DataAssetId, asset.id);
                summary.dataAsset = { id: asset.id, name: settings.captureName };
            }
            catch (error) {
                if (cutShort(`the capture as data asset '${settings.captureName}' (once created, it may still become ready in Code Ocean)`))
                    return problems;
                problems.push((0,errors/* errorMessage */.gJ)(error));
            }
        }
    }
    return problems;
}


/***/ })

};

//# sourceMappingURL=593.index.js.map