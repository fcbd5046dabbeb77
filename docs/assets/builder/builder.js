// "Set up your town" (builder.html, root [data-campaign-builder]): as the
// organizer types, letter_py (in the letter page's worker, with segno's wheel
// added by this page's boot config) makes the campaign link, its QR code,
// the flyer's words, a campaign.toml and the letter a neighbour gets. The
// form is the letter page's LetterForm over this page's rows; errors show in
// the GOV.UK manner, for the fields the organizer has been to. Nothing leaves
// the device: the link is text on the page until the organizer shares it.

import { Actions } from "../letter/actions.js";
import { makeAnnouncer } from "../letter/announcer.js";
import { EngineClient } from "../letter/engine-client.js";
import { showEngineStatus } from "../letter/engine-status.js";
import { ErrorSummary } from "../letter/error-summary.js";
import { inputDocument } from "../letter/field-paths.js";
import { LetterForm } from "../letter/form.js";
import { TownOfficials } from "../letter/officials.js";
import { workerURL } from "../letter/protocol.js";
import { text } from "../letter/strings.js";
import { showQR } from "./qr-svg.js";
import { BuilderResult } from "./result.js";

const root = document.querySelector("[data-campaign-builder]");
if (root) start(root);

function start(root) {
  const boot = JSON.parse(document.getElementById("letter-boot").textContent);
  const announce = makeAnnouncer(root.querySelector("[data-announcer]"));
  const form = new LetterForm(root, { officials: [], announce, form: "#builder-form" });
  const errors = new ErrorSummary(root, form.element);
  const result = new BuilderResult(root);
  const base = new URL(root.dataset.letterPage, location.href).href;
  const lang = document.documentElement.lang; // letter_py's messages and role labels in the page's language
  const touched = new Set();
  let answer = null; // letter_py's latest build_link answer
  let shownQR = null;
  const client = new EngineClient({
    createWorker: () => new Worker(workerURL(boot), { type: "module" }),
    campaign: document.getElementById("letter-campaign").textContent,
    // The preview is the letter a neighbour on this page's edition starts from: in its language.
    readInput: () => ({ ...(answer ? answer.letter_input : {}), lang }),
  });
  const actions = new Actions({ whenFresh: () => null, preview: null, errors: null, announce });

  // One build in flight; typing meanwhile builds once more when it is back.
  let building = false;
  let again = false;
  const build = () => {
    if (client.state !== "ready") return;
    if (building) {
      again = true;
      return;
    }
    building = true;
    root.dataset.building = "true"; // for the tests: a newer link is on its way
    const input = JSON.stringify({ base, lang, campaign: inputDocument(form.entries()) });
    client.call("build_link", input).then((reply) => {
      answer = reply;
      errors.show(reply.errors.filter((e) => e.field === "" || touched.has(e.field)));
      result.show(reply);
      if (reply.link) {
        client.render();
        if (reply.link !== shownQR) drawQR(reply.link);
      }
    }, () => {}).finally(() => {
      building = false;
      if (again) {
        again = false;
        build();
      } else {
        delete root.dataset.building;
      }
    });
  };
  // A code for an older link never stays beside a newer one (it might be printed).
  const drawQR = (link) => {
    shownQR = link;
    showQR("", root.querySelector("[data-qr]"), root.querySelector("[data-flyer-qr]"));
    client.call("qr_svg", JSON.stringify({ text: link, title: text("builder.qr.label") })).then(({ svg }) => {
      if (link === shownQR) showQR(svg, root.querySelector("[data-qr]"), root.querySelector("[data-flyer-qr]"));
    }, () => {});
  };

  // A town from the officials directory: its officials, with their sources, as the campaign's.
  const town = new TownOfficials(root, form, {
    onChange: () => build(),
    fields: { rows: "officials", state: "defaults.state", follow: [] },
  });

  showEngineStatus(root, client);
  client.on("state", ({ state }) => {
    if (state !== "ready") return;
    build();
    (window.requestIdleCallback || setTimeout)(() => town.preload());
  });
  client.on("rendered", ({ output }) => result.showLetter(output));
  form.listen((name) => {
    if (name) touched.add(name);
    build();
  });
  form.element.addEventListener("focusout", ({ target }) => {
    if (target.name && target.value && !touched.has(target.name)) {
      touched.add(target.name);
      build();
    }
  });
  errors.listen();
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "retry") client.restart();
    else if (action === "copy-link" && answer && answer.link) actions.copyText(answer.link, button, "builder.copied");
    else if (action === "download-toml" && answer) {
      actions.download("campaign.toml", "application/toml;charset=utf-8", answer.campaign_toml);
    } else if (action === "print-flyer") window.print();
  });
  form.updateRoleFields();
  town.start();
  client.start();
}
