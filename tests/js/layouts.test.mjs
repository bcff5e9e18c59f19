/* The level and upright label layouts (assets/js/flat.js, upright.js) on a made-up figure and
   plot area: dates are already pixels across a 600 × 200 px plot; text is 7 px a character. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { boxWidth } from "../../assets/js/placement.js";
import { layOutFlat, resizedFigure } from "../../assets/js/flat.js";
import { STRETCHED, layOutUpright, stretch, upright, yearTicks } from "../../assets/js/upright.js";

const widthAt = () => boxWidth((text) => text.length * 7);
const AREA = { width: 600, height: 200, figureHeight: 300, marginBottom: 40, xToPx: (x) => x, yToPx: (y) => 200 - y };
const YEAR = 365.25 * 86400000;

function figure(labels, more = {}) {
  const annotations = labels.map((item) => ({ name: "label", x: item.x, y: item.y, text: item.text, visible: false, font: { size: 13 } }));
  return {
    data: [{ type: "scatter", x: labels.map((item) => item.x), y: labels.map((item) => item.y), meta: { kind: "point" } },
      { type: "scatter", x: [0, 600], y: [0, 0], meta: { kind: "grid" } }],
    layout: {
      annotations: [{ name: "credit", text: "Source", yshift: -30 }, ...annotations], height: 300, yaxis: { range: [-34, 60] },
      timeline: { labels, lanes: [{ label: "Diplomatic", color: "#000", symbol: "circle", y: 0 }], ...more },
    },
  };
}

function label(id, x, more = {}) {
  return { id, text: "Event " + id, dated: "2001 · Event " + id, date: "2001", importance: 2, y: 0, x, ...more };
}

function laidOut(fig) {
  const labels = fig.layout.annotations.filter((a) => a.name === "label");
  const others = fig.layout.annotations.filter((a) => a.name !== "label");
  return layOutFlat(fig.layout.timeline, AREA, labels, others, 13, widthAt);
}

test("an interactive chart counts what has no room beside its lane", () => {
  const fig = figure(Array.from({ length: 12 }, (_, i) => label(String(i), 100 + i)));
  const update = laidOut(fig);
  const shown = update.annotations.filter((a) => a.name === "label" && a.visible);
  const count = update.annotations.find((a) => a.name === "label-note");
  assert.equal(count.text, "+" + (12 - shown.length));
  assert.ok(shown.length >= 1 && shown.length < 12);
  assert.equal(update.key, undefined, "no key of listed events");
});

test("a still chart numbers and lists what has no room instead of counting it", () => {
  const labels = Array.from({ length: 12 }, (_, i) => label(String(i), 100 + i, { number: String(i + 1) }));
  const update = laidOut(figure(labels, { still: true }));
  const shown = update.annotations.filter((a) => a.name === "label" && a.visible);
  const titled = shown.filter((a) => !a.text.startsWith("<b>"));
  assert.ok(!update.annotations.some((a) => a.name === "label-note"), "no bare count");
  const listed = update.key.text.split("<br>");
  assert.equal(listed.length, 12 - titled.length, "every event not titled is listed");
  assert.match(listed[0], /^\d+ Event \d+, 2001$/);
  assert.equal(update.creditShift, update["timeline.keyPx"]);
  assert.equal(update.height, 300 + update["timeline.keyPx"]);
});

test("a still chart's lanes grow to the rows their labels need", () => {
  const labels = Array.from({ length: 6 }, (_, i) => label(String(i), 100 + i));
  const fig = figure(labels, { still: true });
  const resized = resizedFigure(fig.data, fig.layout, AREA, 13, widthAt);
  assert.equal(resized.layout.timeline.resized, true);
  /* Six labels at one point need six rows: 16 px to the first, 22 px a row, 8 px above. */
  assert.deepEqual(resized.layout.yaxis.range, [-34, 16 + 6 * 22 + 8]);
  assert.equal(resized.layout.height, 300 - 200 + 16 + 6 * 22 + 8 + 34);
});

test("the stretched scale keeps order and span but gives dense years the room", () => {
  const times = [Date.UTC(1950, 0, 1), ...Array.from({ length: 10 }, (_, i) => Date.UTC(2000, i, 1)), Date.UTC(2020, 0, 1)];
  const at = stretch(times);
  for (let t = times[0] - YEAR; t < times[times.length - 1] + YEAR; t += YEAR / 4) {
    assert.ok(at(t + YEAR / 4) > at(t), "monotone");
  }
  const whole = at(times[times.length - 1]) - at(times[0]);
  const emptyHalfCentury = at(Date.UTC(2000, 0, 1)) - at(Date.UTC(1950, 0, 1));
  const denseYear = at(Date.UTC(2000, 9, 1)) - at(Date.UTC(2000, 0, 1));
  assert.ok(emptyHalfCentury / whole < 0.25, "fifty empty years shrink from 71% of the span");
  assert.ok(denseYear / whole > 0.6, "one crowded year takes most of it");
  assert.ok(at.ends[0] < at(times[0]) && at.ends[1] > at(times[times.length - 1]), "the ends leave room");
});

