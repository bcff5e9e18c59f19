/* Label placement (assets/js/placement.js) without a browser: text is measured as 7 px a
   character, and dates are already pixels (xOf is the identity). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { GAP_PX, MIN_CUT_PX, boxWidth, cut, place, placeUpright, ROW_V_PX } from "../../assets/js/placement.js";

const widthOf = boxWidth((text) => text.length * 7);
const WIDTH = 800;

function label(id, x, importance = 2, more = {}) {
  return { id, text: "Event " + id, dated: "2001 · Event " + id, date: "2001", importance, y: 0, x, ...more };
}

function layOut(labels, rows = 3, more = {}) {
  return place(labels, { xOf: (x) => x, width: WIDTH, rowsOf: () => rows, numbered: false, widthOf, ...more });
}

/* The box each shown label takes, by lane and row. */
function boxes(labels, shown) {
  return shown.flatMap((spot, index) => {
    if (!spot) { return []; }
    const x = labels[index].x, px = widthOf(spot.text);
    return [{ lane: labels[index].y, row: spot.row, low: spot.side === "left" ? x : x - px, high: spot.side === "left" ? x + px : x }];
  });
}

/* A seeded stream of numbers in [0, 1), so a failure can be replayed. */
function seeded(seed) {
  return () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
}

test("no two labels overlap in a row, whatever the crowd", () => {
  const random = seeded(7);
  for (let round = 0; round < 20; round += 1) {
    const labels = Array.from({ length: 60 }, (_, i) =>
      label(String(i), Math.round(random() * WIDTH), 1 + Math.floor(random() * 3), { y: Math.floor(random() * 3) * 100,
        text: "Title ".repeat(1 + Math.floor(random() * 6)).trim() }));
    const placed = boxes(labels, layOut(labels).shown);
    assert.ok(placed.length > 10);
    for (const a of placed) {
      assert.ok(a.low >= 0 && a.high <= WIDTH, "inside the plot");
      for (const b of placed) {
        if (a !== b && a.lane === b.lane && a.row === b.row) {
          assert.ok(a.high + GAP_PX <= b.low || b.high + GAP_PX <= a.low, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`);
        }
      }
    }
  }
});

test("the most important label takes the room, whatever its order", () => {
  const crowd = [label("a", 400, 1), label("b", 400, 3), label("c", 400, 2)];
  const shown = layOut(crowd, 1).shown;
  assert.deepEqual(shown[1], { row: 0, side: "left", text: "Event b" });
  assert.equal(shown[1].text, "Event b", "the most important is whole, beside its mark");
  const second = layOut([...crowd].reverse(), 1).shown;
  assert.equal(second[1].text, "Event b");
});

test("labels that do not fit are counted per lane, and those outside the plot as earlier or later", () => {
  const labels = [label("left", -5), label("right", WIDTH + 5), ...Array.from({ length: 8 }, (_, i) => label(String(i), 100 + i))];
  const result = layOut(labels, 2);
  assert.equal(result.earlier, 1);
  assert.equal(result.later, 1);
  const shown = result.shown.filter(Boolean).length;
  assert.equal(shown + result.hidden[0], 8, "every label in view is shown or counted");
  assert.ok(result.hidden[0] > 0);
});

test("numbered labels are titled, else numbered, else left to be listed, most important first", () => {
  /* One row: a and b stand whole; c has 52 px between them (too little for a cut), so its number
     stands alone; d has room for nothing. */
  const labels = [
    label("d", 120, 1, { number: "4" }), label("c", 100, 1, { number: "3" }),
    label("b", 160, 2, { number: "2" }), label("a", 10, 3, { number: "1" }),
  ];
  const { shown, hidden } = place(labels, { xOf: (x) => x, width: 300, rowsOf: () => 1, numbered: true, widthOf });
  const titled = shown.filter((spot) => spot && !spot.short).map((spot) => spot.text).sort();
  const numbered = shown.filter((spot) => spot && spot.short).map((spot) => spot.text);
  assert.deepEqual(titled, ["1 Event a", "2 Event b"]);
  assert.deepEqual(numbered, ["3"]);
  assert.equal(hidden[0], 1, "d is left to be listed");
  assert.equal(shown[0], undefined);
});

test("a label is cut with … only where the next label or the edge needs the room", () => {
  const long = "A very long title that cannot stand whole anywhere in this narrow plot";
  const whole = layOut([label("a", 100, 2, { text: "Short title" })]);
  assert.equal(whole.shown[0].text, "Short title", "a label that fits is never cut");
  const edge = place([label("a", 10, 2, { text: long })], { xOf: (x) => x, width: 300, rowsOf: () => 1, numbered: false, widthOf });
  assert.match(edge.shown[0].text, /…$/);
  assert.ok(widthOf(edge.shown[0].text) <= 290, "the cut fits the room to the edge");
  assert.ok(long.startsWith(edge.shown[0].text.slice(0, -1)), "a cut is the title's start");
});

test("cut keeps whole words where it can and never returns more than the room", () => {
  assert.equal(cut("Treaty of Shimonoseki", 1000, widthOf), "Treaty of Shimonoseki");
  const short = cut("Treaty of Shimonoseki", 100, widthOf);
  assert.equal(short, "Treaty of…");
  assert.ok(widthOf(short) <= 100);
  assert.ok(MIN_CUT_PX > widthOf("…"));
});

test("upright labels stand in free rows near their marks, and what has no room is hidden", () => {
  const labels = Array.from({ length: 12 }, (_, i) => label(String(i), i, i === 5 ? 3 : 1));
  const ys = labels.map(() => 100);
  const { shown, hidden, taken } = placeUpright(labels, ys, 300);
  assert.equal(shown[5], 0, "the most important stands at its mark");
  assert.equal(shown.filter((shift) => shift !== undefined).length + hidden.length, 12);
  for (const a of taken) {
    assert.equal(a[1] - a[0], ROW_V_PX);
    assert.ok(a[0] >= -4 && a[1] <= 304);
    for (const b of taken) { assert.ok(a === b || a[1] <= b[0] || b[1] <= a[0], "rows do not overlap"); }
  }
  assert.ok(hidden.length > 0);
});
