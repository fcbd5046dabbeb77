import "./page-strings.mjs"; // the English table, as on the page
import assert from "node:assert/strict";
import { test } from "node:test";

import { isCampaignHash, noticeText, townName } from "../../docs/assets/letter/campaign-link.js";
import { text } from "../../docs/assets/letter/strings.js";

test("campaign fragments of any version are recognised, prefill and other fragments are not", () => {
  for (const hash of ["#c1.q1bK", "#c1.", "#c12.x"]) assert.ok(isCampaignHash(hash), hash);
  for (const hash of ["", "#", "#c1", "#city=Springfield&role=mayor", "#preview-heading", "#cx.1", undefined]) {
    assert.ok(!isCampaignHash(hash), String(hash));
  }
});

test("the notice names the town and the organizer, as text", () => {
  const campaign = { city: "Springfield", state: "IL", state_name: "Illinois", organizer: "<b>Neighbours</b>" };
  const [key, values] = noticeText({ campaign, errors: [] });
  assert.equal(text(key, values),
    "Letter for Springfield, Illinois, prepared by <b>Neighbours</b>, for people who live there: "
    + "officials set aside letters from outside their area. Check the names and addresses before you send.");
  const [bare, town] = noticeText({ campaign: { ...campaign, organizer: "", state_name: "", state: "" }, errors: [] });
  assert.equal(text(bare, town), "Letter for Springfield, for people who live there: "
    + "officials set aside letters from outside their area. Check the names and addresses before you send.");
  assert.equal(townName({ city: "", state: "IL", state_name: "Illinois" }), "Illinois");
});

test("an unreadable link is worded by its reason, an unknown reason as damaged", () => {
  for (const code of ["damaged", "unknown_version", "too_long"]) {
    assert.deepEqual(noticeText({ campaign: null, errors: [{ field: "", code }] }), [`campaign.unreadable.${code}`, {}]);
    assert.ok(text(`campaign.unreadable.${code}`).includes("ordinary letter"));
  }
  assert.deepEqual(noticeText({ campaign: null, errors: [{ field: "", code: "internal_error" }] }),
    ["campaign.unreadable.damaged", {}]);
  assert.deepEqual(noticeText({ campaign: null, errors: [] }), ["campaign.unreadable.damaged", {}]);
});
