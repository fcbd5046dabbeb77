// What choosing a town does to the form: the community and the sender's town
// are filled in, and the town's known officials become recipients, each with
// where its facts come from and when they were checked, and a warning where
// the listed term has ended (official-source.js). A police department with no
// chief's name is written to as an office ("Dear Chief of Police,"); a town
// with no department of its own gets its county's sheriff, and says so. A
// town with no known official gets its website and no name. Nothing the visitor typed is replaced: a field is filled only
// while it is empty, the page's default, or what this module put there. A
// campaign's officials (campaign.toml's, or a campaign link's) come first:
// then the directory fills the town only. Every value reaches the page as text.

import * as directory from "./directory.js";
import { newTabLink, paragraph, sourceParts, span } from "./official-source.js";
import { plural, text } from "./strings.js";
import { TownPicker } from "./town-picker.js";

const FIELDS = ["role", "title", "name", "family_name", "organization", "email", "phone", "address"];

// The letter page's fields; the builder page ("Set up your town") has its own.
const LETTER_PAGE = { rows: "recipients", state: "community.state", follow: ["sender.city", "sender.state"] };

export class TownOfficials {
  /**
   * @param {HTMLElement} root  the page's app element ([data-letter-app], [data-campaign-builder])
   * @param {import("./form.js").LetterForm} form
   * @param {{campaignOfficials?: () => boolean, onChange: () => void,
   *   fields?: {rows: string, state: string, follow: string[]}}} options
   *   fields: the rows the officials go in, the state's field, and the town and
   *   state fields that follow the chosen town (the sender's address)
   */
  constructor(root, form, { campaignOfficials = () => false, onChange, fields = LETTER_PAGE }) {
    this.root = root;
    this.form = form;
    this.campaignOfficials = campaignOfficials;
    this.onChange = onChange;
    this.fields = fields;
    this.result = root.querySelector("[data-town-result]");
    this.filled = new WeakMap(); // element -> the value this module put there
    this.lang = document.documentElement.lang || "en";
    this.reportURL = root.dataset.reportUrl || ""; // the project's "new issue" page, where the site has one
    const box = root.querySelector("[data-town-picker]");
    this.picker = box && new TownPicker(box, { onChoose: (town, data) => this.choose(town, data) });
  }

  start() {
    if (!this.picker) return;
    this.picker.start();
    const city = this.picker.input;
    // Typed in full without choosing: the sender's town follows, and an exact name counts as chosen.
    city.addEventListener("input", () => this.fill(this.fields.follow[0], city.value));
    city.addEventListener("change", () => {
      this.picker.townNamed(city.value).then((town) => {
        if (!town || town.name === this.town?.name) return;
        this.picker.close();
        this.choose(town, this.picker.data);
      }, () => this.failed());
    });
    this.root.addEventListener("letter:official", ({ target, detail }) => this.showSource(target, detail));
  }

  /** Loads the directory now (idle time once the engine is ready), so suggestions come at once. */
  preload() {
    this.picker?.load().catch(() => this.failed());
  }

  failed() {
    this.show([paragraph(text("town.failed"))]);
  }

  choose(town, data) {
    this.town = town;
    const [followCity, followState] = this.fields.follow;
    this.fill(this.fields.state, data.state);
    this.fill(followCity, town.name);
    this.fill(followState, data.state);
    const sheriff = town.sheriff && data.sheriffs?.[town.sheriff];
    // A campaign link names people: the builder's rows take the officials with a name, not the offices.
    const offices = this.fields.rows === "recipients";
    const officials = [...(town.officials || []), ...(sheriff ? [sheriff] : [])].filter((o) => offices || o.name);
    const website = town.website ? [this.websiteLine(town, data)] : [];
    // No department of its own in the federal lists: said, never guessed past.
    const served = sheriff && offices ? [paragraph(text("town.sheriff", { town: town.name, county: town.sheriff }))] : [];
    if (this.campaignOfficials()) {
      this.show([paragraph(text("town.found.campaign")), ...website]);
    } else if (officials.length) {
      this.fillRecipients(officials, data);
      const found = plural("town.found", officials.length, { town: town.name });
      this.show([paragraph(found), ...served, ...website]);
    } else {
      this.clearRecipients();
      const key = town.website ? "town.none" : "town.noneNoWebsite";
      this.show([paragraph(text(key, { town: town.name })), ...website]);
    }
    this.form.updateRoleFields();
    this.onChange();
  }

