// What the page shows about the engine, derived from the engine client's one
// state and nothing else: the progress box while starting, the failure box
// (role="alert") once failed, and the root's data-engine ("ready" or "failed";
// absent while starting, as in the page the build renders) with, while ready,
// data-engine-ms and data-engine-precompiled (scripts/bench/browser.py reads them).

import { has, text } from "./strings.js";

/**
 * @param {HTMLElement} root  the [data-letter-app] element
 * @param {import("./engine-client.js").EngineClient} client
 * @param {{onFailed?: () => void}} [hooks]  onFailed: each time the engine fails
 */
export function showEngineStatus(root, client, { onFailed = () => {} } = {}) {
  const status = root.querySelector("#engine-status");
  const progress = root.querySelector("#engine-progress");
  const statusText = root.querySelector("#engine-status-text");
  const failed = root.querySelector("#engine-failed");
  const failureText = root.querySelector("[data-failure-text]");

  function showProgress(done, total, label) {
    progress.value = total ? Math.round((100 * done) / total) : 0;
    statusText.textContent = label;
  }

  function update({ state, failure, info }) {
    status.hidden = state !== "starting";
    failed.hidden = state !== "failed";
    if (state === "starting") showProgress(0, 1, text("progress.starting"));
    if (state === "starting") delete root.dataset.engine;
    else root.dataset.engine = state;
    if (state === "ready") {
      root.dataset.engineMs = String(info.ms);
      root.dataset.enginePrecompiled = String(info.precompiled);
    } else {
      delete root.dataset.engineMs;
      delete root.dataset.enginePrecompiled;
    }
    if (state === "failed") {
      failureText.textContent = text(`failure.${failure.reason}`, { detail: failureDetail(failure) });
      onFailed();
    }
  }

  client.on("state", update);
  client.on("progress", ({ done, total, stage, file }) => {
    const key = `progress.${stage}`;
    showProgress(done, total, has(key) ? text(key, { file: file || "" }) : statusText.textContent);
  });
  update(client);
}

/** The words after "could not load the letter writer:": ours if the worker named the problem. */
export function failureDetail({ detail = "", problem }) {
  const key = problem && `problem.${problem.code}`;
  return key && has(key) ? text(key, problem) : detail;
}
