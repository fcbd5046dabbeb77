import "./page-strings.mjs"; // the English table, as on the page
import assert from "node:assert/strict";
import { test } from "node:test";

import { inviteMailto, shareURL } from "../../docs/assets/letter/friend.js";

const here = { origin: "https://example.org", pathname: "/write/" };

test("the shared address is the page, with an organizer's prefill fragment only", () => {
  assert.equal(shareURL(here, ""), "https://example.org/write/");
  assert.equal(shareURL(here, "#"), "https://example.org/write/");
  assert.equal(shareURL(here, "#preview-heading"), "https://example.org/write/");
  assert.equal(shareURL(here, "#city=Evanston&role=mayor"), "https://example.org/write/#city=Evanston&role=mayor");
  assert.equal(shareURL(here, "#c1.q1bKV7JS-_x"), "https://example.org/write/#c1.q1bKV7JS-_x");
  assert.equal(shareURL(here, "#c1"), "https://example.org/write/");
});

test("the invitation is a mailto: with no address, only subject and body, line breaks as CRLF", () => {
  const href = inviteMailto("Write with me & friends", "Line one\nhttps://example.org/write/#city=A&role=b");
  assert.ok(href.startsWith("mailto:?subject="));
  const params = new URLSearchParams(href.slice("mailto:?".length));
  assert.deepEqual([...params.keys()], ["subject", "body"]);
  assert.equal(params.get("subject"), "Write with me & friends");
  assert.equal(params.get("body"), "Line one\r\nhttps://example.org/write/#city=A&role=b");
  assert.ok(!href.includes("+"), "spaces are %20, never +");
});
