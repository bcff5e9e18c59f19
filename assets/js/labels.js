/* Event labels on every timeline (explorer, story, embed, brief, images): after each draw, show
   the labels that fit at the current width and zoom, most important first, so that no two overlap
   (flat.js; upright.js below NARROW_PX, where the figure is first turned upright). This module is
   the glue: it finds plotly charts, measures text in the page's font and applies the layouts.
   The figure (dashboard/figures/timeline.py) carries every label hidden and, under
   layout.timeline, {labels: [{id, text, dated, date, importance, y, x, number?}], lanes:
   [{label, color, symbol, y}] top lane first, still?, numbered?, flat?}. */
import { boxWidth } from "./placement.js";
import { withKey } from "./markup.js";
import { layOutFlat, needsResizing, resizedFigure } from "./flat.js";
import { layOutUpright, upright } from "./upright.js";
import { narrowWindow } from "./breakpoint.js";
import { announce, drawnHeight, plotArea } from "./plot_area.js";
import { measureStraightPaths } from "./straight_paths.js";

const LAID_OUT_HERE = ["label", "label-note", "label-key", "label-tick"];
/* Per chart: {hooked, settled, waiting (resolvers of settled()), flat (the figure as the server
   drew it, while upright), labelled (the last label update)}. */
const charts = new WeakMap();
let canvas = null;

function stateOf(gd) {
  if (!charts.has(gd)) { charts.set(gd, { hooked: false, settled: false, waiting: [], flat: null, labelled: null }); }
  return charts.get(gd);
}

/* size → (text → a label's width in px), measured in the chart's own font. */
function widthsIn(family) {
  canvas = canvas || document.createElement("canvas").getContext("2d");
  return (size) => boxWidth((text) => {
    canvas.font = size + "px " + family;
    return canvas.measureText(text).width;
  });
}

function settle(gd) {
  const chart = stateOf(gd);
  chart.settled = true;
  chart.waiting.forEach((resolve) => resolve(gd));
  chart.waiting = [];
}

/* Whether the layout already holds these values ("xaxis.nticks" style keys). Compared by
   content, not by object: Dash's Graph copies the layout into its figure after each relayout
   and draws that copy, and a copy that already holds the labels needs no further relayout. */
function holds(layout, update) {
  return Object.keys(update).every((key) => {
    const value = key.split(".").reduce((part, name) => part && part[name], layout);
    return JSON.stringify(value) === JSON.stringify(update[key]);
  });
}

/* The figure turned upright for this chart, keeping a copy of it as the server drew it to turn back
   to on a wider screen (plotly can hand back a layout that still holds the upright annotations:
   keep the clean one). */
function uprightFigure(gd, data, layout) {
  const chart = stateOf(gd);
  const clean = !(layout.annotations || []).some((a) => a.name === "upright");
  if (clean || !chart.flat) { chart.flat = JSON.parse(JSON.stringify({ data, layout })); }
  const family = layout.font && layout.font.family;
  return upright(data, layout, gd.clientWidth || window.innerWidth, widthsIn(family));
}

/* Turn the chart upright on a phone's width, or back; true when it was turned (and redrawn). */
function turned(gd, timeline, narrow) {
  if (narrow === Boolean(timeline.upright)) { return false; }
  const chart = stateOf(gd);
  if (narrow) {
    const figure = uprightFigure(gd, gd.data, gd.layout);
    window.Plotly.react(gd, figure.data, figure.layout);
  } else if (chart.flat) {
    window.Plotly.react(gd, chart.flat.data, chart.flat.layout);
  }
  return true;
}

function layOut(gd, justDrawn) {
  const timeline = gd.layout && gd.layout.timeline;
  if (!timeline || !timeline.labels) { return; }
  const area = plotArea(gd, justDrawn);
  if (!area) {
    if (justDrawn) { settle(gd); }  /* plotly's internals moved: the chart stays as drawn */
    return;
  }
  stateOf(gd).settled = false;
  const narrow = narrowWindow() && !timeline.flat;
  if (turned(gd, timeline, narrow)) { return; }
  const annotations = gd.layout.annotations || [];
  const labels = annotations.filter((a) => a.name === "label");
  const others = annotations.filter((a) => LAID_OUT_HERE.indexOf(a.name) < 0);
  const size = labels.length ? labels[0].font.size : 13, widths = widthsIn(area.fontFamily);
  if (!narrow && needsResizing(timeline)) {
    const figure = resizedFigure(gd.data, gd.layout, area, size, widths);
    window.Plotly.react(gd, figure.data, figure.layout);
    return;  /* the lanes were resized: the next draw lays the labels out */
  }
  const update = withKey(narrow
    ? layOutUpright(timeline, area, labels, others, size, widths)
    : layOutFlat(timeline, area, labels, others, size, widths), annotations, timeline.still);
  stateOf(gd).labelled = update;
  if (!holds(gd.layout, update)) { window.Plotly.relayout(gd, update); } else { settle(gd); }
}

