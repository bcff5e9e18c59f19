/* The level (wide-screen) chart's labels: in rows above each lane's marks, counts of what does not
   fit, and, for a still chart, lanes grown to the rows their labels need and a key of the events
   still without room. Pure: the figure and the plot area (plot_area.js) in, layout updates out. */
import { MAX_ROWS, place } from "./placement.js";
import { listedKey, note, numberedText, escapeText } from "./markup.js";
import { withEraLabels } from "./eras.js";
import { word } from "./words.js";

const ROW_PX = 22, FIRST_PX = 16, NAME_PX = 34, TOP_PX = 8, TICK_PX = 95;
const BOTTOM_PX = 34, SLACK_PX = 3, AXIS_PX = 30;

/* One row of labels: story mode's projector type needs taller rows. */
function rowHeight(size) {
  return Math.max(ROW_PX, size + 9);
}

/* The rows each lane has: as many as fit between its marks and the name of the lane above it (or,
   for the top lane, the strip of era labels, `stripPx` tall). */
function rowsByLane(lanes, yToPx, rowPx, stripPx) {
  const ys = lanes.map((lane) => lane.y).sort((a, b) => a - b);
  const rows = {};
  ys.forEach((y, index) => {
    const above = index + 1 < ys.length ? yToPx(ys[index + 1]) + NAME_PX : TOP_PX + stripPx;
    rows[y] = Math.max(1, Math.floor((yToPx(y) - FIRST_PX - above + SLACK_PX) / rowPx));
  });
  return (y) => rows[y] || 1;
}

/* Whether a still chart must first grow its lanes (once) before its labels are laid out. */
export function needsResizing(timeline) {
  return Boolean(timeline.still && !timeline.resized);
}

/* A still chart's figure with each lane as tall as the rows its labels need: every trace, label,
   lane name and lane's era band moves with its lane, the era strip stays on top, and the chart's
   height changes by what the lanes gained. */
export function resizedFigure(data, layout, area, size, widthAt) {
  const meta = layout.timeline, rowPx = rowHeight(size);
  /* `meta.need`: the rows the server gave each lane (in meta.lanes order) in the drawing this chart
     replaces (dashboard/outputs/first_paint.py), so that it keeps the drawing's height. */
  const need = meta.need ? Object.fromEntries(meta.lanes.map((lane, index) => [lane.y, meta.need[index]])) : place(meta.labels, {
    xOf: area.xToPx, width: area.width, rowsOf: () => MAX_ROWS, numbered: meta.numbered, widthOf: widthAt(size),
  }).need;
  const moved = {};
  let top = 0;
  meta.lanes.slice().sort((a, b) => a.y - b.y).forEach((lane, index, lanes) => {
    moved[lane.y] = top;
    top += FIRST_PX + (need[lane.y] || 1) * rowPx + (index === lanes.length - 1 ? TOP_PX + (meta.eraStrip || 0) : NAME_PX);
  });
  const move = (y) => (y in moved ? moved[y] : y);
  const traces = data.map((trace) => (trace.y ? { ...trace, y: trace.y.map((y) => (y === null ? y : move(y))) } : trace));
  const annotations = (layout.annotations || []).map((a) => (a.yref === "paper" ? a : { ...a, y: move(a.y) }));
  const shapes = (layout.shapes || []).map((s) => (s.yref === "y" && s.ysizemode === "pixel" ? { ...s, yanchor: move(s.yanchor) } : s));
  const timeline = {
    ...meta, resized: true,
    eras: (meta.eras || []).map((era) => (era.lane === null ? era : { ...era, lane: move(era.lane) })),
    labels: meta.labels.map((label) => ({ ...label, y: move(label.y) })),
    lanes: meta.lanes.map((lane) => ({ ...lane, y: move(lane.y) })),
  };
  let height = area.figureHeight - area.height + top + BOTTOM_PX;
  if (height < (meta.minHeight || 0)) { top += meta.minHeight - height; height = meta.minHeight; }
  return {
    data: traces,
    layout: { ...layout, annotations, shapes, timeline, height, yaxis: { ...layout.yaxis, range: [-BOTTOM_PX, top] } },
  };
}

/* Horizontal labels in rows above each lane, the counts beside them, and level date ticks.
   `labels`: the figure's label annotations; `others`: every other annotation, kept. */
export function layOutFlat(timeline, area, labels, others, size, widthAt) {
  const meta = timeline.labels, rowPx = rowHeight(size);
  /* A chart that replaced the server's drawing (dashboard/outputs/first_paint.py) keeps the
     drawing's places (`placed`) while its plot is at least as wide as the drawing's (`placedAt`):
     they still fit, and nothing moves or grows at the swap. */
  const result = timeline.placed && timeline.placedAt <= area.width ? { shown: timeline.placed, hidden: {} } : place(meta, {
    xOf: area.xToPx, width: area.width, rowsOf: rowsByLane(timeline.lanes, area.yToPx, rowPx, timeline.eraStrip || 0),
    numbered: timeline.numbered, widthOf: widthAt(size),
  });
  const placed = labels.map((annotation, index) => {
    const spot = result.shown[index];
    const at = { x: meta[index].x, y: meta[index].y, ax: 0, yanchor: "bottom" };
    if (!spot) { return { ...annotation, visible: false, ...at }; }
    const text = spot.short ? "<b>" + escapeText(spot.text) + "</b>" : numberedText(meta[index], spot.text, timeline.numbered);
    return { ...annotation, visible: true, ay: -(FIRST_PX + spot.row * rowPx), xanchor: spot.side, text, ...at };
  });
  let notes = [], listed = [];
  if (timeline.still) {
    listed = meta.filter((label, index) => !result.shown[index] || result.shown[index].short);
  } else {
    notes = Object.keys(result.hidden).map((lane) => note("+" + result.hidden[lane], 1.005, Number(lane) + FIRST_PX, "left", "y", size));
    if (result.earlier) { notes.push(note(word("◀ %(count)s earlier", { count: result.earlier }), 0, 1.04, "left", "paper", size)); }
    if (result.later) { notes.push(note(word("%(count)s later ▶", { count: result.later }), 1, 1.04, "right", "paper", size)); }
  }
  /* Level date ticks, as many as fit, so that nothing below the axis moves with the width. */
  const ticks = Math.max(2, Math.floor(area.width / TICK_PX));
  return {
    annotations: withEraLabels(others, timeline, area, widthAt).concat(placed, notes), "xaxis.nticks": ticks, "xaxis.tickangle": 0,
    ...listedKey(timeline, area, listed, widthAt, AXIS_PX),
  };
}
