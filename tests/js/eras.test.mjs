/* Era bands and their labels (assets/js/eras.js) in the level and the upright layouts, on a
   made-up figure: dates are already pixels across a 600 × 200 px plot; text is 7 px a character. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { boxWidth } from "../../assets/js/placement.js";
import { layOutFlat, resizedFigure } from "../../assets/js/flat.js";
import { layOutUpright, upright } from "../../assets/js/upright.js";

const widthAt = () => boxWidth((text) => text.length * 7);
const AREA = { width: 600, height: 200, figureHeight: 300, marginBottom: 40, xToPx: (x) => x, yToPx: (y) => 200 - y };

function era(id, x0, x1, row, lane = null) {
  return { id, label: "Era " + id + " with a long name", x0, x1, row, lane, color: "#7b6ca8" };
}

function figure(eras, more = {}) {
  const labels = [{ id: "e", text: "Event", dated: "2001 · Event", date: "2001", importance: 2, y: 0, x: 300 }];
  const eraLabels = eras.map((item) => ({ name: "era", text: item.label, x: item.x0, xref: "x", yref: "paper", y: 1, visible: false, font: { size: 11 } }));
  const lane = eras.filter((item) => item.lane !== null).map(() => ({ name: "era", yref: "y", ysizemode: "pixel", yanchor: 0, y0: -30, y1: 12 }));
  return {
    data: [{ type: "scatter", x: [300], y: [0], meta: { kind: "point" } }],
    layout: {
      annotations: [{ name: "label", x: 300, y: 0, text: "Event", visible: false, font: { size: 13 } }, ...eraLabels],
      shapes: lane, height: 300, yaxis: { range: [-34, 100] },
      timeline: {
        labels, lanes: [{ label: "Diplomatic", color: "#000", symbol: "circle", y: 0 }], eras, eraStrip: eras.length ? 38 : 0, eraRow: 18, ...more,
      },
    },
  };
}

function flat(fig, area = AREA) {
  const annotations = fig.layout.annotations;
  return layOutFlat(fig.layout.timeline, area, annotations.filter((a) => a.name === "label"),
    annotations.filter((a) => a.name !== "label"), 13, widthAt);
}

test("an era's label stands at its band's first visible day, cut to the band and to the next label in its row", () => {
  const fig = figure([era("a", -100, 200, 0), era("b", 150, 700, 0), era("c", 50, 120, 1), era("d", 580, 590, 1)]);
  const labels = flat(fig).annotations.filter((a) => a.name === "era");
  assert.deepEqual(labels.map((a) => a.visible), [true, true, true, false], "a 10 px band stays unlabelled");
  assert.equal(labels[0].xref, "paper");
  assert.ok(Math.abs(labels[0].x * 600) < 2, "clipped to the window's left edge");
  /* a: 0 → 150 − 6 px (b starts there), less 4 px of padding: 140 px, 19 characters and "…". */
  assert.ok(labels[0].text.endsWith("…") && labels[0].text.length * 7 + 6 <= 140 + 7);
  assert.ok(Math.abs(labels[1].x * 600 - 150) < 2);
  assert.ok(labels[2].text.length * 7 <= 70, "cut to its 70 px band");
});

test("the era strip is kept clear of the top lane's label rows", () => {
  const crowded = (eras) => {
    const fig = figure(eras);
    fig.layout.timeline.labels = Array.from({ length: 20 }, (_, i) => ({ id: String(i), text: "Event " + i, dated: "", date: "2001", importance: 2, y: 0, x: 300 }));
    fig.layout.annotations = fig.layout.timeline.labels.map((l) => ({ name: "label", x: 300, y: 0, text: l.text, visible: false, font: { size: 13 } }))
      .concat(fig.layout.annotations.filter((a) => a.name === "era"));
    return flat(fig).annotations.filter((a) => a.name === "label" && a.visible).map((a) => -a.ay);
  };
  /* The lane's marks stand 200 px down: rows rise 16 px, then 22 px each, to 8 px under the top
     without eras, and to 8 px under the 38 px strip with them. */
  assert.equal(Math.max(...crowded([])), 16 + 7 * 22);
  assert.equal(Math.max(...crowded([era("a", 0, 600, 0)])), 16 + 5 * 22);
  const fig = figure([era("a", 0, 600, 0)]);
  const resized = resizedFigure(fig.data, fig.layout, AREA, 13, widthAt);
  assert.equal(resized.layout.yaxis.range[1], 16 + 22 + 8 + 38, "the strip stays above the grown lanes");
});

