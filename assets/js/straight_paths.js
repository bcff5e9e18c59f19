/* The length of a straight SVG path ("M x,y L x,y"), worked out from its `d`. plotly.js draws
   each label's stem as such a path and measures it (getTotalLength, getPointAtLength ×5) right
   after adding it to the page, which makes the browser lay the page out again for every stem:
   with 60 labels shown, ~480 of a zoom's ~700 ms went there (Chromium, 300 events). Any other
   path is measured by the browser, as before. */
const NUMBER = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
const STRAIGHT = new RegExp("^\\s*M\\s*" + NUMBER + "[\\s,]+" + NUMBER + "\\s*L\\s*" + NUMBER + "[\\s,]+" + NUMBER + "\\s*$");

/* [x0, y0, x1, y1] of a path that is one straight segment, or null. */
export function straightEnds(d) {
  const match = STRAIGHT.exec(d || "");
  return match ? match.slice(1).map(Number) : null;
}

export function straightLength(ends) {
  return Math.hypot(ends[2] - ends[0], ends[3] - ends[1]);
}

/* The point `distance` along the segment, clamped to its ends (as SVG's getPointAtLength). */
export function straightPointAt(ends, distance) {
  const length = straightLength(ends);
  const t = length ? Math.min(Math.max(distance, 0), length) / length : 0;
  return { x: ends[0] + (ends[2] - ends[0]) * t, y: ends[1] + (ends[3] - ends[1]) * t };
}

/* Measure straight paths without the browser's layout, on this prototype (SVGPathElement's);
   once. The browser's own methods stay as `.native` on the replacements. */
export function measureStraightPaths(proto, makePoint) {
  if (!proto || proto.getTotalLength.native) { return; }
  const total = proto.getTotalLength, pointAt = proto.getPointAtLength;
  proto.getTotalLength = function getTotalLength() {
    const ends = straightEnds(this.getAttribute("d"));
    return ends ? straightLength(ends) : total.call(this);
  };
  proto.getPointAtLength = function getPointAtLength(distance) {
    const ends = straightEnds(this.getAttribute("d"));
    if (!ends) { return pointAt.call(this, distance); }
    const point = straightPointAt(ends, distance);
    return makePoint(point.x, point.y);
  };
  proto.getTotalLength.native = total;
  proto.getPointAtLength.native = pointAt;
}
