/* Event labels on every timeline (explorer, story, embed, brief): after each draw, show the labels
   that fit at the current width and zoom, most important first, in rows above each lane's marks so
   that no two overlap; count the rest per lane ("+4") and the events left and right of the window.
   The figure (dashboard/figures/timeline.py) carries every label hidden, with layout.timeline.labels =
   [[id, text, importance, lane y, x in ms, number?], ...] in the order of its "label" annotations.
   Below NARROW_PX (phones) the same figure is turned upright first: time runs down, compressed
   where nothing happens, lanes are narrow columns and the labels stand in one column beside them. */
(function () {
  "use strict";
  var ROWS = 4, ROW_PX = 22, FIRST_PX = 16, GAP_PX = 8, PAD_PX = 6, NAME_PX = 34, TICK_PX = 95;
  var NARROW_PX = 600, LANE_PX = 34, ROW_V_PX = 23, STEP_PX = 28, MIN_H_PX = 420, MAX_H_PX = 1600;
  var YEAR_MS = 365.25 * 86400000, RANK_SHARE = 0.88, TICK_V_PX = 18;
  var STRETCHED = "Time is stretched where events are dense";
  var GLYPHS = { circle: "●", diamond: "◆", square: "■", "triangle-up": "▲", pentagon: "⬟",
    hexagon: "⬢", star: "★", cross: "✚" };
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
      rows[lane] = rows[lane] || [[], [], [], []];
      /* The whole label, else its number alone where the figure gives one (the brief's). */
      var texts = item[5] ? [item[1], item[5]] : [item[1]];
      for (var t = 0; t < texts.length; t += 1) {
        var size = textWidth(texts[t], font);
        for (var row = 0; row < rowCount; row += 1) {
          var spots = [["left", x, x + size], ["right", x - size, x]];
          for (var s = 0; s < spots.length; s += 1) {
            var low = spots[s][1], high = spots[s][2];
            if (low >= 0 && high <= width && !overlaps(rows[lane][row], low, high)) {
              rows[lane][row].push([low, high]);
              shown[pair[1]] = [row, spots[s][0], t];
              return;
            }
          }
        }
      }
      hidden[lane] = (hidden[lane] || 0) + 1;
    });
    return { shown: shown, hidden: hidden, earlier: earlier, later: later };
  }

  /* Upright time is stretched where events are dense: a monotone map in which each event gets
     RANK_SHARE of its room by its rank and the rest by its date, so a crowded month gets rows
     and empty decades shrink, yet order and the span stay true (the year ticks show the stretch). */
  function stretch(times) {
    var sorted = times.slice().sort(function (a, b) { return a - b; });
    var knots = [], counts = [];
    sorted.forEach(function (t) {
      if (knots.length && knots[knots.length - 1] === t) { counts[counts.length - 1] += 1; }
      else { knots.push(t); counts.push(1); }
    });
    var span = Math.max(sorted[sorted.length - 1] - sorted[0], YEAR_MS), n = sorted.length;
    var place = counts[0] / 2, positions = knots.map(function (t, k) {
      if (k) { place += (counts[k - 1] + counts[k]) / 2; }
      return RANK_SHARE * place / n + (1 - RANK_SHARE) * (t - knots[0]) / span;
    });
    var slope = (1 - RANK_SHARE) / span, last = knots.length - 1;
    function at(t) {
      if (t <= knots[0]) { return positions[0] - (knots[0] - t) * slope; }
      if (t >= knots[last]) { return positions[last] + (t - knots[last]) * slope; }
      var high = 1;
      while (knots[high] < t) { high += 1; }
      var share = (t - knots[high - 1]) / (knots[high] - knots[high - 1]);
      return positions[high - 1] + share * (positions[high] - positions[high - 1]);
    }
    at.ends = [positions[0] - RANK_SHARE * 0.6 * counts[0] / n, positions[last] + RANK_SHARE * 0.6 * counts[last] / n];
    return at;
  }

  function toMs(value) { return typeof value === "number" ? value : Date.parse(value); }

  /* Year ticks through the stretch from the first event's year to the year after the last,
     thinned so that no two are closer than TICK_V_PX. */
  function yearTicks(at, span, plotPx) {
    var ends = at.ends, perUnit = plotPx / (ends[1] - ends[0]), values = [], text = [], lastPx = -Infinity;
    var high = new Date(span[1]).getUTCFullYear() + 1;
    for (var year = new Date(span[0]).getUTCFullYear(); year <= high; year += 1) {
      var value = at(new Date(0).setUTCFullYear(year, 0, 1)), px = (value - ends[0]) * perUnit;  /* Date.UTC reads years 0–99 as 1900–1999 */
      if (px - lastPx < TICK_V_PX) { continue; }
      values.push(value); text.push(String(year)); lastPx = px;
    }
    return { tickvals: values, ticktext: text };
  }

  /* The horizontal figure turned upright: time runs down on the stretched scale, lanes become
     narrow columns (first lane at the left) under a key of their names. */
  function upright(data, layout, width) {
    var meta = layout.timeline, lanes = meta.lanes, top = lanes.length - 1;
    var times = meta.labels.map(function (item) { return item[4]; });
    var at = stretch(times);
    var traces = data.map(function (trace) {
      var turned = Object.assign({}, trace, {
        x: (trace.y || []).map(function (y) { return top - y; }),
        y: (trace.x || []).map(function (x) { return at(toMs(x)); }),
      });
      if (trace.type === "bar") {
        turned.orientation = "v";
        turned.base = trace.base.map(function (b) { return at(toMs(b)); });
        turned.y = trace.base.map(function (b, i) { return at(toMs(b) + trace.x[i]) - at(toMs(b)); });
      }
      return turned;
    });
    var height = Math.max(MIN_H_PX, Math.min(MAX_H_PX, meta.labels.length * STEP_PX + 80));
    var margin = { l: 44, r: 8, t: 30, b: 24 };
    var span = [Math.min.apply(null, times), Math.max.apply(null, times)];
    var ticks = yearTicks(at, span, height - margin.t - margin.b);
    var timeAxis = {
      range: [Math.max(at.ends[1], ticks.tickvals[ticks.tickvals.length - 1]), Math.min(at.ends[0], ticks.tickvals[0])], fixedrange: true, tickvals: ticks.tickvals, ticktext: ticks.ticktext,
      showgrid: true, gridcolor: "#e6e9ed", zeroline: false, tickfont: { size: 12 },
    };
    var laneAxis = {
      range: [-0.5, -0.5 + (width - margin.l - margin.r) / LANE_PX], fixedrange: true,
      showgrid: false, zeroline: false, showticklabels: false,
    };
    var key = lanes.map(function (lane) {
      return '<span style="color:' + lane.color + '">' + (GLYPHS[lane.symbol] || "●") + "</span> " + lane.label;
    }).join("   ");
    var labels = layout.annotations.filter(function (a) { return a.name === "label"; }).map(function (a, i) {
      return Object.assign({}, a, { x: top - meta.labels[i][3], y: at(meta.labels[i][4]), visible: false });
    });
    var turned = Object.assign({}, layout, {
      xaxis: laneAxis, yaxis: timeAxis, height: height, dragmode: false, margin: margin,
      annotations: [{
        text: key, x: 0, xref: "paper", y: 1, yref: "paper", yanchor: "bottom", xanchor: "left",
        yshift: 6, showarrow: false, font: { size: 12, color: "#1f2933" }, name: "upright",
      }, {
        text: STRETCHED, x: 0, xref: "paper", y: 0, yref: "paper",
        yanchor: "top", xanchor: "left", yshift: -4, showarrow: false, name: "upright-note",
        font: { size: 11, color: "#7b8794" },
      }].concat(labels),
      timeline: Object.assign({}, meta, { upright: true, stretched: meta.labels.map(function (item) { return at(item[4]); }) }),
    });
    return { data: traces, layout: turned };
  }

  /* Upright labels: one column right of the lanes, each near its mark, most important first
     (the whole span is on screen upright, so nothing is earlier or later than the view). */
  function placeUpright(items, stretched, axis, height) {
    var taken = [], shown = {}, hidden = 0;
    var order = items.map(function (item, index) { return [item, index]; });
    order.sort(function (a, b) { return b[0][2] - a[0][2] || a[0][4] - b[0][4]; });
    order.forEach(function (pair) {
      var y = axis.l2p(stretched[pair[1]]);
      var shifts = [0, 1, -1, 2, -2, 3, -3].map(function (rows) { return rows * ROW_V_PX; });
      for (var s = 0; s < shifts.length; s += 1) {
        var low = y + shifts[s] - ROW_V_PX / 2, high = low + ROW_V_PX;
        var free = low >= -4 && high <= height + 4 && !taken.some(function (box) {
          return low < box[1] && high > box[0];
        });
        if (free) { taken.push([low, high]); shown[pair[1]] = shifts[s]; return; }
      }
      hidden += 1;
    });
    return { shown: shown, hidden: hidden };
  }

  /* Cut a label to the width left for it, measured in the chart's font. */
  function fit(text, room, font) {
    if (textWidth(text, font) <= room) { return text; }
    while (text.length > 4 && textWidth(text + "…", font) > room) { text = text.slice(0, -1); }
    return text.trimEnd() + "…";
  }

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function layOutUpright(meta, full, labels, others, font) {
    var columnPx = full.xaxis.l2p(meta.lanes.length - 0.4);
    var room = full._size.w - columnPx - 4;
    var result = placeUpright(meta.labels, meta.stretched, full.yaxis, full._size.h);
    labels = labels.map(function (label, index) {
      var shift = result.shown[index];
      if (shift === undefined) { return Object.assign({}, label, { visible: false }); }
      var item = meta.labels[index];
      return Object.assign({}, label, {
        visible: true, ax: columnPx - full.xaxis.l2p(meta.lanes.length - 1 - item[3]), ay: shift,
        xanchor: "left", yanchor: "middle", text: escapeText(fit(item[1], room, font)),
      });
    });
    /* What is left out is counted on the note's own line: two notes at the foot would collide. */
    others = others.map(function (a) {
      return a.name === "upright-note" ? Object.assign({}, a, { text: STRETCHED + (result.hidden ? " · +" + result.hidden + " more" : "") }) : a;
    });
    return others.concat(labels);
  }

  function note(text, x, y, xanchor, yref, size) {
    return {
      text: text, x: x, y: y, xref: "paper", yref: yref, xanchor: xanchor, yanchor: "middle",
      showarrow: false, font: { size: size, color: "#52606d" }, name: "label-note",
    };
  }

  function layOut(gd) {
    var timeline = gd.layout && gd.layout.timeline, meta = timeline && timeline.labels;
    var full = gd._fullLayout;
    if (!meta || !full || !full.xaxis || !full._size) { return; }
    var narrow = window.innerWidth < NARROW_PX;
    if (narrow !== Boolean(timeline.upright)) {
      if (narrow) {
        /* A copy of the figure as the server drew it, to turn back to on a wider screen (plotly
           can hand back a layout that still holds the upright annotations: keep the clean one). */
        var clean = !(gd.layout.annotations || []).some(function (a) { return a.name === "upright"; });
        if (clean || !gd.__flat) { gd.__flat = JSON.parse(JSON.stringify({ data: gd.data, layout: gd.layout })); }
        var turned = upright(gd.data, gd.layout, gd.clientWidth || window.innerWidth);
        window.Plotly.react(gd, turned.data, turned.layout);
      } else if (gd.__flat) {
        window.Plotly.react(gd, gd.__flat.data, gd.__flat.layout);
      }
      return;
    }
    var labels = gd.layout.annotations.filter(function (a) { return a.name === "label"; });
    var others = gd.layout.annotations.filter(function (a) { return a.name !== "label" && a.name !== "label-note"; });
    var font = { size: labels.length ? labels[0].font.size : 13, family: full.font.family };
    var update = narrow
      ? { annotations: layOutUpright(timeline, full, labels, others, font) }
      : layOutFlat(meta, full, labels, others, font);
    gd.__labelled = update;
    if (!holds(gd.layout, update)) { window.Plotly.relayout(gd, update); }
  }

  /* Whether the layout already holds these values ("xaxis.nticks" style keys). Compared by
     content, not by object: Dash's Graph copies the layout into its figure after each relayout
     and draws that copy, and a copy that already holds the labels needs no further relayout. */
  function holds(layout, update) {
    return Object.keys(update).every(function (key) {
      var value = key.split(".").reduce(function (part, name) { return part && part[name]; }, layout);
      return JSON.stringify(value) === JSON.stringify(update[key]);
    });
  }

  /* Horizontal labels in rows above each lane, the counts beside them, and level date ticks. */
  function layOutFlat(meta, full, labels, others, font) {
    /* As many rows as fit between a lane's marks and the name of the lane above it. */
    var lanePx = Math.abs(full.yaxis.l2p(0) - full.yaxis.l2p(1));
    var rowPx = Math.max(ROW_PX, font.size + 9);  /* story mode's projector type needs taller rows */
    var rowCount = Math.max(1, Math.min(ROWS, Math.floor((lanePx - FIRST_PX - NAME_PX) / rowPx)));
    var result = place(meta, full.xaxis, full._size.w, font, rowCount);
    labels = labels.map(function (label, index) {
      var spot = result.shown[index];
      return Object.assign({}, label, spot
        ? { visible: true, ay: -(FIRST_PX + spot[0] * rowPx), xanchor: spot[1], text: labelText(meta[index], spot[2]) }
        : { visible: false }, { x: meta[index][4], y: meta[index][3], ax: 0, yanchor: "bottom" });
    });
    var notes = Object.keys(result.hidden).map(function (lane) {
      return note("+" + result.hidden[lane], 1.005, Number(lane) + 0.35, "left", "y", font.size);
    });
    if (result.earlier) { notes.push(note("◀ " + result.earlier + " earlier", 0, 1.04, "left", "paper", font.size)); }
    if (result.later) { notes.push(note(result.later + " later ▶", 1, 1.04, "right", "paper", font.size)); }
    /* Level date ticks, as many as fit, so that nothing below the axis moves with the width. */
    var ticks = Math.max(2, Math.floor(full._size.w / TICK_PX));
    return { annotations: others.concat(labels, notes), "xaxis.nticks": ticks, "xaxis.tickangle": 0 };
  }

  /* A label's markup: "<b>12</b> title" for a numbered label (its number alone when short). */
  function labelText(item, short) {
    if (!item[5]) { return escapeText(item[1]); }
    var number = "<b>" + escapeText(item[5]) + "</b>";
    return short ? number : number + " " + escapeText(item[1].slice(item[5].length + 1));
  }

  /* Plain text made safe for plotly's HTML-like label markup (timeline.js uses it too). */
  window.timelineLabels = { escapeText: escapeText };

  function hook(gd) {
    if (gd.__labelsHooked || typeof gd.on !== "function") { return; }
    gd.__labelsHooked = true;
    gd.on("plotly_afterplot", function () { layOut(gd); });
    /* plotly's resize drops the layout's height for the container's, and Dash's Graph makes its
       container 100% of a parent that has no height: the next update would then squash the chart.
       Keep the height the chart has (the figure's, or the upright one). */
    gd.on("plotly_relayout", function (event) {
      if (event && event.autosize && gd.layout.height === undefined && gd._fullLayout) {
        gd.layout.height = gd._fullLayout.height;
      }
    });
    /* Dash's Graph copies each relayout into its figure, starting from the figure it last
       rendered. Labels laid out inside a zoom announce themselves before the zoom does, so the
       zoom's copy would bring the old labels back (and draw them, and lay them out again).
       Announce the labels after every other relayout, so that Dash keeps what is drawn. */
    gd.on("plotly_relayout", function (event) {
      var timeline = gd.layout.timeline;
      if (!event || !gd.__labelled || "annotations" in event || !timeline || timeline.upright) { return; }
      /* A resize alone (autosize, width, height) is not copied by Dash: nothing to correct. */
      if (Object.keys(event).every(function (key) { return /^(autosize|width|height)$/.test(key); })) { return; }
      gd.emit("plotly_relayout", Object.assign({}, event, gd.__labelled));
    });
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
    document.querySelectorAll(".js-plotly-plot").forEach(layOut);
  });
})();