test("a lane's era band moves with its lane when a still chart's lanes grow", () => {
  const fig = figure([era("a", 0, 600, 0, 0)], { still: true });
  fig.layout.timeline.lanes.push({ label: "Economic", color: "#111", symbol: "square", y: -100 });
  fig.layout.shapes[0].yanchor = -100;
  fig.layout.timeline.eras[0].lane = -100;
  const resized = resizedFigure(fig.data, fig.layout, AREA, 13, widthAt);
  assert.equal(resized.layout.shapes[0].yanchor, 0, "the bottom lane moved to 0");
  assert.equal(resized.layout.timeline.eras[0].lane, 0);
});

test("turned upright, bands run across the lane columns and their labels read down a column left of the lanes", () => {
  const day = 86400000, fig = figure([era("a", Date.UTC(2009, 0, 1), Date.UTC(2017, 0, 1), 0), era("b", Date.UTC(2012, 11, 26), Date.UTC(2019, 5, 1), 1, 0)]);
  fig.layout.timeline.labels = [2008, 2012, 2016, 2019].map((year, i) => ({ id: String(i), text: "E", dated: year + " · E", date: String(year), importance: 2, y: 0, x: Date.UTC(year, 0, 1) + day }));
  fig.layout.annotations = fig.layout.timeline.labels.map((l) => ({ name: "label", x: l.x, y: 0, text: "E", visible: false, font: { size: 13 } }))
    .concat(fig.layout.annotations.filter((a) => a.name === "era"));
  const turned = upright(fig.data, fig.layout, 375, widthAt).layout;
  const bands = turned.shapes.filter((s) => s.name === "era");
  assert.deepEqual([bands[0].xref, bands[0].x0, bands[0].x1], ["paper", 0, 1], "across every lane");
  assert.deepEqual([bands[1].xref, bands[1].x0, bands[1].x1], ["x", -0.5, 0.5], "its lane's column only");
  assert.ok(bands[0].y0 < bands[0].y1, "from its start down to its end");
  assert.ok(turned.xaxis.range[0] < -0.5 - 36 / 34, "the lanes start right of two era columns");
  const heads = turned.shapes.filter((s) => s.name === "era-head");
  assert.ok(heads.every((s) => s.x1 <= -0.5), "era columns stand left of the lanes");
  const third = { ...fig.layout, timeline: { ...fig.layout.timeline, eras: [...fig.layout.timeline.eras, era("c", Date.UTC(2016, 4, 20), Date.UTC(2019, 5, 1), 2)] } };
  const shared = upright(fig.data, third, 375, widthAt).layout;
  assert.deepEqual(shared.timeline.eras.map((item) => item.row), [0, 1, 1], "a phone keeps two era columns");
  assert.equal(shared.xaxis.range[0], turned.xaxis.range[0]);
  const [low, high] = turned.yaxis.range.slice().sort((a, b) => a - b);
  const area = { ...AREA, width: 300, height: 500, xToPx: (x) => (x - turned.xaxis.range[0]) * 34, yToPx: (y) => (y - low) / (high - low) * 500 };
  const all = turned.annotations;
  const update = layOutUpright(turned.timeline, area, all.filter((a) => a.name === "label"), all.filter((a) => a.name !== "label"), 13, widthAt);
  const labels = update.annotations.filter((a) => a.name === "era");
  assert.equal(labels.length, 2);
  assert.ok(labels.every((a) => a.visible && a.textangle === 90 && a.x < -0.5));
  assert.ok(labels[0].y <= 1 && labels[0].y > labels[1].y, "the earlier era's label starts higher");
});

test("an era with no row (out of the window the chart opened on) keeps its band but no head or label", () => {
  const fig = figure([era("a", 100, 400, null)], { eraStrip: 0 });
  const labels = flat(fig).annotations.filter((a) => a.name === "era");
  assert.deepEqual(labels.map((a) => a.visible), [false], "in view, but no strip to label it in");
  const turned = upright(fig.data, fig.layout, 375, widthAt).layout;
  assert.deepEqual(turned.shapes.map((s) => s.name), ["era"], "its band, and no column heads it");
  const alone = upright(fig.data, figure([]).layout, 375, widthAt).layout;
  assert.equal(turned.xaxis.range[0], alone.xaxis.range[0], "no era column is kept for it");
});
