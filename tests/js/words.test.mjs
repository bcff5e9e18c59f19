/* The interface words of assets/js (assets/js/words.js): read from the page's JSON block, English
   where a page has none or lacks a word, placeholders filled. */
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { forget, word } from "../../assets/js/words.js";

function page(json) {
  return { getElementById: (id) => (id === "client-words" && json !== null ? { textContent: json } : null) };
}

beforeEach(forget);

test("a word comes from the page's block, its placeholders filled", () => {
  const doc = page(JSON.stringify({ "+%(count)s more": "ほか%(count)s件", Copied: "コピーしました" }));
  assert.equal(word("+%(count)s more", { count: 3 }, doc), "ほか3件");
  assert.equal(word("Copied", {}, doc), "コピーしました");
});

test("a page without the block, or a word the block lacks, shows the English", () => {
  assert.equal(word("Only %(name)s", { name: "Japan" }, page(null)), "Only Japan");
  forget();
  assert.equal(word("Present", {}, page(JSON.stringify({ Copied: "已複製" }))), "Present");
});

test("a broken block is English, not an error", () => {
  assert.equal(word("less", {}, page("{not json")), "less");
});

test("a placeholder with no value stays as written", () => {
  assert.equal(word("Find in %(count)s…", {}, page("{}")), "Find in %(count)s…");
});
