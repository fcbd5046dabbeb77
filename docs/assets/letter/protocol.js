// The contract between the letter page and its engine worker: every message,
// and the boot config, written once. worker.js and engine-client.js follow it.
//
// The page layer, docs/assets/letter/ (native ES modules, no bundler; the
// page preloads every module with <link rel="modulepreload">):
//   app.js            the entry: finds [data-letter-app], wires the parts, starts
//   engine-client.js  the worker's life: start or adopt, timeouts, one render in
//                     flight, the one engine state (starting | ready | failed); no DOM
//   engine-status.js  shows that state: the progress box, the failure box, data-engine
//   protocol.js       this contract
//   field-paths.js    field path <-> element id, the form -> letter_py's input (pure)
//   form.js           rows, role fields, the officials picker, the #city=… fragment
//   town-picker.js    "Your town": the combobox over the officials directory's towns
//   directory.js      the directory file, fetched once; matching towns, dates (pure)
//   officials.js      what choosing a town fills in: officials with their sources
//   preview.js        shows the letters, the email / printed-letter switch
//   own-words.js      the campaign's sentence starters, the visitor's own subject
//                     line, the gentle word while "In your own words" is empty
//   error-summary.js  the errors, at the top and by each field (GOV.UK manner)
//   actions.js        copy, download, email, webmail, the .ics reminder, print
//   friend.js         "Ask a friend to write too": share the page, never what was typed
//   remember.js       remembering the visitor's details (opt-in, localStorage)
//   announcer.js      the polite status region ("Copied")
//   strings.js        every visitor-facing string of the scripts, to translate
//   worker.js         letter_py under Pyodide in a module worker (not a page module)
//
// User text only ever travels as JSON data into letter_py.web.Engine.render;
// no Python source is built anywhere.

/**
 * The page's boot config: `<script type="application/json" id="letter-boot">`
 * in the head, built by scripts/site/hooks.py (boot_config). The head script
 * starts the worker from it at once; app.js reads it for a restart.
 * @typedef {object} Boot
 * @property {string} worker  worker.js, relative to the page
 * @property {EngineBoot} engine  everything the worker needs, sent in its own URL
 */

/**
 * What the worker reads from its own URL (`worker.js?boot=<JSON>`), so it
 * starts downloading Python the moment it runs, before any message: messages
 * to a starting worker wait for the page's main thread, busy parsing then.
 * URLs are relative to worker.js. The build may add keys; the worker ignores
 * those it does not know.
 * @typedef {object} EngineBoot
 * @property {string} runtime  the Pyodide runtime's folder (ends in "/")
 * @property {string} lockfile  the site's pyodide-lock.json; the wheels and the
 *   build's python_stdlib.zip sit beside it
 * @property {string} [precompiled]  the build's compiled campaign
 *   (letter_py/precompiled.py); without it, or if it fails to load or to match
 *   precompiledSha256, the worker compiles the campaign itself, slower
 * @property {string} [precompiledSha256]
 * @property {string} entry  the module whose Engine the worker builds
 *   ("letter_py.web")
 * @property {{file: string, sha256: string}[]} wheels  letter_py and what it
 *   depends on, in dependency order, each with its sha256 (hex) for Subresource
 *   Integrity: worked out once, by scripts/engine/build.py (EngineBuild.manifest)
 */

// ---- page → worker ----------------------------------------------------------

/**
 * Once, first. Until it comes the worker only loads; it posts nothing.
 * @typedef {object} InitMessage
 * @property {"init"} type
 * @property {string} campaign  JSON text mapping campaign file names to text
 * @property {string} [replyChannel]  a BroadcastChannel's name for the replies
 *   to "render" (see below); without it they come with the other messages
 */

/**
 * @typedef {object} RenderMessage
 * @property {"render"} type
 * @property {number} id  increasing; a reply carries it back
 * @property {string} input  the form as letter_py's input document, JSON text: its
 *   "lang" the letter's language, its "messages_lang" the page's (the language
 *   of the errors the page shows)
 */