  show(children) {
    this.result.replaceChildren(...children);
    this.result.hidden = false;
  }

  websiteLine(town, data) {
    const line = paragraph("");
    line.append(newTabLink(town.website, text("town.website", { town: town.name })));
    const source = data.sources[town.website_source];
    if (source && source.date) {
      line.append(" ", span(text("town.websiteSource", { source: source.name, date: directory.formatDate(source.date, this.lang) }), "lw-hint"));
      if (town.website_checked) line.append(" ", span(text("town.websiteChecked", { date: directory.formatDate(town.website_checked, this.lang) }), "lw-hint"));
    }
    return line;
  }

  /** The town's officials as recipients: in rows the visitor has not typed in, adding rows as needed. */
  fillRecipients(officials, data) {
    const { town } = this;
    const kind = this.fields.rows;
    const labelled = officials.map((o) => ({ ...o, label: text("official.label", { name: o.name || o.organization, role: this.roleLabel(o.role) }), data, town }));
    if (kind === "recipients") this.form.setOfficials(labelled); // the letter page's pickers
    this.clearRecipients();
    labelled.forEach((official, which) => {
      const row = this.form.rows(kind).find((r) => this.untouchedRow(r) && !r.dataset.fromDirectory)
        || this.form.addRow(kind, { focus: false });
      const index = row.dataset.index;
      for (const field of FIELDS) this.fill(`${kind}.${index}.${field}`, official[field] || "", true);
      row.dataset.fromDirectory = "true";
      const picker = row.querySelector("[data-official-picker]");
      if (picker) picker.value = String(which);
      this.showSource(row, official);
    });
  }

  /** Rows an earlier town filled, still as it left them: emptied (the first) or removed (the rest). */
  clearRecipients() {
    const kind = this.fields.rows;
    for (const row of this.form.rows(kind)) {
      if (!row.dataset.fromDirectory || !this.untouchedRow(row)) continue;
      delete row.dataset.fromDirectory;
      this.showSource(row, null);
      if (this.form.rows(kind).length > 1) {
        row.remove();
        this.form.renumber(kind);
      } else {
        const prefix = `${kind}.${row.dataset.index}.`;
        for (const field of FIELDS) this.fill(prefix + field, "", true);
        this.fill(prefix + "role", row.querySelector("select[name$='.role'] option")?.value || "", true);
      }
    }
  }

  roleLabel(role) {
    const option = this.form.element.querySelector(`select[name$=".role"] option[value="${CSS.escape(role)}"]`);
    return option ? option.textContent : role;
  }

  /** The row's source box (official-source.js): who published these facts, when, and how to report an error. */
  showSource(row, official) {
    const box = row.querySelector("[data-official-source]");
    if (!box) return;
    if (!official || !official.source || !official.data || !official.town) {
      box.replaceChildren();
      box.hidden = true;
      return;
    }
    const { data, town } = official;
    box.replaceChildren(...sourceParts(official, { data, town, lang: this.lang, roleLabel: this.roleLabel(official.role), reportURL: this.reportURL }));
    box.hidden = false;
  }

  untouched(element) {
    return element.value === "" || element.value === element.defaultValue || this.filled.get(element) === element.value;
  }

  untouchedRow(row) {
    return Array.from(row.querySelectorAll("input[name]:not([type=radio]), textarea[name]")).every((el) => this.untouched(el));
  }

  // A field is filled only while the visitor has not typed in it (inRow: the row was checked
  // already), and never under their caret (a town typed in full counts as chosen when the
  // visitor moves on, maybe into the very field this would fill).
  fill(path, value, inRow = false) {
    const element = path && this.form.element.elements.namedItem(path);
    if (!element || typeof value !== "string" || element instanceof RadioNodeList) return;
    if (element === document.activeElement || (!inRow && !this.untouched(element))) return;
    element.value = value;
    this.filled.set(element, element.value);
  }
}
