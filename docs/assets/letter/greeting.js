// By each recipient's name, the greeting their letter opens with, as
// letter_py wrote it in the latest render ("The letter will say: Dear Mayor
// Van Dusen,"). Only shown, never worked out here: the surname is corrected
// in the form (recipients.N.family_name), which letter_py reads like any field.

import { text } from "./strings.js";

/**
 * @param {HTMLElement[]} rows  the recipients' rows, in order
 * @param {{letters: {recipient: {salutation?: string}}[]}} output  letter_py's answer
 */
export function showGreetings(rows, output) {
  rows.forEach((row, index) => {
    const hint = row.querySelector("[data-greeting]");
    if (!hint) return;
    const salutation = output.letters[index]?.recipient?.salutation || "";
    hint.textContent = salutation ? text("recipient.greeting", { greeting: salutation }) : "";
    hint.hidden = !salutation;
  });
}
