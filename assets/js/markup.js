/* Annotations that the label layouts add to a chart (notes, the key of listed events) and the
   markup of their text. Pure: figure JSON in, figure JSON out. */
import { cut } from "./placement.js";

export const KEY_LINE_PX = 17;  /* a line of a key (listed events, upright lane names) */
const KEY_SIZE = 12;

/* Plain text made safe for plotly's HTML-like annotation markup. */
export function escapeText(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/* A label's markup: "<b>12</b> title" for a numbered label. */
export function numberedText(label, text, numbered) {
  if (!numbered || !label.number || text.indexOf(label.number + " ") !== 0) { return escapeText(text); }
  return "<b>" + escapeText(label.number) + "</b> " + escapeText(text.slice(label.number.length + 1));
}

/* A count or hint beside the plot ("+4", "◀ 9 earlier"). */
export function note(text, x, y, xanchor, yref, size) {
  return {
    text, x, y, xref: "paper", yref, xanchor, yanchor: "middle",
    showarrow: false, font: { size, color: "#52606d" }, name: "label-note",
  };
}

/* Under a still chart, the events whose titles found no room, by number: "12 Title, May 2018".
   `widthAt(size)`: the function that gives a label's width at that font size. The margin and height grow by the
   key's lines; `creditShift` says how far the credit must move down to stay under it.
   Returns layout updates ("margin.b" style keys) and `key` (the annotation, or null). */
export function listedKey(meta, area, labels, widthAt, offset) {
  const keyPx = labels.length ? labels.length * KEY_LINE_PX + 8 : 0, before = meta.keyPx || 0;
  if (!meta.still || keyPx === before) { return {}; }
  const lines = labels.slice().sort((a, b) => Number(a.number) - Number(b.number) || a.x - b.x).map((label) => {
    const line = (label.number ? label.number + " " : "") + label.text + ", " + label.date;
    return escapeText(cut(line, area.width, widthAt(KEY_SIZE)));
  });
  return {
    "margin.b": area.marginBottom - before + keyPx,
    height: area.figureHeight + keyPx - before,
    "timeline.keyPx": keyPx,
    key: lines.length ? {
      text: lines.join("<br>"), x: 0, y: 0, xref: "paper", yref: "paper", xanchor: "left", yanchor: "top",
      yshift: -offset, align: "left", showarrow: false, font: { size: KEY_SIZE, color: "#1f2933" }, name: "label-key",
    } : null,
    creditShift: keyPx - before,
  };
}

/* A layout update with the listed events' key (listedKey's `key`) among its annotations and the
   credit moved under it; a still chart whose key has not changed keeps the one it has. */
export function withKey(update, annotations, still) {
  const { key, creditShift, ...rest } = update;
  if (key !== undefined || creditShift) {
    const shift = creditShift || 0;
    rest.annotations = rest.annotations.map((a) => (a.name === "credit" && shift ? { ...a, yshift: (a.yshift || 0) - shift } : a))
      .concat(key ? [key] : []);
  } else if (still) {
    rest.annotations = rest.annotations.concat(annotations.filter((a) => a.name === "label-key"));
  }
  return rest;
}