function hook(gd) {
  const chart = stateOf(gd);
  if (chart.hooked || typeof gd.on !== "function") { return; }
  chart.hooked = true;
  measureStraightPaths(window.SVGPathElement && window.SVGPathElement.prototype, (x, y) => new DOMPoint(x, y));
  gd.on("plotly_afterplot", () => layOut(gd, true));
  /* plotly's resize drops the layout's height for the container's, and Dash's Graph makes its
     container 100% of a parent that has no height: the next update would then squash the chart.
     Keep the height the chart has (the figure's, or the upright one). */
  gd.on("plotly_relayout", (event) => {
    if (event && event.autosize && gd.layout.height === undefined && drawnHeight(gd)) {
      gd.layout.height = drawnHeight(gd);
    }
  });
  /* Dash's Graph copies each relayout into its figure, starting from the figure it last
     rendered. Labels laid out inside a zoom announce themselves before the zoom does, so the
     zoom's copy would bring the old labels back (and draw them, and lay them out again).
     Announce the labels after every other relayout, so that Dash keeps what is drawn. */
  gd.on("plotly_relayout", (event) => {
    const timeline = gd.layout.timeline;
    if (!event || !chart.labelled || "annotations" in event || !timeline || timeline.upright) { return; }
    /* A resize alone (autosize, width, height) is not copied by Dash: nothing to correct. */
    if (Object.keys(event).every((key) => /^(autosize|width|height)$/.test(key))) { return; }
    announce(gd, "plotly_relayout", { ...event, ...chart.labelled });
  });
  layOut(gd, false);
}

/* plotly.js's react, turning a level timeline upright before it is drawn on a phone's width. Dash's
   Graph hands plotly the level figure (first, and after each update), which was drawn, turned
   upright and drawn again: on a phone's first load that level draw was a third of the chart's
   script time. Any other figure, width or call passes as it was. */
function reactUpright(react) {
  return function reactTurned(gd, ...rest) {
    const figure = rest.length === 1 && rest[0] && !Array.isArray(rest[0]) ? rest[0] : { data: rest[0], layout: rest[1] };
    const timeline = figure.layout && figure.layout.timeline;
    if (!timeline || !timeline.labels || timeline.upright || timeline.flat || !Array.isArray(figure.data)
        || !gd || !gd.clientWidth || !narrowWindow()) {
      return react.call(this, gd, ...rest);
    }
    const chart = stateOf(gd);
    const drawn = gd.layout && gd.layout.timeline && gd.layout.timeline.upright && chart.flat;
    /* Dash's Graph redraws its copy of the figure, which holds the labels of the last relayout: the
       chart as it stands. */
    const turnedFigure = drawn && sameBut("annotations", figure, chart.flat)
      ? { data: gd.data, layout: gd.layout } : uprightFigure(gd, figure.data, figure.layout);
    return rest.length === 1
      ? react.call(this, gd, { ...figure, data: turnedFigure.data, layout: turnedFigure.layout })
      : react.call(this, gd, turnedFigure.data, turnedFigure.layout, ...rest.slice(2));
  };
}

/* Whether two figures have the same data and the same layout but for one key. */
function sameBut(key, one, other) {
  const rest = (layout) => JSON.stringify({ ...layout, [key]: null });
  return JSON.stringify(one.data) === JSON.stringify(other.data) && rest(one.layout) === rest(other.layout);
}

function turnBeforeDrawing() {
  const plotly = window.Plotly;
  if (plotly && !plotly.react.turnsUpright) {
    plotly.react = reactUpright(plotly.react);
    plotly.react.turnsUpright = true;
  }
}

/* Resolves once the chart's labels are laid out (for images and print). */
export function settled(gd) {
  return new Promise((resolve) => {
    const chart = stateOf(gd);
    if (chart.settled) { resolve(gd); return; }
    chart.waiting.push(resolve);
    hook(gd);
  });
}

/* Lay out the labels of every plotly chart on the page, now and whenever one appears. */
export function watchCharts() {
  /* The explorer's renderer imports this module while the page is still parsed, before the deferred
     plotly.js has run; Dash draws only after the page is parsed. */
  if (window.Plotly) { turnBeforeDrawing(); } else { document.addEventListener("DOMContentLoaded", turnBeforeDrawing, { once: true }); }
  const hookAll = () => document.querySelectorAll(".js-plotly-plot").forEach(hook);
  let pending = false;
  new MutationObserver(() => {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(() => { pending = false; hookAll(); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  /* Widths are measured in the page's own font: measure again once it has loaded. */
  document.fonts.ready.then(() => document.querySelectorAll(".js-plotly-plot").forEach((gd) => layOut(gd, false)));
  hookAll();
}
