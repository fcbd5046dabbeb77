// Which mailto: link a device gets (mail-link.js): the phone's where the mail app takes long links.
import assert from "node:assert/strict";
import { test } from "node:test";

import { isPhone, mailLink } from "../../docs/assets/letter/mail-link.js";

const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
const WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

test("phones and tablets by their user agent, iPadOS by its touch points", () => {
  assert.equal(isPhone({ userAgent: ANDROID }), true);
  assert.equal(isPhone({ userAgent: IPHONE }), true);
  assert.equal(isPhone({ userAgent: MAC, maxTouchPoints: 5 }), true); // an iPad asking for the desktop site
  assert.equal(isPhone({ userAgent: MAC, maxTouchPoints: 0 }), false);
  assert.equal(isPhone({ userAgent: WINDOWS }), false);
  assert.equal(isPhone({ userAgent: WINDOWS, userAgentData: { mobile: true } }), true);
});

test("a phone gets letter_py's phone link; anything else, or an older engine's output, the desktop one", () => {
  const letter = { mailto: "mailto:a@b.co?subject=S", mailto_complete: false,
                   mailto_phone: "mailto:a@b.co?subject=S&body=B", mailto_phone_complete: true };
  assert.deepEqual(mailLink(letter, true), { href: letter.mailto_phone, complete: true });
  assert.deepEqual(mailLink(letter, false), { href: letter.mailto, complete: false });
  assert.deepEqual(mailLink({ mailto: "mailto:x", mailto_complete: true }, true), { href: "mailto:x", complete: true });
});
