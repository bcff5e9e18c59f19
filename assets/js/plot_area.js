/* The one door to plotly.js's private state. The label layouts need where plotly drew the plot
   (its size, margins and each axis's value → px map), which plotly keeps only in gd._fullLayout
   (`_size`, `xaxis.l2p`); Dash needs a relayout re-announced (`gd.emit`). These are not public
   API: every use is here and checked, so a plotly.js upgrade that moves them leaves the chart as
   the server drew it (labels hidden, a warning in the console) instead of breaking the page. */

let warned = false;

function missing(what) {
  if (!warned) {
    warned = true;
    console.warn("timeline labels: plotly.js no longer has " + what + "; the labels stay hidden");
  }
  return null;
}

/* Where plotly drew the plot: {width, height (the plot's, px), figureHeight, marginBottom,
   fontFamily, xToPx(value), yToPx(value)}; null before plotly has drawn it, and null with a
   warning when it has (`justDrawn`: called from its plotly_afterplot) but its internals moved. */
export function plotArea(gd, justDrawn) {
  const full = gd._fullLayout;
  if (!full || !full._size || !full.xaxis || !full.yaxis) { return justDrawn ? missing("_fullLayout._size") : null; }
  if (typeof full.xaxis.l2p !== "function" || typeof full.yaxis.l2p !== "function") { return missing("axis.l2p"); }
  return {
    width: full._size.w, height: full._size.h, figureHeight: full.height, marginBottom: full.margin.b,
    fontFamily: full.font.family, xToPx: (value) => full.xaxis.l2p(value), yToPx: (value) => full.yaxis.l2p(value),
  };
}

/* The height plotly drew the chart at (the layout's own when it has not drawn). */
export function drawnHeight(gd) {
  const full = gd._fullLayout;
  return full && full.height ? full.height : gd.layout && gd.layout.height;
}

/* Send a plotly event to its listeners (Dash's Graph among them) as plotly would. */
export function announce(gd, name, event) {
  if (typeof gd.emit !== "function") { return missing("gd.emit"); }
  gd.emit(name, event);
  return null;
}
