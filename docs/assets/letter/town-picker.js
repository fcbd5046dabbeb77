// "Your town": a combobox over the directory's towns, in the manner of GOV.UK's
// accessible autocomplete and the ARIA 1.2 combobox pattern. The input keeps
// focus and stays an ordinary text field: free text (a town not listed, an
// unincorporated area, another state) works exactly as without this script.
// Suggestions are a listbox the arrow keys move through (aria-activedescendant);
// Enter or a tap chooses one; Escape closes the list. A polite status region
// says how many towns match, as screen readers do not announce the list itself.
//
// Markup (letter.html): [data-town-picker] around the input, holding
// [data-town-list] (the listbox) and [data-town-status]. Configured from data
// attributes: data-directory (the directory file's URL). Every town name
// reaches the page as text.

import * as directory from "./directory.js";
import { plural, text } from "./strings.js";

const LIMIT = 8;

export class TownPicker {
  /**
   * @param {HTMLElement} root  [data-town-picker]
   * @param {{onChoose: (town: object, data: object) => void, fetcher?: typeof fetch}} options  fetcher: fetch, unless a test gives its own
   */
  constructor(root, { onChoose, fetcher }) {
    this.root = root;
    this.input = root.querySelector("input");
    this.list = root.querySelector("[data-town-list]");
    this.status = root.querySelector("[data-town-status]");
    this.url = root.dataset.directory;
    this.onChoose = onChoose;
    this.fetcher = fetcher;
    this.towns = [];
    this.options = [];
    this.active = -1;
    this.data = null;
  }

  /** Makes the field a combobox and wires its events; loads the directory when first used. */
  start() {
    const input = this.input;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.setAttribute("autocomplete", "off");
    input.addEventListener("focus", () => this.load(), { once: true });
    input.addEventListener("input", () => this.update());
    input.addEventListener("keydown", (event) => this.onKey(event));
    input.addEventListener("blur", () => this.close());
    // mousedown would take focus from the input (and close the list) before the click.
    this.list.addEventListener("mousedown", (event) => event.preventDefault());
    this.list.addEventListener("pointerdown", (event) => { this.pointer = event.pointerType; });
    this.list.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.choose(Number(option.dataset.index), this.pointer === "touch");
    });
    this.root.dataset.townPicker = "ready";
  }

  /** The directory, fetched once (idle time, first focus or first keystroke: whichever comes first). */
  load() {
    if (!this.loading) {
      this.loading = directory.load(this.url, this.fetcher).then((data) => {
        this.data = data;
        this.root.dataset.townPicker = "loaded";
        if (document.activeElement === this.input && this.input.value) this.update();
        return data;
      }, (error) => {
        this.loading = null;
        this.root.dataset.townPicker = "failed";
        throw error;
      });
    }
    return this.loading;
  }

  /** The directory's town of this exact name, once loaded (a town typed out in full, or remembered). */
  async townNamed(name) {
    const data = await this.load();
    return directory.exact(data.towns, name);
  }

  update() {
    if (!this.data) {
      this.load().catch(() => {});
      return;
    }
    this.towns = directory.match(this.data.towns, this.input.value, LIMIT);
    this.active = -1;
    this.render();
  }

  render() {
    const id = this.list.id;
    this.options = this.towns.map((town, index) => {
      const option = document.createElement("li");
      option.id = `${id}-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.index = String(index);
      option.className = "lw-town-option";
      option.textContent = town.name;
      const where = town.shared ? directory.host(town.website || "") || text("town.placeId", { id: town.id }) : "";
      if (where) {
        const extra = document.createElement("span");
        extra.className = "lw-town-extra";
        extra.textContent = ` (${where})`;
        option.append(extra);
      }
      return option;
    });
    this.list.replaceChildren(...this.options);
    const open = this.options.length > 0;
    if (open && this.list.hidden) this.makeRoom();
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.input.removeAttribute("aria-activedescendant");
    this.say(this.input.value.trim() === "" ? "" : open
      ? plural("town.status", this.options.length)
      : text("town.status.none"));
  }

  /** On a small screen, where the keyboard takes half of it, the field goes to
   * the top (below the header: letter.css's scroll margin) so the suggestions show. */
  makeRoom() {
    if (window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches) {
      this.input.scrollIntoView({ block: "start" });
    }
  }

  say(message) {
    if (this.status.textContent !== message) this.status.textContent = message;
  }

  highlight(index) {
    this.active = index;
    this.options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    const option = this.options[index];
    if (option) {
      this.input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else this.input.removeAttribute("aria-activedescendant");
  }

  onKey(event) {
    const open = !this.list.hidden;
    const count = this.options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) {
        this.update();
        if (!this.options.length) return;
      }
      event.preventDefault();
      this.highlight(nextOption(event.key, this.active, this.options.length));
    } else if (event.key === "Enter" && open && this.active >= 0 && this.active < count) {
      event.preventDefault(); // choosing, not submitting
      this.choose(this.active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      this.close();
    }
  }

  /** @param {boolean} [touch]  chosen by touch: the keyboard would hide the result,
   * so the field lets go, and the page (app.js, on "town:chosen") shows the result. */
  choose(index, touch = false) {
    const town = this.towns[index];
    if (!town) return;
    this.input.value = town.name;
    this.close();
    this.say(""); // the town's result box (officials.js) says what choosing did
    this.onChoose(town, this.data);
    if (touch) this.input.blur();
    this.root.dispatchEvent(new CustomEvent("town:chosen", { bubbles: true, detail: { touch } }));
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }
}

/**
 * The option an arrow key moves to (-1: back in the text field). Down stops at
 * the last town; Up from the first goes back to what was typed, and from the
 * text field to the last town.
 */
export function nextOption(key, active, count) {
  if (count === 0) return -1;
  if (key === "ArrowDown") return Math.min(active + 1, count - 1);
  return active === -1 ? count - 1 : active - 1;
}