test("year ticks stand only within the events' years and never beside a label's row", () => {
  const span = [Date.UTC(1990, 5, 1), Date.UTC(2000, 5, 1)];
  const at = stretch(span);
  const toPx = (value) => (value - at.ends[0]) / (at.ends[1] - at.ends[0]) * 500;
  const taken = [[toPx(at(Date.UTC(1995, 0, 1))) - 19, toPx(at(Date.UTC(1995, 0, 1))) + 19]];
  const ticks = yearTicks(span, at, toPx, taken);
  const years = ticks.map((tick) => Number(tick.text));
  assert.ok(years.length >= 3);
  assert.ok(years.every((year) => year >= 1991 && year <= 2000), "1990 starts before the first event");
  assert.ok(!years.includes(1995), "a year beside a label would read as its date");
  for (let i = 1; i < ticks.length; i += 1) { assert.ok(toPx(ticks[i].value) - toPx(ticks[i - 1].value) >= 24); }
});

test("a figure turned upright runs time down in lane columns, with its labels hidden until laid out", () => {
  const labels = [label("a", Date.UTC(1972, 8, 29)), label("b", Date.UTC(2019, 4, 7)), label("c", Date.UTC(2019, 4, 20))];
  const fig = figure(labels);
  fig.data.push({ type: "scatter", mode: "lines", x: [Date.UTC(1972, 8, 29), Date.UTC(2019, 4, 7)], y: [0, 0], meta: { kind: "relations" } });
  const turned = upright(fig.data, fig.layout, 360, widthAt);
  assert.equal(turned.data.length, 1, "the lanes' grid lines and the related events' links go");
  assert.deepEqual(turned.data[0].x, [0, 0, 0], "one lane, one column");
  const ys = turned.data[0].y;
  assert.ok(ys[0] < ys[1] && ys[1] < ys[2]);
  assert.ok(turned.layout.yaxis.range[0] > turned.layout.yaxis.range[1], "time runs down");
  assert.equal(turned.layout.timeline.upright, true);
  assert.deepEqual(turned.layout.timeline.stretched, ys);
  assert.ok(turned.layout.height >= 420);
  assert.ok(turned.layout.annotations.some((a) => a.name === "upright-note" && a.text === STRETCHED));
  assert.ok(turned.layout.annotations.filter((a) => a.name === "label").every((a) => !a.visible));
});

test("upright labels carry their date above their title, cut to the room beside the lanes", () => {
  const labels = [label("a", Date.UTC(1972, 8, 29), { text: "Joint Communiqué", dated: "29 Sep 1972 · Joint Communiqué of the Government of Japan and the PRC", date: "29 Sep 1972" })];
  const fig = figure(labels);
  const turned = upright(fig.data, fig.layout, 360, widthAt).layout;
  const area = { ...AREA, width: 200, yToPx: () => 100, xToPx: (x) => x * 34 };
  const update = layOutUpright(turned.timeline, area, turned.annotations.filter((a) => a.name === "label"),
    turned.annotations.filter((a) => a.name !== "label"), 13, widthAt);
  const shown = update.annotations.find((a) => a.name === "label");
  /* 200 px less the lane column (0.6 × 34 px) and 4 px: 175 px, or 23 characters and "…". */
  assert.equal(shown.text, '<span style="font-size:11px;color:#52606d">29 Sep 1972</span><br>Joint Communiqué of the…');
  assert.equal(shown.ay, 0, "beside its mark");
});

test("the upright key of lane names wraps to the phone's width and the plot starts below it", () => {
  const lanes = ["Diplomatic", "Economic", "Military & security", "Culture"].map((name, i) => ({ label: name, color: "#000", symbol: "circle", y: i * 100 }));
  const fig = figure([label("a", Date.UTC(2001, 0, 1)), label("b", Date.UTC(2002, 0, 1))]);
  fig.layout.timeline.lanes = lanes;
  const wide = upright(fig.data, fig.layout, 1000, widthAt).layout;
  const narrow = upright(fig.data, fig.layout, 300, widthAt).layout;
  const lines = (layout) => layout.annotations.find((a) => a.name === "upright").text.split("<br>").length;
  assert.equal(lines(wide), 1);
  assert.ok(lines(narrow) >= 2);
  assert.equal(narrow.margin.t - wide.margin.t, (lines(narrow) - 1) * 17);
  assert.match(narrow.annotations.find((a) => a.name === "upright").text, /Military &amp; security/);
});
