/* Event labels on every timeline (explorer, story, embed, brief): after each draw, show the labels
   that fit at the current width and zoom, most important first, in rows above each lane's marks so
   that no two overlap; count the rest per lane ("+4") and the events left and right of the window.
   The figure (dashboard/figures.py) carries every label hidden, with layout.meta.labels =
   [[id, text, importance, lane y, x in ms], ...] in the order of its "label" annotations. */
(function () {
  "use strict";
  var ROWS = 4, ROW_PX = 22, FIRST_PX = 16, GAP_PX = 8, PAD_PX = 6, NAME_PX = 34, TICK_PX = 95;
  var context = document.createElement("canvas").getContext("2d");

  function textWidth(text, font) {
    context.font = font.size + "px " + font.family;
    return context.measureText(text).width + PAD_PX;
  }

  function overlaps(boxes, low, high) {
    return boxes.some(function (box) { return low < box[1] + GAP_PX && high > box[0] - GAP_PX; });
  }

  /* Where each label goes: {index: [row, anchor]} for those shown, and what was left out. */
  function place(items, axis, width, font, rowCount) {
    var rows = {}, shown = {}, hidden = {}, earlier = 0, later = 0;
    var order = items.map(function (item, index) { return [item, index]; });
    order.sort(function (a, b) { return b[0][2] - a[0][2] || a[0][4] - b[0][4]; });
    order.forEach(function (pair) {
      var item = pair[0], x = axis.l2p(item[4]), lane = item[3];
      if (x < 0) { earlier += 1; return; }
      if (x > width) { later += 1; return; }
      var size = textWidth(item[1], font);
      rows[lane] = rows[lane] || [[], [], [], []];
      for (var row = 0; row < rowCount; row += 1) {
        var spots = [["left", x, x + size], ["right", x - size, x]];
        for (var s = 0; s < spots.length; s += 1) {
          var low = spots[s][1], high = spots[s][2];
          if (low >= 0 && high <= width && !overlaps(rows[lane][row], low, high)) {
            rows[lane][row].push([low, high]);
            shown[pair[1]] = [row, spots[s][0]];
            return;
          }
        }
      }
      hidden[lane] = (hidden[lane] || 0) + 1;
    });
    return { shown: shown, hidden: hidden, earlier: earlier, later: later };
  }

  function note(text, x, y, xanchor, yref) {
    return {
      text: text, x: x, y: y, xref: "paper", yref: yref, xanchor: xanchor, yanchor: "middle",
      showarrow: false, font: { size: 12, color: "#52606d" }, name: "label-note",
    };
  }

  function layOut(gd) {
    var meta = gd.layout && gd.layout.meta && gd.layout.meta.labels;
    var full = gd._fullLayout;
    if (!meta || !full || !full.xaxis || !full._size) { return; }
    var labels = gd.layout.annotations.filter(function (a) { return a.name === "label"; });
    var others = gd.layout.annotations.filter(function (a) { return a.name !== "label" && a.name !== "label-note"; });
    var font = { size: labels.length ? labels[0].font.size : 13, family: full.font.family };
    /* As many rows as fit between a lane's marks and the name of the lane above it. */
    var lanePx = Math.abs(full.yaxis.l2p(0) - full.yaxis.l2p(1));
    var rowCount = Math.max(1, Math.min(ROWS, Math.floor((lanePx - FIRST_PX - NAME_PX) / ROW_PX)));
    var result = place(meta, full.xaxis, full._size.w, font, rowCount);
    labels = labels.map(function (label, index) {
      var spot = result.shown[index];
      return Object.assign({}, label, spot
        ? { visible: true, ay: -(FIRST_PX + spot[0] * ROW_PX), xanchor: spot[1] }
        : { visible: false });
    });
    var notes = Object.keys(result.hidden).map(function (lane) {
      return note("+" + result.hidden[lane], 1.005, Number(lane) + 0.35, "left", "y");
    });
    if (result.earlier) { notes.push(note("◀ " + result.earlier + " earlier", 0, 1.04, "left", "paper")); }
    if (result.later) { notes.push(note(result.later + " later ▶", 1, 1.04, "right", "paper")); }
    var annotations = others.concat(labels, notes);
    /* Level date ticks, as many as fit, so that nothing below the axis moves with the width. */
    var ticks = Math.max(2, Math.floor(full._size.w / TICK_PX));
    var key = JSON.stringify([annotations, ticks]);
    if (key === gd.__labelKey) { return; }
    gd.__labelKey = key;
    window.Plotly.relayout(gd, { annotations: annotations, "xaxis.nticks": ticks, "xaxis.tickangle": 0 });
  }

  function hook(gd) {
    if (gd.__labelsHooked || typeof gd.on !== "function") { return; }
    gd.__labelsHooked = true;
    gd.on("plotly_afterplot", function () { layOut(gd); });
    layOut(gd);
  }

  function hookAll() {
    document.querySelectorAll(".js-plotly-plot").forEach(hook);
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; hookAll(); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  /* Widths are measured in the page's own font: measure again once it has loaded. */
  document.fonts.ready.then(function () {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) { gd.__labelKey = null; layOut(gd); });
  });
})();
