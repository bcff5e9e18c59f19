/* Era bands behind the lanes (dashboard/figures/eras.py draws them): their labels laid out in the
   strip kept for them along the plot's top, and the bands, strip and labels turned for the upright
   chart, where the strip becomes columns left of the lanes and the labels read downwards.
   Each label stands at its band's first visible day, cut to the band's width there is in the
   window and to the next label in its row, so no two meet. Pure: figure JSON in, figure JSON out.
   The figure's layout.timeline holds eras: [{id, label, x0, x1 (ms), row (null: no head, no label),
   lane (its y, or null), color}], eraStrip (px) and eraRow (px of one row). */
import { cut } from "./placement.js";
import { escapeText } from "./markup.js";

const ERA_MIN_PX = 28;  /* a shorter room says too little: the band stays unlabelled */
const ERA_GAP_PX = 6, ERA_PAD_PX = 4, ERA_TURNED_ROWS = 2;
const ERA_BAND_OPACITY = 0.07, ERA_HEAD_OPACITY = 0.22;

/* Each era's visible extent in px along time [start, end], or null when it is out of view;
   `toPx(ms)` maps a time, `length`: the plot's length along time. */
function eraExtents(eras, toPx, length) {
  return eras.map((era) => {
    const start = Math.max(0, toPx(era.x0)), end = Math.min(length, toPx(era.x1));
    return end - start >= ERA_MIN_PX ? [start, end] : null;
  });
}

/* Label texts cut to their rooms: from the band's first visible px to its end or to the next
   label in its row, whichever comes first; null where there is too little room or no row (an era
   out of the window the chart opened on, when the eras in it needed no strip). */
function eraTexts(eras, spans, widthOf) {
  return eras.map((era, index) => {
    const span = spans[index];
    if (!span || era.row === null) { return null; }
    let end = span[1];
    spans.forEach((other, j) => {
      if (other && j !== index && eras[j].row === era.row && other[0] > span[0]) { end = Math.min(end, other[0] - ERA_GAP_PX); }
    });
    const room = end - span[0] - ERA_PAD_PX;
    return room >= ERA_MIN_PX ? cut(era.label, room, widthOf) : null;
  });
}

/* The level chart's annotations with its era labels laid out (in the order of timeline.eras). */
export function withEraLabels(annotations, timeline, area, widthAt) {
  const eras = timeline.eras || [];
  if (!eras.length) { return annotations; }
  const sample = annotations.find((a) => a.name === "era");
  const spans = eraExtents(eras, area.xToPx, area.width);
  const texts = eraTexts(eras, spans, widthAt(sample ? sample.font.size : 11));
  return placedEraLabels(annotations, texts, (index) => ({ xref: "paper", x: spans[index][0] / area.width + 0.001 }));
}

/* The era annotations with their texts (hidden where a text is null), each moved by `place(index)`. */
function placedEraLabels(annotations, texts, place) {
  let index = -1;
  return annotations.map((a) => {
    if (a.name !== "era") { return a; }
    index += 1;
    const text = texts[index];
    if (text === null) { return { ...a, visible: false }; }
    return { ...a, visible: true, ...place(index), text: escapeText(text) };
  });
}

/* The upright chart's era columns: at most ERA_TURNED_ROWS of them, since a phone's width is
   the labels' room (an era past them shares the last column, its label cut at the next); their
   width in lane columns (`lanePx` px each), and row `row`'s column's left and right edge (the
   first row stands nearest the lanes). */
function eraColumns(eras, rowPx, lanePx) {
  const rows = Math.max(0, ...eras.map((era) => (era.row === null ? 0 : era.row + 1))), rowUnits = rowPx / lanePx;
  return {
    units: rows ? rows * rowUnits + ERA_GAP_PX / lanePx : 0,
    column: (row) => [-0.5 - (row + 1) * rowUnits, -0.5 - row * rowUnits],
  };
}

/* The eras turned upright: bands across every lane, or one lane's column, from at(start) down to
   at(end); a column left of the lanes heads each, and its (hidden) label reads down it.
   `at(ms)`: the stretched time scale; `columnOf(y)`: a lane's column. Returns the shapes, the
   labels, the eras in their columns (for timeline.eras), their spans on the stretched scale
   (timeline.eraSpans) and the columns' width in lane columns. */
export function uprightEras(timeline, annotations, at, columnOf, lanePx) {
  const eras = (timeline.eras || []).map((era) => ({ ...era, row: era.row === null ? null : Math.min(era.row, ERA_TURNED_ROWS - 1) }));
  const { column, units } = eraColumns(eras, timeline.eraRow || 0, lanePx);
  const shapes = [];
  eras.forEach((era) => {
    const time = { yref: "y", y0: at(era.x0), y1: at(era.x1), type: "rect", layer: "below", line: { width: 0 }, fillcolor: era.color };
    const lane = era.lane === null ? { xref: "paper", x0: 0, x1: 1 } : { xref: "x", x0: columnOf(era.lane) - 0.5, x1: columnOf(era.lane) + 0.5 };
    shapes.push({ ...time, ...lane, opacity: ERA_BAND_OPACITY, name: "era" });
    if (era.row === null) { return; }
    const [left, right] = column(era.row);
    shapes.push({ ...time, xref: "x", x0: left + 0.03, x1: right - 0.03, opacity: ERA_HEAD_OPACITY, name: "era-head" });
  });
  let index = -1;
  const labels = annotations.filter((a) => a.name === "era").map((a) => {
    index += 1;
    const [left, right] = column(eras[index].row || 0);
    return { ...a, xref: "x", x: (left + right) / 2, yref: "y", y: at(eras[index].x0), yshift: 0, textangle: 90,
      xanchor: "center", yanchor: "top", borderpad: 0, visible: false };
  });
  return { shapes, labels, eras, units, spans: eras.map((era) => [at(era.x0), at(era.x1)]) };
}

/* The upright chart's annotations with its era labels laid out down their columns; `spans`:
   each era's [start, end] on the stretched scale (timeline.eraSpans). */
export function withUprightEraLabels(annotations, timeline, area, widthAt) {
  const eras = timeline.eras || [];
  if (!eras.length) { return annotations; }
  const sample = annotations.find((a) => a.name === "era");
  const spans = timeline.eraSpans.map(([start, end]) => [area.yToPx(start), area.yToPx(end)]);
  const shown = eraExtents(eras.map((era, index) => ({ x0: spans[index][0], x1: spans[index][1] })), (px) => px, area.height);
  const texts = eraTexts(eras, shown, widthAt(sample ? sample.font.size : 11));
  return placedEraLabels(annotations, texts, (index) => ({ yref: "paper", y: 1 - (shown[index][0] + 2) / area.height }));
}
