// The page's polite status region ([data-announcer], role="status"): short
// news such as "Copied" or "Recipient removed", for screen readers.

/** @param {HTMLElement} region */
export function makeAnnouncer(region) {
  return function announce(message) {
    // Clearing first makes screen readers repeat a message such as "Copied".
    region.textContent = "";
    setTimeout(() => { region.textContent = message; }, 50);
  };
}
