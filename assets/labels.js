/* Event labels on every timeline (explorer, story, embed, brief, images): after each draw, show the
   labels that fit at the current width and zoom, most important first, in rows above each lane's
   marks so that no two overlap, each as long as the room allows.
   The figure (dashboard/figures/timeline.py) carries every label hidden, with layout.timeline =
   {labels: [{id, text, dated, date, importance, y, x, number?}, ...] in the order of its "label"
   annotations, lanes: [{label, color, symbol, y}, ...] top lane first, still?, numbered?, flat?}.
   An interactive chart counts what does not fit per lane ("+4") and the events left and right of
   the window. A still chart (timeline.still: briefs, images, embeds) shows the whole view: it gives
   each lane the rows its labels need, and numbers on the chart and lists under it any event whose
   title still has no room, never a bare count.
   Below NARROW_PX (phones) the same figure is turned upright first: time runs down, compressed
   where nothing happens, lanes are narrow columns and the labels (the date on a line above the
   title) stand in one column beside them. */
(function () {
  "use strict";
  var ROW_PX = 22, FIRST_PX = 16, GAP_PX = 8, PAD_PX = 6, NAME_PX = 34, TOP_PX = 8, TICK_PX = 95;
  var BOTTOM_PX = 34, SLACK_PX = 3, MIN_CUT_PX = 72, MAX_ROWS = 30, KEY_LINE_PX = 17, AXIS_PX = 30, UPRIGHT_NOTE_PX = 26;
  var NARROW_PX = 600, LANE_PX = 34, ROW_V_PX = 38, STEP_PX = 42, MIN_H_PX = 420, MAX_H_PX = 1600;
  var YEAR_MS = 365.25 * 86400000, RANK_SHARE = 0.88, TICK_V_PX = 24;
  var STRETCHED = "Time is stretched where events are dense";
  var GLYPHS = { circle: "●", diamond: "◆", square: "■", "triangle-up": "▲", pentagon: "⬟",
    hexagon: "⬢", star: "★", cross: "✚" };
  var context = document.createElement("canvas").getContext("2d");

  function textWidth(text, font) {
    context.font = font.size + "px " + font.family;
    return context.measureText(text).width + PAD_PX;
  }

  /* The longest start of `text` (cut at a word where it can be, with "…") that fits in `room` px. */
  function cut(text, room, font) {
    if (textWidth(text, font) <= room) { return text; }
    var low = 0, high = text.length;
    while (low < high) {
      var middle = Math.ceil((low + high) / 2);
      if (textWidth(text.slice(0, middle).trimEnd() + "…", font) <= room) { low = middle; } else { high = middle - 1; }
    }
    var part = text.slice(0, low), space = part.lastIndexOf(" ");
    if (space > low * 0.6) { part = part.slice(0, space); }
    return part.replace(/[\s,;:–-]+$/, "") + "…";
  }

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function free(boxes, low, high) {
    return !boxes.some(function (box) { return low < box[1] + GAP_PX && high > box[0] - GAP_PX; });
  }

  /* The room around x in a row: [left edge, right edge] between its neighbours and the plot. */
  function roomAt(boxes, x, width) {
    var left = 0, right = width;
    boxes.forEach(function (box) {
      if (box[1] + GAP_PX <= x) { left = Math.max(left, box[1] + GAP_PX); }
      else if (box[0] - GAP_PX >= x) { right = Math.min(right, box[0] - GAP_PX); }
      else { left = right = x; }
    });
    return [left, right];
  }

  function importantFirst(items) {
    var order = items.map(function (item, index) { return index; });
    return order.sort(function (a, b) { return items[b].importance - items[a].importance || items[a].x - items[b].x; });
  }

  /* Where each label goes: a whole title in the first row where it fits (right of its mark, else
     left), else the longest cut of it that fits beside its mark, else its number alone.
     Returns {shown: {index: {row, side, text, short}}, hidden: {lane y: n}, earlier, later, need}. */
  function place(items, xOf, width, font, rowsOf, numbered) {
    var rows = {}, shown = {}, hidden = {}, need = {}, earlier = 0, later = 0;
    function lane(y) { rows[y] = rows[y] || []; return rows[y]; }
    importantFirst(items).forEach(function (index) {
      var item = items[index], x = xOf(item.x), boxes = lane(item.y), limit = rowsOf(item.y);
      if (x < 0) { earlier += 1; return; }
      if (x > width) { later += 1; return; }
      var text = numbered && item.number ? item.number + " " + item.text : item.text;
      var size = textWidth(text, font), best = null, whole = null;
      for (var row = 0; row < MAX_ROWS && !whole; row += 1) {
        boxes[row] = boxes[row] || [];
        for (var s = 0, spots = [["left", x], ["right", x - size]]; s < 2 && !whole; s += 1) {
          var low = spots[s][1], high = low + size;
          if (low >= 0 && high <= width && free(boxes[row], low, high)) { whole = { row: row, side: spots[s][0], box: [low, high] }; }
        }
      }
      if (whole) { need[item.y] = Math.max(need[item.y] || 1, whole.row + 1); }
      if (whole && whole.row < limit) {
        boxes[whole.row].push(whole.box);
        shown[index] = { row: whole.row, side: whole.side, text: text };
        return;
      }
      for (row = 0; row < limit; row += 1) {
        var room = roomAt(boxes[row], x, width), right = room[1] - x, left = x - room[0];
        var spot = right >= left ? ["left", right] : ["right", left];
        if (spot[1] >= MIN_CUT_PX && (!best || spot[1] > best.room)) { best = { row: row, side: spot[0], room: spot[1] }; }
      }
      var short = best ? cut(text, best.room, font) : null;
      if (!best && item.number) {
        var numberPx = textWidth(item.number, font);
        for (row = 0; row < limit && !best; row += 1) {
          if (free(boxes[row], x, x + numberPx) && x + numberPx <= width) { best = { row: row, side: "left" }; }
          else if (free(boxes[row], x - numberPx, x) && x >= numberPx) { best = { row: row, side: "right" }; }
        }
        short = item.number;
      }
      if (!best) { hidden[item.y] = (hidden[item.y] || 0) + 1; return; }
      var px = textWidth(short, font);
      boxes[best.row].push(best.side === "left" ? [x, x + px] : [x - px, x]);
      shown[index] = { row: best.row, side: best.side, text: short, short: short === item.number };
    });
    return { shown: shown, hidden: hidden, need: need, earlier: earlier, later: later };
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
    var at0 = counts[0] / 2, positions = knots.map(function (t, k) {
      if (k) { at0 += (counts[k - 1] + counts[k]) / 2; }
      return RANK_SHARE * at0 / n + (1 - RANK_SHARE) * (t - knots[0]) / span;
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

  /* The lane's column (0 = the first lane, at the left) of a flat chart's y value. */
  function columnOf(lanes) {
    var columns = {};
    lanes.forEach(function (lane, index) { columns[lane.y] = index; });
    return function (y) { return columns[y]; };
  }

  /* The horizontal figure turned upright: time runs down on the stretched scale, lanes become
     narrow columns (first lane at the left) under a key of their names. */
  function upright(data, layout, width) {
    var meta = layout.timeline, lanes = meta.lanes, column = columnOf(lanes);
    var times = meta.labels.map(function (item) { return item.x; });
    var at = stretch(times);
    var traces = data.filter(function (trace) { return !(trace.meta && trace.meta.kind === "grid"); }).map(function (trace) {
      var turned = Object.assign({}, trace, {
        x: (trace.y || []).map(column),
        y: (trace.x || []).map(function (x) { return at(toMs(x)); }),
      });
      if (trace.type === "bar") {
        turned.orientation = "v";
        turned.base = trace.base.map(function (b) { return at(toMs(b)); });
        turned.y = trace.base.map(function (b, i) { return at(toMs(b) + trace.x[i]) - at(toMs(b)); });
      }
      return turned;
    });
    var most = meta.still ? 40 * MAX_H_PX : MAX_H_PX;
    var height = Math.max(MIN_H_PX, Math.min(most, meta.labels.length * STEP_PX + 80));
    var keyLines = keyRows(lanes, width - 52, { size: 12, family: layout.font && layout.font.family });
    var margin = { l: 44, r: 8, t: 12 + keyLines.length * KEY_LINE_PX, b: 24 };
    var timeAxis = {
      range: [at.ends[1], at.ends[0]], fixedrange: true, showticklabels: false,
      showgrid: false, zeroline: false,
    };
    var laneAxis = {
      range: [-0.5, -0.5 + (width - margin.l - margin.r) / LANE_PX], fixedrange: true,
      showgrid: false, zeroline: false, showticklabels: false,
    };
    var labels = layout.annotations.filter(function (a) { return a.name === "label"; }).map(function (a, i) {
      return Object.assign({}, a, { x: column(meta.labels[i].y), y: at(meta.labels[i].x), visible: false });
    });
    var turned = Object.assign({}, layout, {
      xaxis: laneAxis, yaxis: timeAxis, height: height, dragmode: false, margin: margin,
      annotations: [{
        text: keyLines.join("<br>"), x: 0, xref: "paper", y: 1, yref: "paper", yanchor: "bottom", xanchor: "left",
        yshift: 6, showarrow: false, font: { size: 12, color: "#1f2933" }, name: "upright",
      }, {
        text: STRETCHED, x: 0, xref: "paper", y: 0, yref: "paper",
        yanchor: "top", xanchor: "left", yshift: -4, showarrow: false, name: "upright-note",
        font: { size: 11, color: "#7b8794" },
      }].concat(labels),
      timeline: Object.assign({}, meta, {
        upright: true, stretched: meta.labels.map(function (item) { return at(item.x); }),
        span: [Math.min.apply(null, times), Math.max.apply(null, times)],
      }),
    });
    return { data: traces, layout: turned };
  }

  /* The upright chart's key of lane names, in as many lines as a phone's width needs (one line
     ran past the right edge at 375 px). */
  function keyRows(lanes, room, font) {
    var lines = [], line = "", used = 0;
    lanes.forEach(function (lane) {
      var glyph = GLYPHS[lane.symbol] || "●", entry = glyph + " " + lane.label;
      var size = textWidth(entry, font) + (line ? textWidth("   ", font) : 0);
      if (line && used + size > room) { lines.push(line); line = ""; used = 0; size = textWidth(entry, font); }
      line += (line ? "   " : "") + '<span style="color:' + lane.color + '">' + glyph + "</span> " + escapeText(lane.label);
      used += size;
    });
    return line ? lines.concat([line]) : lines;
  }

  /* Upright labels: one column right of the lanes, each near its mark, most important first
     (the whole span is on screen upright, so nothing is earlier or later than the view). */
  function placeUpright(items, stretched, axis, height) {
    var taken = [], shown = {}, hidden = [];
    importantFirst(items).forEach(function (index) {
      var y = axis.l2p(stretched[index]);
      var shifts = [0, 1, -1, 2, -2, 3, -3].map(function (rows) { return rows * ROW_V_PX; });
      for (var s = 0; s < shifts.length; s += 1) {
        var low = y + shifts[s] - ROW_V_PX / 2, high = low + ROW_V_PX;
        var open = low >= -4 && high <= height + 4 && !taken.some(function (box) {
          return low < box[1] && high > box[0];
        });
        if (open) { taken.push([low, high]); shown[index] = shifts[s]; return; }
      }
      hidden.push(index);
    });
    return { shown: shown, hidden: hidden, taken: taken };
  }

  /* 1 January of a year in ms (Date.UTC reads years 0–99 as 1900–1999). */
  function yearStart(year) { return new Date(0).setUTCFullYear(year, 0, 1); }

  /* Year ticks at the chart's edge, from the first event's year to the last's, only where no
     label's row stands (a year beside a label would read as its date), thinned to TICK_V_PX. */
  function yearTicks(span, stretched, axis, taken) {
    var ticks = [], lastPx = -Infinity;
    var first = new Date(span[0]).getUTCFullYear(), last = new Date(span[1]).getUTCFullYear();
    for (var year = first; year <= last; year += 1) {
      var value = stretched(yearStart(year)), px = axis.l2p(value);
      var clear = !taken.some(function (box) { return px > box[0] - TICK_V_PX / 2 && px < box[1] + TICK_V_PX / 2; });
      if (yearStart(year) < span[0] || !clear || px - lastPx < TICK_V_PX) { continue; }
      ticks.push({ value: value, text: String(year) }); lastPx = px;
    }
    return ticks;
  }

  function layOutUpright(meta, full, labels, others, font) {
    var columnPx = full.xaxis.l2p(meta.lanes.length - 0.4);
    var room = full._size.w - columnPx - 4, column = columnOf(meta.lanes);
    var result = placeUpright(meta.labels, meta.stretched, full.yaxis, full._size.h);
    labels = labels.map(function (label, index) {
      var shift = result.shown[index];
      if (shift === undefined) { return Object.assign({}, label, { visible: false }); }
      var item = meta.labels[index];
      return Object.assign({}, label, {
        visible: true, ax: columnPx - full.xaxis.l2p(column(item.y)), ay: shift,
        xanchor: "left", yanchor: "middle", align: "left",
        text: '<span style="font-size:' + (font.size - 2) + 'px;color:#52606d">' + escapeText(item.date) + "</span><br>" +
          escapeText(cut(item.dated.slice(item.date.length + 3), room, font)),
      });
    });
    var listed = meta.still ? result.hidden : [];
    var more = meta.still ? 0 : result.hidden.length;
    /* What is left out is counted on the note's own line: two notes at the foot would collide. */
    others = others.map(function (a) {
      return a.name === "upright-note" ? Object.assign({}, a, { text: STRETCHED + (more ? " · +" + more + " more" : "") }) : a;
    });
    var at = stretch(meta.labels.map(function (item) { return item.x; }));
    /* Drawn as notes, not axis ticks: Dash's Graph copies a changed axis into its figure, and the
       flat chart it turns back into would keep the upright axis. */
    var ticks = yearTicks(meta.span, at, full.yaxis, result.taken).map(function (tick) {
      return {
        text: tick.text, x: 0, xref: "paper", xanchor: "right", xshift: -6, y: tick.value, yanchor: "middle",
        showarrow: false, font: { size: 12, color: "#52606d" }, name: "label-tick",
      };
    });
    return Object.assign({ annotations: others.concat(ticks, labels) },
      listedKey(meta, full, listed.map(function (index) { return meta.labels[index]; }), font, UPRIGHT_NOTE_PX));
  }

  function note(text, x, y, xanchor, yref, size) {
    return {
      text: text, x: x, y: y, xref: "paper", yref: yref, xanchor: xanchor, yanchor: "middle",
      showarrow: false, font: { size: size, color: "#52606d" }, name: "label-note",
    };
  }

  /* Under a still chart, the events whose titles found no room, by number: "12 Title, May 2018".
     The margin and height grow by the key's lines; the credit moves below it. */
  function listedKey(meta, full, items, font, offset) {
    var keyPx = items.length ? items.length * KEY_LINE_PX + 8 : 0, before = meta.keyPx || 0;
    var update = {};
    if (!meta.still || keyPx === before) { return update; }
    var keyFont = { size: 12, family: font.family }, width = full._size.w;
    var lines = items.slice().sort(function (a, b) { return Number(a.number) - Number(b.number) || a.x - b.x; }).map(function (item) {
      return escapeText(cut((item.number ? item.number + " " : "") + item.text + ", " + item.date, width, keyFont));
    });
    var base = full.margin.b - before;
    update["margin.b"] = base + keyPx;
    update.height = full.height + keyPx - before;
    update["timeline.keyPx"] = keyPx;
    update.key = lines.length ? {
      text: lines.join("<br>"), x: 0, y: 0, xref: "paper", yref: "paper", xanchor: "left", yanchor: "top",
      yshift: -offset, align: "left", showarrow: false, font: { size: 12, color: "#1f2933" }, name: "label-key",
    } : null;
    update.creditShift = keyPx - before;
    return update;
  }

  /* A still chart's lanes resized to the rows their labels need (once): every trace, label and
     lane name moves with its lane, and the chart's height changes by what the lanes gained. */
  function resized(gd, need, rowPx) {
    var meta = gd.layout.timeline, lanes = meta.lanes.slice().sort(function (a, b) { return a.y - b.y; });
    var moved = {}, at = 0;
    lanes.forEach(function (lane, index) {
      moved[lane.y] = at;
      var rows = need[lane.y] || 1;
      at += FIRST_PX + rows * rowPx + (index === lanes.length - 1 ? TOP_PX : NAME_PX);
    });
    var top = at, full = gd._fullLayout;
    function move(y) { return y in moved ? moved[y] : y; }
    var data = gd.data.map(function (trace) {
      return trace.y ? Object.assign({}, trace, { y: trace.y.map(function (y) { return y === null ? y : move(y); }) }) : trace;
    });
    var annotations = (gd.layout.annotations || []).map(function (a) {
      return a.yref === "paper" ? a : Object.assign({}, a, { y: move(a.y) });
    });
    var timeline = Object.assign({}, meta, {
      resized: true,
      labels: meta.labels.map(function (item) { return Object.assign({}, item, { y: move(item.y) }); }),
      lanes: meta.lanes.map(function (lane) { return Object.assign({}, lane, { y: move(lane.y) }); }),
    });
    var height = full.height - full._size.h + top + BOTTOM_PX;
    if (height < (meta.minHeight || 0)) { top += meta.minHeight - height; height = meta.minHeight; }
    var layout = Object.assign({}, gd.layout, {
      annotations: annotations, timeline: timeline, height: height,
      yaxis: Object.assign({}, gd.layout.yaxis, { range: [-BOTTOM_PX, top] }),
    });
    return window.Plotly.react(gd, data, layout);
  }

  function settle(gd) {
    gd.__settled = true;
    (gd.__waiting || []).forEach(function (resolve) { resolve(gd); });
    gd.__waiting = [];
  }

  function layOut(gd) {
    var timeline = gd.layout && gd.layout.timeline, meta = timeline && timeline.labels;
    var full = gd._fullLayout;
    if (!meta || !full || !full.xaxis || !full._size) { return; }
    gd.__settled = false;
    var narrow = window.innerWidth < NARROW_PX && !timeline.flat;
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
    var others = gd.layout.annotations.filter(function (a) {
      return ["label", "label-note", "label-key", "label-tick"].indexOf(a.name) < 0;
    });
    var font = { size: labels.length ? labels[0].font.size : 13, family: full.font.family };
    var update = narrow
      ? layOutUpright(timeline, full, labels, others, font)
      : layOutFlat(gd, timeline, full, labels, others, font);
    if (!update) { return; }  /* the lanes were resized: the next draw lays the labels out */
    if (update.key !== undefined || update.creditShift) {
      var shift = update.creditShift || 0;
      update.annotations = update.annotations.map(function (a) {
        return a.name === "credit" && shift ? Object.assign({}, a, { yshift: (a.yshift || 0) - shift }) : a;
      }).concat(update.key ? [update.key] : []);
    } else if (timeline.still) {
      var kept = gd.layout.annotations.filter(function (a) { return a.name === "label-key"; });
      update.annotations = update.annotations.concat(kept);
    }
    delete update.key;
    delete update.creditShift;
    gd.__labelled = update;
    if (!holds(gd.layout, update)) { window.Plotly.relayout(gd, update); } else { settle(gd); }
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

  /* The rows each lane has: as many as fit between its marks and the name of the lane above it. */
  function rowsByLane(meta, axis, rowPx) {
    var ys = meta.lanes.map(function (lane) { return lane.y; }).sort(function (a, b) { return a - b; });
    var rows = {};
    ys.forEach(function (y, index) {
      var above = index + 1 < ys.length ? axis.l2p(ys[index + 1]) + NAME_PX : TOP_PX;
      rows[y] = Math.max(1, Math.floor((axis.l2p(y) - FIRST_PX - above + SLACK_PX) / rowPx));
    });
    return function (y) { return rows[y] || 1; };
  }

  /* Horizontal labels in rows above each lane, the counts beside them, and level date ticks. */
  function layOutFlat(gd, timeline, full, labels, others, font) {
    var meta = timeline.labels;
    var rowPx = Math.max(ROW_PX, font.size + 9);  /* story mode's projector type needs taller rows */
    var rowsOf = rowsByLane(timeline, full.yaxis, rowPx);
    function xOf(x) { return full.xaxis.l2p(x); }
    if (timeline.still && !timeline.resized) {
      var unlimited = place(meta, xOf, full._size.w, font, function () { return MAX_ROWS; }, timeline.numbered);
      resized(gd, unlimited.need, rowPx);
      return null;
    }
    var result = place(meta, xOf, full._size.w, font, rowsOf, timeline.numbered);
    labels = labels.map(function (label, index) {
      var spot = result.shown[index];
      var text = spot && (spot.short ? "<b>" + escapeText(spot.text) + "</b>" : numberedText(meta[index], spot.text, timeline.numbered));
      return Object.assign({}, label, spot
        ? { visible: true, ay: -(FIRST_PX + spot.row * rowPx), xanchor: spot.side, text: text }
        : { visible: false }, { x: meta[index].x, y: meta[index].y, ax: 0, yanchor: "bottom" });
    });
    var notes = [], listed = [];
    if (timeline.still) {
      listed = meta.filter(function (item, index) { return !result.shown[index] || result.shown[index].short; });
    } else {
      notes = Object.keys(result.hidden).map(function (lane) {
        return note("+" + result.hidden[lane], 1.005, Number(lane) + FIRST_PX, "left", "y", font.size);
      });
      if (result.earlier) { notes.push(note("◀ " + result.earlier + " earlier", 0, 1.04, "left", "paper", font.size)); }
      if (result.later) { notes.push(note(result.later + " later ▶", 1, 1.04, "right", "paper", font.size)); }
    }
    /* Level date ticks, as many as fit, so that nothing below the axis moves with the width. */
    var ticks = Math.max(2, Math.floor(full._size.w / TICK_PX));
    return Object.assign({ annotations: others.concat(labels, notes), "xaxis.nticks": ticks, "xaxis.tickangle": 0 },
      listedKey(timeline, full, listed, font, AXIS_PX));
  }

  /* A label's markup: "<b>12</b> title" for a numbered label. */
  function numberedText(item, text, numbered) {
    if (!numbered || !item.number || text.indexOf(item.number + " ") !== 0) { return escapeText(text); }
    return "<b>" + escapeText(item.number) + "</b> " + escapeText(text.slice(item.number.length + 1));
  }

  /* Resolves once the chart's labels are laid out (for images and print). */
  function settled(gd) {
    return new Promise(function (resolve) {
      if (gd.__settled) { resolve(gd); return; }
      gd.__waiting = (gd.__waiting || []).concat([resolve]);
      hook(gd);
    });
  }

  /* Plain text made safe for plotly's HTML-like label markup (timeline.js uses it too). */
  window.timelineLabels = { escapeText: escapeText, settled: settled };

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
