// Campaign links (#c1.…): an organizer's town, officials and local news,
// carried in the fragment, which never reaches any server. letter_py reads
// the fragment in the worker (Engine.read_link; this module never decodes
// it); this module puts the answer into the form: the officials picker, the
// recipients, the community and the news, each field only while it is empty
// (or still holds the page's default), so nothing the visitor typed is lost,
// and everything stays editable. It remembers what it filled in, so that
// "Remember my details" never stores the link's data (rememberedForm).
// Every value reaches the page as text (textContent, value, new Option).

import { text } from "./strings.js";

const CAMPAIGN_HASH = /^#c\d+\./;

/** Whether a fragment is a campaign link (of any version: letter_py says which it reads). */
export function isCampaignHash(hash) {
  return CAMPAIGN_HASH.test(hash || "");
}

/** "Springfield, Illinois" (or what there is of it). */
export function townName(campaign) {
  return [campaign.city, campaign.state_name || campaign.state].filter(Boolean).join(", ");
}

/**
 * The notice's words for letter_py's answer: [key, values], from strings.js.
 * @param {{campaign: object | null, errors: {field: string, code: string}[]}} answer
 */
export function noticeText(answer) {
  const campaign = answer.campaign;
  if (!campaign) {
    const code = (answer.errors[0] || {}).code;
    const known = ["damaged", "unknown_version", "too_long"].includes(code) ? code : "damaged";
    return [`campaign.unreadable.${known}`, {}];
  }
  const values = { town: townName(campaign) || text("campaign.yourTown"), organizer: campaign.organizer };
  return [campaign.organizer ? "campaign.notice" : "campaign.noticeNoOrganizer", values];
}

export class CampaignLink {
  /**
   * @param {HTMLElement} root  the [data-letter-app] element
   * @param {import("./form.js").LetterForm} form
   */
  constructor(root, form) {
    this.form = form;
    this.notice = root.querySelector("[data-campaign-notice]");
    /** @type {Map<string, string>} field path -> the value the link put there */
    this.filled = new Map();
    /** The link's officials, once read: they take precedence over the directory's. */
    this.officials = [];
  }

  /** Whether a field still holds exactly what the link put there. */
  fromLink(name, value) {
    return this.filled.has(name) && this.filled.get(name) === value;
  }

  /**
   * A form for remember.js whose entries leave out the link's own values.
   * @returns {{entries: () => Array<[string, string]>, setField: (p: string, v: string) => void}}
   */
  rememberedForm() {
    return {
      entries: () => this.form.entries().filter(([name, value]) => !this.fromLink(name, value)),
      setField: (path, value) => this.form.setField(path, value),
    };
  }

  /** Shows letter_py's answer (Engine.read_link) and fills the form from it. */
  apply(answer) {
    this.show(answer);
    if (!answer.campaign) return;
    this.officials = answer.campaign.officials;
    this.form.setOfficials(this.officials);
    const input = answer.letter_input || {};
    this.fillRows("recipients", input.recipients || []);
    this.fillRows("articles", input.articles || []);
    for (const [key, value] of Object.entries(input.community || {})) this.fill(`community.${key}`, value);
    this.form.updateRoleFields();
  }

  /** The engine failed before the link was read: say so, keep the ordinary letter. */
  /**
   * Has letter_py read the page's campaign link, if it has one, and apply it
   * (in the page's language: the officials' labels, the state's name).
   * @param {{call: Function}} client  the engine (engine-client.js), ready
   * @param {{clearRecipients: () => void}} town  the directory's officials, which a link's own replace
   * @returns {Promise<void> | null}  settled once the form has the link's answer; null without a link
   */
  read(client, town, hash = location.hash) {
    if (!isCampaignHash(hash)) return null;
    const input = JSON.stringify({ link: hash, lang: document.documentElement.lang });
    return client.call("read_link", input).then((answer) => {
      if (answer.campaign && answer.campaign.officials.length) town.clearRecipients();
      this.apply(answer);
    }, () => this.unread());
  }

  unread() {
    this.show({ campaign: null, errors: [{ field: "", code: "damaged" }] });
  }

  show(answer) {
    if (!this.notice) return;
    const [key, values] = noticeText(answer);
    const partial = answer.campaign && answer.errors.length ? " " + text("campaign.partial") : "";
    this.notice.querySelector("[data-campaign-notice-text]").textContent = text(key, values) + partial;
    this.notice.classList.toggle("warning", !answer.campaign || Boolean(partial));
    this.notice.hidden = false;
  }

  // A row is used only if the visitor has typed nothing in it.
  fillRows(kind, items) {
    items.forEach((item, index) => {
      let row = this.form.rows(kind)[index];
      if (!row) row = this.form.addRow(kind, { focus: false });
      if (!this.untouchedRow(row)) return;
      for (const [key, value] of Object.entries(item)) this.fill(`${kind}.${index}.${key}`, value, true);
    });
  }

  // Empty, the page's default, or what an earlier link put there: nothing the visitor typed.
  untouched(element) {
    return element.value === "" || element.value === element.defaultValue || this.fromLink(element.name, element.value);
  }

  untouchedRow(row) {
    return Array.from(row.querySelectorAll("input[name], textarea[name]")).every((el) => this.untouched(el));
  }

  fill(path, value, inUntouchedRow = false) {
    const element = this.form.element.elements.namedItem(path);
    if (!element || typeof value !== "string") return;
    if (!inUntouchedRow && !this.untouched(element)) return;
    this.form.setField(path, value);
    if (element.value === value) this.filled.set(path, value);
  }
}
