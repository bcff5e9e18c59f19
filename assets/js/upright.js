/* The chart stood upright for a phone: time runs down on a stretched scale, lanes become narrow
   columns under a key of their names, and the labels (the date on a line above the title) stand in
   one column beside them. Pure: figure JSON and the plot area (plot_area.js) in, figure JSON out. */
import { cut, placeUpright } from "./placement.js";
import { KEY_LINE_PX, escapeText, listedKey } from "./markup.js";
import { uprightEras, withUprightEraLabels } from "./eras.js";
import { word } from "./words.js";

const LANE_PX = 34, STEP_PX = 42, MIN_H_PX = 420, MAX_H_PX = 1600, TICK_V_PX = 24, NOTE_PX = 26;
const YEAR_MS = 365.25 * 86400000, RANK_SHARE = 0.88;
const DROPPED = new Set(["grid", "relations"]);
export const STRETCHED = "Time is stretched where events are dense";
const GLYPHS = {
  circle: "●", diamond: "◆", square: "■", "triangle-up": "▲", pentagon: "⬟", hexagon: "⬢", star: "★", cross: "✚",
};

/* Upright time is stretched where events are dense: a monotone map in which each event gets
   RANK_SHARE of its room by its rank and the rest by its date, so a crowded month gets rows and
   empty decades shrink, yet order and the span stay true (the year ticks show the stretch).
   Returns at(ms) → position, with at.ends: the positions the axis runs between. */
export function stretch(times) {
  const sorted = times.slice().sort((a, b) => a - b);
  const knots = [], counts = [];
  for (const t of sorted) {
    if (knots.length && knots[knots.length - 1] === t) { counts[counts.length - 1] += 1; }
    else { knots.push(t); counts.push(1); }
  }
  const span = Math.max(sorted[sorted.length - 1] - sorted[0], YEAR_MS), n = sorted.length;
  let rank = counts[0] / 2;
  const positions = knots.map((t, k) => {
    if (k) { rank += (counts[k - 1] + counts[k]) / 2; }
    return RANK_SHARE * rank / n + (1 - RANK_SHARE) * (t - knots[0]) / span;
  });
  const slope = (1 - RANK_SHARE) / span, last = knots.length - 1;
  function at(t) {
    if (t <= knots[0]) { return positions[0] - (knots[0] - t) * slope; }
    if (t >= knots[last]) { return positions[last] + (t - knots[last]) * slope; }
    let high = 1;
    while (knots[high] < t) { high += 1; }
    const share = (t - knots[high - 1]) / (knots[high] - knots[high - 1]);
    return positions[high - 1] + share * (positions[high] - positions[high - 1]);
  }
  at.ends = [positions[0] - RANK_SHARE * 0.6 * counts[0] / n, positions[last] + RANK_SHARE * 0.6 * counts[last] / n];
  return at;
}

function toMs(value) {
  return typeof value === "number" ? value : Date.parse(value);
}

/* The lane's column (0 = the first lane, at the left) of a level chart's y value. */
function columnOf(lanes) {
  const columns = {};
  lanes.forEach((lane, index) => { columns[lane.y] = index; });
  return (y) => columns[y];
}

/* The upright chart's key of lane names, in as many lines as a phone's width needs (one line ran
   past the right edge at 375 px); `widthOf(text)`: its width in px. */
function keyLines(lanes, room, widthOf) {
  const lines = [];
  let line = "", used = 0;
  for (const lane of lanes) {
    const glyph = GLYPHS[lane.symbol] || "●", entry = glyph + " " + lane.label;
    let size = widthOf(entry) + (line ? widthOf("   ") : 0);
    if (line && used + size > room) { lines.push(line); line = ""; used = 0; size = widthOf(entry); }
    line += (line ? "   " : "") + '<span style="color:' + lane.color + '">' + glyph + "</span> " + escapeText(lane.label);
    used += size;
  }
  return line ? lines.concat([line]) : lines;
}

/* The level figure turned upright, `width` px wide: time runs down on the stretched scale, lanes
   become narrow columns (first lane at the left) under a key of their names, which wraps
   (`widthAt(size)`: text → px at that font size); era bands run across them, their labels in
   columns left of the lanes (eras.js). */
