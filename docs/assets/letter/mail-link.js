// Which of letter_py's mailto: links this device's mail app gets. Phones
// (iOS, Android) open far longer links than desktop browsers on Windows, so
// letter_py makes one link for each (campaign.toml's [mailto] says why), and
// the page picks here: the whole letter where it fits, else the address and
// subject, and the visitor is told to paste before the app opens.

/**
 * Whether this is a phone or tablet whose mail app takes long links.
 * @param {{userAgent?: string, userAgentData?: {mobile?: boolean}, maxTouchPoints?: number}} nav  navigator
 */
export function isPhone(nav) {
  if (nav.userAgentData && nav.userAgentData.mobile) return true;
  const agent = nav.userAgent || "";
  if (/Android|iPhone|iPad|iPod/.test(agent)) return true;
  // iPadOS shows a desktop Safari user agent; its touch points give it away.
  return /Macintosh/.test(agent) && (nav.maxTouchPoints || 0) > 1;
}

/**
 * The link for this device, and whether it carries the whole letter.
 * @param {{mailto: string, mailto_complete: boolean, mailto_phone?: string, mailto_phone_complete?: boolean}} letter
 * @param {boolean} phone
 * @returns {{href: string, complete: boolean}}
 */
export function mailLink(letter, phone) {
  if (phone && typeof letter.mailto_phone === "string") {
    return { href: letter.mailto_phone, complete: letter.mailto_phone_complete !== false };
  }
  return { href: letter.mailto, complete: letter.mailto_complete !== false };
}

/**
 * Puts the link on the letter's email button: its href, its label, and the
 * paste step shown before it is pressed when the letter does not fit.
 * @param {HTMLElement} article  a [data-letter]
 * @param {{href: string, complete: boolean}} link
 */
export function showMailLink(article, link) {
  const button = article.querySelector('[data-action="email"]');
  button.href = link.href;
  button.dataset.complete = String(link.complete);
  button.textContent = link.complete ? button.dataset.labelComplete : button.dataset.labelPaste;
  article.querySelector("[data-paste-step]").hidden = link.complete;
}