/**
 * One of the Engine's other methods (letter_py/web.py), for campaign links:
 * "read_link" ({link: a #c1.… fragment, lang: the page's language} as JSON, or the bare fragment → the officials and news for the form),
 * "build_link" (the builder page's form → the link, files and preview input),
 * "qr_svg" ({text, title} → {svg}; segno's wheel is on the builder page only).
 * The worker calls only these. input is a string, passed to Python as data.
 * @typedef {object} CallMessage
 * @property {"call"} type
 * @property {string} id  a reply carries it back
 * @property {"read_link" | "build_link" | "qr_svg"} method
 * @property {string} input
 */

// ---- worker → page ----------------------------------------------------------

/**
 * While loading: real steps done, for the progress bar. The worker holds no
 * interface text: the page names each stage (strings.js, "progress").
 * @typedef {object} ProgressMessage
 * @property {"progress"} type
 * @property {number} done
 * @property {number} total
 * @property {ProgressStage} stage
 * @property {string} [file]  the file just downloaded, for stage "wheel"
 */

/**
 * "download": started; "loader", "runtime", "stdlib": that part of Python
 * arrived; "wheel": a wheel arrived (file); "engine": starting letter_py;
 * "ready": done.
 * @typedef {"download" | "loader" | "runtime" | "stdlib" | "wheel" | "engine" | "ready"} ProgressStage
 */

/**
 * @typedef {object} ReadyMessage
 * @property {"ready"} type
 * @property {number} ms  from the worker's start to ready
 * @property {boolean} precompiled  the build's compiled campaign was used
 */

/**
 * @typedef {object} RenderedMessage
 * @property {"rendered"} type
 * @property {number} id  the request's id
 * @property {string} output  letter_py's output document, JSON text
 */

/**
 * The answer to a "call": the method's JSON text (letter_py never raises
 * through these), or, if Python itself failed, error.
 * @typedef {object} CalledMessage
 * @property {"called"} type
 * @property {string} id
 * @property {string} [output]
 * @property {string} [error]
 */

/**
 * @typedef {object} FailedMessage
 * @property {"failed"} type
 * @property {"load" | "render"} phase
 * @property {string} message  the error's own message: for a load failure
 *   without a problem, Pyodide's or the browser's words, shown as they are
 * @property {LoadProblem} [problem]  a load failure the worker names; the
 *   page words it (strings.js, "problem.<code>")
 * @property {number} [id]  the request's id (render)
 */

/**
 * "lockfile": pyodide-lock.json did not download (status); "wheelIntact": a wheel failed its integrity check
 * or its download broke (file); "wheelStatus": a wheel did not download
 * (file, status); "runtime": Pyodide's WebAssembly (file) did not download or
 * start; "noBoot": the worker's URL had no boot config.
 * @typedef {{code: "lockfile" | "wheelIntact" | "wheelStatus" | "runtime" | "noBoot",
 *   status?: number, name?: string, file?: string}} LoadProblem
 */

/**
 * @typedef {ProgressMessage | ReadyMessage | RenderedMessage | CalledMessage | FailedMessage} WorkerMessage
 */

// Replies to renders ("rendered", and a render's "failed") come on the
// replyChannel if the page named one. Chromium holds a worker's postMessage to
// the page until the page has drawn the frame that follows a keystroke (its
// scheduler defers such tasks after input), so the preview showed each
// character a frame after the form did. Messages on a BroadcastChannel are not
// held: the reply is handled ~2 ms after the keystroke and the preview is drawn
// in the same frame (scripts/bench/browser.py measures it). The page picks a
// random name per worker, so another tab of the site never hears these replies.

/**
 * The worker's URL for a boot config. The head script in
 * docs/overrides/letter.html builds the same URL inline (it runs before any
 * module can).
 * @param {Boot} boot
 * @returns {string}
 */
export function workerURL(boot) {
  return boot.worker + "?" + new URLSearchParams({ boot: JSON.stringify(boot.engine) });
}

