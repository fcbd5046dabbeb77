// "Ask a friend to write too": shares the page's own address, or the link the
// visitor arrived by (an organizer's #city=… link), never anything typed. The
// Web Share API where the browser has it; else "Copy link" and an email
// invitation. Configured from the [data-friend] element's data attributes
// (the invitation's subject and text, in the page's language).

import { text } from "./strings.js";

/**
 * The address to share: the page, with the fragment it was opened with only
 * when that fragment is an organizer's prefill or campaign link (#c1.…): it
 * holds their data, not the visitor's.
 * @param {{origin: string, pathname: string}} location
 * @param {string} arrivalHash  location.hash when the page was opened
 */
export function shareURL(location, arrivalHash) {
  const prefill = arrivalHash.length > 1 && (arrivalHash.includes("=") || /^#c\d+\./.test(arrivalHash));
  return location.origin + location.pathname + (prefill ? arrivalHash : "");
}

/**
 * A mailto: invitation with no address: the visitor picks the friend.
 * Spaces as %20 and line breaks as %0D%0A (RFC 6068), as letter_py's own.
 */
export function inviteMailto(subject, body) {
  const encode = (value) => encodeURIComponent(value.replace(/\r?\n/g, "\r\n"));
  return `mailto:?subject=${encode(subject)}&body=${encode(body)}`;
}

export class Friend {
  /**
   * @param {HTMLElement} element  the [data-friend] section
   * @param {{url: string, announce: (m: string) => void,
   *   copy: (value: string, button: HTMLElement, doneKey: string) => void,
   *   share?: (data: ShareData) => Promise<void>}} parts  share: navigator.share, if the browser has it
   */
  constructor(element, { url, announce, copy, share }) {
    this.element = element;
    this.url = url;
    this.announce = announce;
    this.copy = copy;
    this.share = share;
    this.subject = element.dataset.inviteSubject;
    this.text = element.dataset.inviteText;
  }

  start() {
    const button = (action) => this.element.querySelector(`[data-action="${action}"]`);
    button("share").hidden = !this.share;
    button("copy-link").hidden = Boolean(this.share);
    button("invite").hidden = Boolean(this.share);
    button("invite").href = inviteMailto(this.subject, `${this.text}\n\n${this.url}`);
  }

  /** @param {MouseEvent} event @param {HTMLElement} button */
  onClick(event, button) {
    const action = button.dataset.action;
    if (action === "share") {
      this.share({ title: this.subject, text: this.text, url: this.url })
        .then(() => this.announce(text("share.done")), () => {}); // closed by the visitor
    } else if (action === "copy-link") {
      this.copy(this.url, button, "copy.link");
    }
    // "invite" is a plain mailto: link.
  }
}
