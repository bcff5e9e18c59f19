/* The interface words assets/js writes, in the page's language: the server sends them as one JSON
   block (#client-words, dashboard/web/client_words.py) keyed by their English text, so a page
   without it (or a word it lacks) shows the English. `%(name)s` is filled from `values`. */
let words = null;

function loaded(doc) {
  if (words === null) {
    const block = doc && doc.getElementById("client-words");
    try {
      words = block ? JSON.parse(block.textContent) : {};
    } catch {
      words = {};
    }
  }
  return words;
}

export function word(english, values = {}, doc = globalThis.document) {
  const text = Object.prototype.hasOwnProperty.call(loaded(doc), english) ? words[english] : english;
  return text.replace(/%\((\w+)\)s/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/* For tests: read the block again. */
export function forget() { words = null; }
