// Puts letter_py's QR code SVG (letter_py/qr.py, drawn by segno) into the
// page safely: parsed as SVG, never as HTML, and refused unless it holds only
// the elements and attributes a QR code needs. Pure DOM, no page state.

const ELEMENTS = new Set(["svg", "path"]);
const ATTRIBUTES = new Set(["xmlns", "viewBox", "class", "role", "aria-label", "fill", "stroke", "d"]);

/**
 * The SVG element for this text, or null if it is anything but a plain QR code.
 * @param {string} svgText
 * @param {Document} [doc]
 * @returns {SVGSVGElement | null}
 */
export function parseQR(svgText, doc = document) {
  if (typeof svgText !== "string" || !svgText) return null;
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const svg = parsed.documentElement;
  if (!svg || svg.localName !== "svg" || parsed.getElementsByTagName("parsererror").length) return null;
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    if (!ELEMENTS.has(element.localName)) return null;
    for (const { name } of element.attributes) if (!ATTRIBUTES.has(name)) return null;
  }
  return doc.importNode(svg, true);
}

/** Shows the code in each container (a copy each); empties them for a code that is refused. */
export function showQR(svgText, ...containers) {
  for (const container of containers) {
    const svg = parseQR(svgText);
    container.replaceChildren(...(svg ? [svg] : []));
  }
}
