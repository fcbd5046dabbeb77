// Every visitor-facing string of the page's scripts, in one table, so an
// edition in another language translates this file alone. {name} marks a
// value filled in by text(). The page's own HTML (letter.html) and letter_py's
// letters are translated where they are written.

export const STRINGS = {
  // The engine's progress (protocol.js, ProgressStage), and its failures.
  "progress.starting": "Starting…",
  "progress.download": "Downloading Python",
  "progress.loader": "Downloaded the Python loader",
  "progress.runtime": "Downloaded Python",
  "progress.stdlib": "Downloaded Python's standard library",
  "progress.wheel": "Downloaded {file}",
  "progress.engine": "Starting the letter writer",
  "progress.ready": "Ready",
  "failure.slow": "It is taking too long to start. Your connection may be slow, or your browser may block WebAssembly.",
  "failure.unsupported": "Your browser cannot run the letter writer (it needs module workers and WebAssembly). Please update your browser.",
  "failure.load": "Your browser could not load the letter writer: {detail}",
  "failure.crashed": "The letter writer stopped unexpectedly.",
  "failure.unresponsive": "The letter writer stopped responding.",
  // What a "load" failure was (protocol.js, LoadProblem): its {detail}.
  "problem.lockfile": "The file list (pyodide-lock.json) could not be downloaded ({status})",
  "problem.wheelIntact": "{file} could not be downloaded intact",
  "problem.wheelStatus": "{file} could not be downloaded ({status})",
  "problem.noBoot": "The page started the letter writer without its files' addresses",

  // The preview.
  "letter.heading": "To {recipient}",
  "letter.subjectLine": "Subject: {subject}",
  "error.prefix": "Error: ",

  // Announcements and notes.
  "rows.removed.recipients": "Recipient removed",
  "rows.removed.articles": "News article removed",
  "remember.blocked": "Your browser would not let this page remember your details.",
  "remember.forgotten": "Your details are forgotten on this device.",
  "copy.done": "Copied. Paste it into your email or document.",
  "copy.failed": "Copying did not work. Select the letter and copy it yourself.",
  "download.done": "Downloaded {filename}",
  "email.tooLong": "Your letter is too long to go in an email link. Your email app opens with the address and subject: paste the letter into it (it is already copied). If no email app opens, use Copy letter instead.",
  "email.note": "If no email app opens, use Copy letter and paste it into your email instead.",
  "copy.subject": "Subject copied. Paste it into the subject box.",
  "copy.address": "Address copied. Paste it into the To box.",
  "copy.link": "Link copied. Paste it into a message to a friend.",
  "webmail.gmail": "Gmail",
  "webmail.outlook": "Outlook.com",
  "webmail.office": "Outlook",
  "webmail.tooLong": "Your letter is too long to go in the link to {provider}. {provider} opens in a new tab with the address and subject: paste the letter into the message (it is already copied).",
  "webmail.note": "{provider} opens in a new tab with your letter filled in. If you are not signed in, sign in first, or use Copy letter instead.",
  "share.done": "Thank you for asking a friend.",
};

/**
 * The string for key, with its {name} placeholders filled from values.
 * @param {keyof typeof STRINGS} key
 * @param {Record<string, string>} [values]
 * @returns {string}
 */
export function text(key, values = {}) {
  const template = STRINGS[key];
  if (template === undefined) throw new Error(`No string ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
