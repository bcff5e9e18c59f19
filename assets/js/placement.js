/* Where a chart's labels go, as numbers: labels in, boxes out. No DOM and no plotly here: the
   caller passes `widthOf(text)` (a label's width in px, padding included: see boxWidth) and where
   each date is in px, so this runs, and is tested, anywhere (tests/js/placement.test.mjs).
   Labels are the figure's `layout.timeline.labels`: {id, text, dated, date, importance, y, x,
   number?}. dashboard/figures/label_room.py estimates the same rows on the server: keep its
   constants in step with these. */

export const PAD_PX = 6;  /* a label's box padding, added to its text's width */
export const GAP_PX = 8;  /* the least room between two labels in a row */
export const MIN_CUT_PX = 72;  /* a label cut shorter than this says too little: number it instead */
export const MAX_ROWS = 30;
export const ROW_V_PX = 38;  /* an upright label's row: its date over its title */

/* A label's width from its text's: `measure(text)` is the text's width in the chart's font. */
export function boxWidth(measure) {
  return (text) => measure(text) + PAD_PX;
}

/* The longest start of `text` (cut at a word where it can be, with "…") that fits in `room` px. */
export function cut(text, room, widthOf) {
  if (widthOf(text) <= room) { return text; }
  let low = 0, high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOf(text.slice(0, middle).trimEnd() + "…") <= room) { low = middle; } else { high = middle - 1; }
  }
  let part = text.slice(0, low);
  const space = part.lastIndexOf(" ");
  if (space > low * 0.6) { part = part.slice(0, space); }
  return part.replace(/[\s,;:–-]+$/, "") + "…";
}

function free(boxes, low, high) {
  return !boxes.some((box) => low < box[1] + GAP_PX && high > box[0] - GAP_PX);
}

/* The room around x in a row: [left edge, right edge] between its neighbours and the plot. */
function roomAt(boxes, x, width) {
  let left = 0, right = width;
  for (const box of boxes) {
    if (box[1] + GAP_PX <= x) { left = Math.max(left, box[1] + GAP_PX); }
    else if (box[0] - GAP_PX >= x) { right = Math.min(right, box[0] - GAP_PX); }
    else { left = right = x; }
  }
  return [left, right];
}

/* The labels' indexes, most important first, then from the left (earliest first). */
export function importantFirst(labels) {
  return labels.map((label, index) => index)
    .sort((a, b) => labels[b].importance - labels[a].importance || labels[a].x - labels[b].x);
}

/* The first row where the whole text fits, right of its mark (xanchor "left"), else left of it. */
function wholeSpot(boxes, x, size, width) {
  for (let row = 0; row < MAX_ROWS; row += 1) {
    boxes[row] = boxes[row] || [];
    for (const [side, low] of [["left", x], ["right", x - size]]) {
      const high = low + size;
      if (low >= 0 && high <= width && free(boxes[row], low, high)) { return { row, side, box: [low, high] }; }
    }
  }
  return null;
}

/* The row with the most room beside the mark for a cut label, if any has MIN_CUT_PX. */
function cutSpot(boxes, x, width, limit) {
  let best = null;
  for (let row = 0; row < limit; row += 1) {
    const [left, right] = roomAt(boxes[row], x, width);
    const spot = right - x >= x - left ? { side: "left", room: right - x } : { side: "right", room: x - left };
    if (spot.room >= MIN_CUT_PX && (!best || spot.room > best.room)) { best = { row, ...spot }; }
  }
  return best;
}

/* A row where the label's number alone fits beside its mark. */
function numberSpot(boxes, x, size, width, limit) {
  for (let row = 0; row < limit; row += 1) {
    if (free(boxes[row], x, x + size) && x + size <= width) { return { row, side: "left" }; }
    if (free(boxes[row], x - size, x) && x >= size) { return { row, side: "right" }; }
  }
  return null;
}

/* Where each label goes, in rows above its lane: its whole text in the first row where it fits,
   else the longest cut of it that fits beside its mark, else its number alone, else nothing.
   `xOf(x)`: a date's px in the plot (0 … width); `rowsOf(y)`: the rows lane y has.
   Returns {shown: [index] → {row, side, text, short?}, hidden: {lane y: count},
   need: {lane y: rows its whole texts take}, earlier, later (labels left and right of the plot)}. */
export function place(labels, { xOf, width, rowsOf, numbered, widthOf }) {
  const rows = {}, shown = [], hidden = {}, need = {};
  let earlier = 0, later = 0;
  for (const index of importantFirst(labels)) {
    const label = labels[index], x = xOf(label.x), limit = rowsOf(label.y);
    const boxes = rows[label.y] = rows[label.y] || [];
    if (x < 0) { earlier += 1; continue; }
    if (x > width) { later += 1; continue; }
    const text = numbered && label.number ? label.number + " " + label.text : label.text;
    const whole = wholeSpot(boxes, x, widthOf(text), width);
    if (whole) { need[label.y] = Math.max(need[label.y] || 1, whole.row + 1); }
    if (whole && whole.row < limit) {
      boxes[whole.row].push(whole.box);
      shown[index] = { row: whole.row, side: whole.side, text };
      continue;
    }
    let spot = cutSpot(boxes, x, width, limit);
    let short = spot ? cut(text, spot.room, widthOf) : null;
    if (!spot && label.number) {
      spot = numberSpot(boxes, x, widthOf(label.number), width, limit);
      short = label.number;
    }
    if (!spot) { hidden[label.y] = (hidden[label.y] || 0) + 1; continue; }
    const px = widthOf(short);
    boxes[spot.row].push(spot.side === "left" ? [x, x + px] : [x - px, x]);
    shown[index] = { row: spot.row, side: spot.side, text: short, short: short === label.number };
  }
  return { shown, hidden, need, earlier, later };
}

/* Upright labels: one column beside the lanes, each as near its mark (`ys[index]`, px down the
   plot) as a free row allows, most important first; the plot is `height` px tall.
   Returns {shown: [index] → px shift from its mark, hidden: [index], taken: [[top, bottom]]}. */
export function placeUpright(labels, ys, height) {
  const taken = [], shown = [], hidden = [];
  const shifts = [0, 1, -1, 2, -2, 3, -3].map((rows) => rows * ROW_V_PX);
  for (const index of importantFirst(labels)) {
    const shift = shifts.find((px) => {
      const low = ys[index] + px - ROW_V_PX / 2, high = low + ROW_V_PX;
      return low >= -4 && high <= height + 4 && !taken.some((box) => low < box[1] && high > box[0]);
    });
    if (shift === undefined) { hidden.push(index); continue; }
    const low = ys[index] + shift - ROW_V_PX / 2;
    taken.push([low, low + ROW_V_PX]);
    shown[index] = shift;
  }
  return { shown, hidden, taken };
}
