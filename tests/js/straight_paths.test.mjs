/* Straight SVG paths measured from their `d` (assets/js/straight_paths.js), without a browser:
   a stand-in prototype records which paths reach the "browser's" own methods. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { measureStraightPaths, straightEnds, straightLength, straightPointAt } from "../../assets/js/straight_paths.js";

test("the ends of plotly's stems are read from their d, in every number form", () => {
  assert.deepEqual(straightEnds("M10,20L13,24"), [10, 20, 13, 24]);
  assert.deepEqual(straightEnds("M-1.5,2e2L .5 -3.25E-1"), [-1.5, 200, 0.5, -0.325]);
  assert.equal(straightEnds("M0,0L1,1L2,2"), null);
  assert.equal(straightEnds("M0,0Q1,1,2,2"), null);
  assert.equal(straightEnds(null), null);
});

test("length and points along a segment, clamped to its ends", () => {
  const ends = [10, 20, 13, 24];
  assert.equal(straightLength(ends), 5);
  assert.deepEqual(straightPointAt(ends, 0), { x: 10, y: 20 });
  assert.deepEqual(straightPointAt(ends, 2.5), { x: 11.5, y: 22 });
  assert.deepEqual(straightPointAt(ends, 99), { x: 13, y: 24 });
  assert.deepEqual(straightPointAt(ends, -1), { x: 10, y: 20 });
  assert.deepEqual(straightPointAt([3, 3, 3, 3], 1), { x: 3, y: 3 });
});

test("only straight paths skip the browser's own measures, and the prototype is patched once", () => {
  const asked = [];
  const proto = {
    getAttribute() { return this.d; },
    getTotalLength() { asked.push(["length", this.d]); return -1; },
    getPointAtLength(distance) { asked.push(["point", this.d, distance]); return null; },
  };
  measureStraightPaths(proto, (x, y) => ({ x, y, made: true }));
  const patched = proto.getTotalLength;
  measureStraightPaths(proto, () => null);
  assert.equal(proto.getTotalLength, patched);
  const stem = Object.assign(Object.create(proto), { d: "M0,0L0,-30" });
  const curve = Object.assign(Object.create(proto), { d: "M0,0C1,1,2,2,3,3" });
  assert.equal(stem.getTotalLength(), 30);
  assert.deepEqual(stem.getPointAtLength(10), { x: 0, y: -10, made: true });
  assert.equal(curve.getTotalLength(), -1);
  assert.equal(curve.getPointAtLength(2), null);
  assert.deepEqual(asked, [["length", "M0,0C1,1,2,2,3,3"], ["point", "M0,0C1,1,2,2,3,3", 2]]);
});