export function upright(data, layout, width, widthAt) {
  const meta = layout.timeline, column = columnOf(meta.lanes);
  const times = meta.labels.map((label) => label.x);
  const at = stretch(times);
  /* The lanes' grid lines go, and so do related events' links: drawn between level lanes, they would
     cross the upright columns' labels (the detail names the related events). */
  const traces = data.filter((trace) => !(trace.meta && DROPPED.has(trace.meta.kind))).map((trace) => {
    const turned = { ...trace, x: (trace.y || []).map(column), y: (trace.x || []).map((x) => at(toMs(x))) };
    if (trace.type === "bar") {
      turned.orientation = "v";
      turned.base = trace.base.map((b) => at(toMs(b)));
      turned.y = trace.base.map((b, i) => at(toMs(b) + trace.x[i]) - at(toMs(b)));
    }
    return turned;
  });
  const most = meta.still ? 40 * MAX_H_PX : MAX_H_PX;
  const height = Math.max(MIN_H_PX, Math.min(most, meta.labels.length * STEP_PX + 80));
  const key = keyLines(meta.lanes, width - 52, widthAt(12));
  const margin = { l: 44, r: 8, t: 12 + key.length * KEY_LINE_PX, b: 24 };
  const timeAxis = { range: [at.ends[1], at.ends[0]], fixedrange: true, showticklabels: false, showgrid: false, zeroline: false };
  const eras = uprightEras(meta, layout.annotations, at, column, LANE_PX), left = -0.5 - eras.units;
  const laneAxis = {
    range: [left, left + (width - margin.l - margin.r) / LANE_PX], fixedrange: true,
    showgrid: false, zeroline: false, showticklabels: false,
  };
  const labels = layout.annotations.filter((a) => a.name === "label").map((a, i) =>
    ({ ...a, x: column(meta.labels[i].y), y: at(meta.labels[i].x), visible: false }));
  const turned = {
    ...layout, xaxis: laneAxis, yaxis: timeAxis, height, dragmode: false, margin, shapes: eras.shapes,
    annotations: [{
      text: key.join("<br>"), x: 0, xref: "paper", y: 1, yref: "paper", yanchor: "bottom", xanchor: "left",
      yshift: 6, showarrow: false, font: { size: 12, color: "#1f2933" }, name: "upright",
    }, {
      text: word(STRETCHED), x: 0, xref: "paper", y: 0, yref: "paper",
      yanchor: "top", xanchor: "left", yshift: -4, showarrow: false, name: "upright-note",
      font: { size: 11, color: "#7b8794" },
    }].concat(eras.labels, labels),
    timeline: {
      ...meta, upright: true, stretched: meta.labels.map((label) => at(label.x)), eras: eras.eras, eraSpans: eras.spans,
      span: [Math.min(...times), Math.max(...times)],
    },
  };
  return { data: traces, layout: turned };
}

/* 1 January of a year in ms (Date.UTC reads years 0–99 as 1900–1999). */
function yearStart(year) {
  return new Date(0).setUTCFullYear(year, 0, 1);
}

/* Year ticks at the chart's edge, from the first event's year to the last's, only where no
   label's row stands (a year beside a label would read as its date), thinned to TICK_V_PX. */
export function yearTicks(span, at, yToPx, taken) {
  const ticks = [];
  let lastPx = -Infinity;
  const first = new Date(span[0]).getUTCFullYear(), last = new Date(span[1]).getUTCFullYear();
  for (let year = first; year <= last; year += 1) {
    const value = at(yearStart(year)), px = yToPx(value);
    const clear = !taken.some((box) => px > box[0] - TICK_V_PX / 2 && px < box[1] + TICK_V_PX / 2);
    if (yearStart(year) < span[0] || !clear || px - lastPx < TICK_V_PX) { continue; }
    ticks.push({ value, text: String(year) });
    lastPx = px;
  }
  return ticks;
}

/* The upright chart's labels, year ticks and the count (or, on a still chart, the key) of what
   has no room. `labels`: the figure's label annotations; `others`: every other annotation. */
export function layOutUpright(meta, area, labels, others, size, widthAt) {
  const columnPx = area.xToPx(meta.lanes.length - 0.4);
  const room = area.width - columnPx - 4, column = columnOf(meta.lanes), widthOf = widthAt(size);
  const result = placeUpright(meta.labels, meta.stretched.map(area.yToPx), area.height);
  const placed = labels.map((annotation, index) => {
    const shift = result.shown[index];
    if (shift === undefined) { return { ...annotation, visible: false }; }
    const label = meta.labels[index];
    return {
      ...annotation, visible: true, ax: columnPx - area.xToPx(column(label.y)), ay: shift,
      xanchor: "left", yanchor: "middle", align: "left",
      text: '<span style="font-size:' + (size - 2) + 'px;color:#52606d">' + escapeText(cut(label.date, room, widthAt(size - 2))) + "</span><br>" +
        escapeText(cut(label.dated.slice(label.date.length + 3), room, widthOf)),
    };
  });
  const listed = meta.still ? result.hidden : [];
  const more = meta.still ? 0 : result.hidden.length;
  /* What is left out is counted on the note's own line: two notes at the foot would collide. */
  const kept = others.map((a) => (a.name === "upright-note" ? { ...a, text: word(STRETCHED) + (more ? " · " + word("+%(count)s more", { count: more }) : "") } : a));
  /* Drawn as notes, not axis ticks: Dash's Graph copies a changed axis into its figure, and the
     level chart it turns back into would keep the upright axis. */
  const at = stretch(meta.labels.map((label) => label.x));
  const ticks = yearTicks(meta.span, at, area.yToPx, result.taken).map((tick) => ({
    text: tick.text, x: 0, xref: "paper", xanchor: "right", xshift: -6, y: tick.value, yanchor: "middle",
    showarrow: false, font: { size: 12, color: "#52606d" }, name: "label-tick",
  }));
  return {
    annotations: withUprightEraLabels(kept, meta, area, widthAt).concat(ticks, placed),
    ...listedKey(meta, area, listed.map((index) => meta.labels[index]), widthAt, NOTE_PX),
  };
}
