// What the builder page shows of letter_py's answer (Engine.build_link): the
// link and its length, the flyer's words, and, for the tests, whether the
// shown link is the latest. Every value goes in as text.

import { text } from "../letter/strings.js";

export class BuilderResult {
  /** @param {HTMLElement} root  the [data-campaign-builder] element */
  constructor(root) {
    this.root = root;
    this.box = root.querySelector("[data-builder-result]");
    this.waiting = root.querySelector("[data-builder-waiting]");
    this.link = root.querySelector("[data-link]");
    this.length = root.querySelector("[data-link-length]");
    this.open = root.querySelector('[data-action="open-link"]');
    this.headline = root.querySelector("[data-flyer-headline]");
    this.flyerLink = root.querySelector("[data-flyer-link]");
    this.preview = root.querySelector("[data-preview-letter]");
  }

  /** @param {{link: string, campaign: {city: string}}} answer */
  show(answer) {
    const ready = Boolean(answer.link);
    this.box.hidden = !ready;
    this.waiting.hidden = ready;
    this.root.dataset.link = ready ? "ready" : "waiting";
    if (!ready) return;
    this.link.value = answer.link;
    // The page's language as written in the US: 1,234 in English and US Spanish, 1234 and 12 345 in Polish.
    const length = answer.link.length.toLocaleString(`${document.documentElement.lang || "en"}-US`);
    this.length.textContent = text("builder.link.length", { length });
    this.open.href = answer.link;
    this.headline.textContent = text("builder.flyer.headline", { town: answer.campaign.city });
    this.flyerLink.textContent = answer.link;
  }

  /** letter_py's letters for the link's input: the first one, as the neighbour's email. */
  showLetter(output) {
    const letter = output.letters[0];
    this.preview.textContent = letter ? letter.email_copy : "";
  }
}
