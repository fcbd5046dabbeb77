// The preview: shows letter_py's letters (one article per recipient), the
// switch between the email and the printed letter, and the print view.

import { isPhone, mailLink, showMailLink } from "./mail-link.js";
import { text } from "./strings.js";

export class Preview {
  /** @param {HTMLElement} root  the [data-letter-app] element */
  constructor(root) {
    this.root = root;
    this.letters = root.querySelector("[data-letters]");
    this.template = root.querySelector('template[data-template="letter"]');
    /** letter_py's latest output, or null while the build's fallback letter shows. */
    this.output = null;
    this.phone = isPhone(navigator);
  }

  format() {
    const checked = this.root.querySelector('input[name="lw-format"]:checked');
    return checked ? checked.value : "email";
  }

  /** The text a copy or a .txt download gets, in the format shown. */
  letterText(letter) {
    return this.format() === "letter" ? letter.letter_text : letter.email_copy;
  }

  /** The letter an action button belongs to. */
  letterFor(button) {
    const article = button.closest("[data-letter]");
    if (this.output) return this.output.letters[Number(article.dataset.letter)];
    // No engine: use the fallback text the build put into the page, which is
    // in the page's language (letter_py's email_copy is in the letter's).
    const subject = article.querySelector("[data-subject]").textContent;
    const emailText = article.querySelector("[data-email-text]").textContent;
    return {
      subject,
      email_text: emailText,
      email_copy: `${text("letter.subjectLine", { subject })}\n\n${emailText}`,
      letter_text: article.querySelector("[data-letter-html]").innerText,
      filename: "letter",
    };
  }

  show(output) {
    this.output = output;
    const articles = Array.from(this.letters.querySelectorAll("[data-letter]"));
    output.letters.forEach((letter, index) => {
      let article = articles[index];
      if (!article) {
        const fragment = this.template.content.cloneNode(true);
        article = fragment.querySelector("[data-letter]");
        this.letters.append(fragment);
      }
      article.dataset.letter = String(index);
      article.setAttribute("aria-labelledby", `letter-${index}-heading`);
      const heading = article.querySelector(".lw-letter-heading");
      heading.id = `letter-${index}-heading`;
      heading.textContent = text("letter.heading", { recipient: letter.recipient.label });
      article.querySelector("[data-subject]").textContent = letter.subject;
      article.querySelector("[data-email-text]").textContent = letter.email_text;
      // letter_html comes from letter_py, which escapes every user value.
      article.querySelector("[data-letter-html]").innerHTML = letter.letter_html;
      showMailLink(article, mailLink(letter, this.phone));
      for (const link of article.querySelectorAll('[data-action="webmail"]')) {
        const webmail = letter.webmail.find((w) => w.provider === link.dataset.provider);
        link.href = webmail.url;
        link.dataset.complete = String(webmail.complete);
      }
      article.querySelector('[data-action="copy-address"]').hidden = !letter.recipient.email;
      showCall(article, letter);
      article.querySelector("[data-sent]").hidden = false;
    });
    for (const extra of articles.slice(output.letters.length)) extra.remove();
    this.revealActions();
  }

  /** The actions, the format switch and the phone's send bar: for letter_py's letters, or,
   * once the engine failed, for the letter already shown (the last rendered
   * or the build's fallback), which can still be copied, downloaded and printed. */
  revealActions() {
    for (const actions of this.root.querySelectorAll("[data-actions]")) actions.hidden = false;
    this.root.querySelector("[data-format-switch]").hidden = false;
    const bar = this.root.querySelector("[data-send-bar]");
    if (bar) bar.hidden = false;
  }

  listen() {
    for (const radio of this.root.querySelectorAll('input[name="lw-format"]')) {
      radio.addEventListener("change", () => { this.letters.dataset.format = this.format(); });
    }
    window.addEventListener("beforeprint", () => { this.letters.dataset.printing = "true"; });
    window.addEventListener("afterprint", () => { delete this.letters.dataset.printing; });
  }
}

/**
 * The call to the office, where letter_py gives one (the recipient's phone):
 * a tel: link and the script, set as text and attributes only, never as markup.
 * Without one, the block is hidden and holds no link (a link with nowhere to go
 * is no link: Lighthouse's crawlable-anchors).
 */
function showCall(article, letter) {
  const box = article.querySelector("[data-call]");
  const holder = box.querySelector("[data-call-link]");
  const script = box.querySelector("[data-call-script]");
  const call = letter.call;
  box.hidden = !call;
  if (!call) {
    holder.replaceChildren();
    script.textContent = "";
    return;
  }
  const link = document.createElement("a");
  link.href = call.tel;
  link.textContent = text("call.link", { recipient: letter.recipient.label, number: call.number });
  holder.replaceChildren(link);
  script.textContent = call.script;
  box.querySelector("[data-call-script-box]").hidden = !call.script;
}
