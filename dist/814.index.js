export const id = 814;
export const ids = [814];
export const modules = {

/***/ 5814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareRun: () => (/* binding */ prepareRun)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/codeocean/api-errors.ts
var api_errors = __webpack_require__(9577);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/lifecycle/wait.ts
var wait = __webpack_require__(955);
;// CONCATENATED MODULE: ./src/lifecycle/data-assets-ready.ts






/** Asset look-ups in flight at once. */
const CONCURRENCY = 8;
/** Why an asset stops the run, with Code Ocean's own words. */
class NotUsable extends Error {
}
function label(asset) {
    return asset.name ? `'${asset.name}' (${asset.id})` : asset.id;
}
function lookupFailure(error, id) {
    if (error instanceof errors/* RequestAbortedError */.$1)
        return error;
    if (error instanceof api_errors/* CodeOceanApiError */.ER && error.status === 404) {
        return new NotUsable(`There is no data asset ${id} (or the token cannot see it): check the id in 'data-assets' and that the ` +
            `asset is shared with the token's owner. Code Ocean answered HTTP 404: ${(0,api_errors/* serverMessage */.x_)(error.body)}`);
    }
    if (error instanceof api_errors/* CodeOceanApiError */.ER && error.status === 403) {
        return new NotUsable(`The token may not read data asset ${id}: it needs the Data Asset Read scope (Account > Access Tokens). ` +
            `Code Ocean answered HTTP 403: ${(0,api_errors/* serverMessage */.x_)(error.body)}`);
    }
    return new NotUsable(`Could not look up data asset ${id}: ${(0,errors/* errorMessage */.gJ)(error)}`);
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
            throw new errors/* RequestAbortedError */.$1();
        let asset;
        try {
            asset = await source.get(id, { signal: options.signal });
        }
        catch (error) {
            throw lookupFailure(error, id);
        }
        if (asset.state === 'ready') {
            if (told)
                options.log(`Data asset ${label(asset)} is ready (after ${(0,format/* formatDuration */.a)(now() - begin)})`);
            return;
        }
        if (asset.state === 'failed') {
            throw new NotUsable(`Data asset ${label(asset)} failed in Code Ocean: ${asset.failure_reason ?? 'no reason given'}`);
        }
        const waited = now() - begin;
        const limitMs = options.timeoutMinutes * 60_000;
        if (limitMs > 0 && waited >= limitMs) {
            throw new NotUsable(`Data asset ${label(asset)} was still ${asset.state || 'not ready'} after ${(0,format/* formatDuration */.a)(waited)} (wait-timeout: ${options.timeoutMinutes})`);
        }
        if (!told) {
            options.log(`Data asset ${label(asset)} is ${asset.state || 'not ready'} (still being made); waiting until it is ready`);
            told = true;
        }
        try {
            await sleep((0,wait/* nextPollDelayMs */.Gc)(options.interval, waited), options.signal);
        }
        catch {
            throw new errors/* RequestAbortedError */.$1();
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
        if (!(error instanceof errors/* RequestAbortedError */.$1))
            stopOthers.abort();
        throw error;
    }))));
    const problems = outcomes.flatMap((o) => (o.status === 'rejected' && o.reason instanceof NotUsable ? [o.reason] : []));
    if (problems.length > 0) {
        throw new Error(`${problems.map((p) => p.message).join('\n')}\nThe run was not started: it needs every attached data asset ready.`);
    }
    const other = outcomes.find((o) => o.status === 'rejected');
    if (other?.status === 'rejected')
        throw other.reason;
}

// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/lifecycle/git-sync.ts




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
    if (error instanceof api_errors/* CodeOceanApiError */.ER) {
        return new Error(`${head}\nCode Ocean answered HTTP ${error.status}: ${(0,api_errors/* serverMessage */.x_)(error.body)}\n${likelyCause(error.status, target)}`, { cause: error });
    }
    return new Error(`${head}\n${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
}
/**
 * Syncs the capsule or pipeline with its linked Git repository, so the run gets the
 * code just pushed; Code Ocean also pushes its own new commits to the repository.
 */
async function syncWithGit(targets, target, step, signal) {
    core/* info */.pq(`Syncing ${target.kind} ${target.id} with its Git repository`);
    let result;
    try {
        result = await targets.sync(target, { signal });
    }
    catch (error) {
        if (error instanceof errors/* RequestAbortedError */.$1)
            throw error;
        throw syncFailure(error, target);
    }
    const line = describeSync(result);
    core/* info */.pq(line);
    step.summary.notes.push(line);
    step.outputs.set(names/* Output */.k7.GitPulled, String(result.pulled));
    step.outputs.set(names/* Output */.k7.GitPushed, String(result.pushed));
}

// EXTERNAL MODULE: ./src/codeocean/models/computation.ts
var computation = __webpack_require__(6635);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/report/describe.ts
var describe = __webpack_require__(313);
// EXTERNAL MODULE: ./src/lifecycle/verdict.ts
var verdict = __webpack_require__(9325);
;// CONCATENATED MODULE: ./src/lifecycle/resume.ts







/**
 * The runs an earlier attempt of this workflow run may have left to resume from:
 * this step's run name, ended without success; the most recent first.
 */
function resumeCandidates(runs, runName) {
    return runs
        .filter((run) => run.name === runName && (0,computation/* isTerminal */.Hd)(run.state) && !(0,verdict/* judge */.S)(run).succeeded)
        .sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
}
/** The newest candidate that still exists in Code Ocean (it may have been deleted since it was listed). */
async function firstExisting(source, candidates, signal) {
    for (const candidate of candidates) {
        try {
            return await source.computations.get(candidate.id, { signal });
        }
        catch (error) {
            if (error instanceof api_errors/* CodeOceanApiError */.ER && error.status === 404)
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
        core/* info */.pq((0,untrusted/* inline */.mG)((0,redact/* redactRegistered */.uM)(line)));
        notes.push(line);
    };
    if (attempt <= 1) {
        core/* info */.pq('resume-on-rerun: this is the first attempt of the workflow run, so there is nothing to resume.');
        return undefined;
    }
    if (runName === '') {
        say("resume-on-rerun: the run has no name to find an earlier attempt's run by, so the run starts fresh.");
        return undefined;
    }
    const runs = await source.targets.runs(target, { signal });
    const found = await firstExisting(source, resumeCandidates(runs, runName), signal);
    if (found === undefined) {
        say(`No earlier run named '${runName}' that did not succeed was found; the run starts fresh (attempt ${attempt}).`);
        return undefined;
    }
    say(`Resuming from run ${(0,describe/* describeRun */.v)(found)}, which an earlier attempt started (state ${found.state}, end status ${found.end_status ?? 'none'}).`);
    return found.id;
}

// EXTERNAL MODULE: ./src/lifecycle/step.ts + 1 modules
var lifecycle_step = __webpack_require__(4073);
;// CONCATENATED MODULE: ./src/lifecycle/prepare.ts







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
/**
 * What happens before the start, when the inputs ask for it: the Git sync first
 * (nothing else is sent before it), then the attached data assets must be ready,
 * then, on a re-run, the run to resume from is looked up. Any failure means no run
 * is started. Returns the settings the start goes by.
 */
async function prepareRun(client, settings, step, interrupter) {
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
                log: (line) => core/* info */.pq((0,untrusted/* inline */.mG)(step.redact(line))),
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
        if (error instanceof errors/* RequestAbortedError */.$1 || interrupter.reason === 'cancel') {
            (0,lifecycle_step/* setStatus */.Lx)(step, 'cancelled');
            throw new Error('The workflow was cancelled before the run started; no run was started.', { cause: error });
        }
        throw error;
    }
}


/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};

//# sourceMappingURL=814.index.js.map