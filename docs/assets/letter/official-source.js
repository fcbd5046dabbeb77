// Where a directory official's facts come from, said beside their row: the
// source and what its date means (when Open States last changed the values,
// the day a page was published and read, the federal list's date), where the
// address and phone come from and when they were last checked, a term that
// has ended, and "Is this wrong? Tell us": a link to a new issue on the
// project's repository that names the town, the role and the source, and
// nothing the visitor typed. Like the webmail links, it is only a link: no
// request is made unless the visitor follows it. Pure DOM building, no state.

import * as directory from "./directory.js";
import { text } from "./strings.js";

/**
 * The elements of an official's source box.
 * @param {object} official  a directory official ({role, name?, organization?, source, checked, ...})
 * @param {{data: object, town: object, lang: string, roleLabel: string, reportURL?: string}} where
 */
export function sourceParts(official, { data, town, lang, roleLabel, reportURL }) {
  const parts = [];
  const date = (iso) => directory.formatDate(iso, lang);
  if (directory.isStale(official)) {
    const warning = paragraph("", "lw-stale");
    const words = text(town.website ? "official.stale" : "official.staleNoWebsite", { date: date(official.term_end) });
    warning.append(span(words));
    if (town.website) warning.append(" ", newTabLink(town.website, text("town.website", { town: town.name })));
    parts.push(warning);
  }
  const line = paragraph(sourceWords(official, data, date), "lw-hint");
  if (official.source_url) line.append(" ", newTabLink(official.source_url, text("official.sourcePage")));
  if (official.contact_source) {
    const where = data.sources[official.contact_source] || { name: official.contact_source };
    line.append(" ", text("official.contactSource", { source: where.name, date: date(official.contact_checked) }));
  }
  if (reportURL) line.append(" ", newTabLink(reportLink(reportURL, official, town, roleLabel, data), text("official.report")));
  parts.push(line);
  return parts;
}

/** "Source: …" with what its date means for that kind of source. */
function sourceWords(official, data, date) {
  const source = data.sources[official.source] || { name: official.source };
  if (official.source === "openstates") return text("official.source.changed", { source: source.name, date: date(official.checked) });
  if (official.source === "corrections") {
    const page = directory.host(official.source_url || "") || source.name;
    return official.published
      ? text("official.source.published", { source: page, published: date(official.published), date: date(official.checked) })
      : text("official.source.read", { source: page, date: date(official.checked) });
  }
  return text("official.source.list", { source: source.name, date: date(official.checked || source.date) });
}

/** A new issue, prefilled with what the directory says (never what the visitor typed). */
function reportLink(base, official, town, roleLabel, data) {
  const source = data.sources[official.source] || { name: official.source };
  const facts = ["name", "organization", "email", "phone", "address", "term_end"]
    .filter((key) => official[key])
    .map((key) => `- ${key}: ${String(official[key]).replace(/\n/g, ", ")}`);
  const body = [
    text("report.body.intro"),
    "",
    `- ${text("report.town")}: ${town.name} (${text("town.placeId", { id: town.id })})`,
    `- ${text("report.role")}: ${roleLabel}`,
    ...facts,
    `- ${text("report.source")}: ${source.name}${official.source_url ? ` (${official.source_url})` : ""}`,
    "",
    text("report.body.what"),
    "",
  ].join("\n");
  const title = text("report.title", { town: town.name, role: roleLabel });
  const url = new URL(base);
  url.searchParams.set("title", title);
  url.searchParams.set("body", body);
  return url.href;
}

export function paragraph(words, className = "") {
  const p = document.createElement("p");
  if (className) p.className = className;
  p.textContent = words;
  return p;
}

export function span(words, className = "") {
  const s = document.createElement("span");
  if (className) s.className = className;
  s.textContent = words;
  return s;
}

/** A link that opens in a new tab and says so; no referrer, no opener (GOV.UK: say it opens a new tab). */
export function newTabLink(href, words) {
  const a = document.createElement("a");
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.textContent = `${words} ${text("link.newTab")}`;
  return a;
}
