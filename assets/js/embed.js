/* The embed page. The server drew the chart into the page (one drawing per range of frame widths);
   plotly.js (`data-plotly` on #chart) is fetched only when the reader reaches for the chart (pointer,
   touch, focus, a key) or, in a frame wider than a phone's, the page is idle, draws the live chart hidden over the drawing, and takes
   its place once its labels are laid out as the drawing's were (its lanes' rows, its labels' places).
   Height messages, from the first paint on: Pym.js's "pymxPYMx<childId>xPYMxheightxPYMx<px>"
   string when the parent is a Pym parent (it passes ?childId=...), and always
   {"type": "timeline-embed:height", "height": px, "live": whether plotly's chart has replaced the
   drawing, "final": whether the page stays as it is unless the reader reaches for it (live, or in a
   phone's width, where the live chart waits for a tap)}: once more when live, so a parent measuring
   the final height knows it has it. */
import { narrowWindow } from "./breakpoint.js";
import { settled, watchCharts } from "./labels.js";

const IDLE_MS = 3000;  /* the longest wait for an idle moment before plotly.js is fetched anyway */
const REACHES = ["pointerover", "touchstart", "focusin"];
const NARROW_REACHES = ["pointerover", "click", "focusin"];  /* pointerover: a mouse's only */
const childId = new URLSearchParams(window.location.search).get("childId");
const holder = document.getElementById("chart");
let lastHeight = 0;
let started = false;
let live = false;
const narrow = narrowWindow();

function sendHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) { return; }
  lastHeight = height;
  if (childId) {
    window.parent.postMessage(["pym", childId, "height", height].join("xPYMx"), "*");
  }
  window.parent.postMessage({ type: "timeline-embed:height", height, live, final: live || narrow }, "*");
}

/* plotly.js: already on the page (the one-file "Chart as HTML"), else fetched from our assets. */
function plotly() {
  if (window.Plotly) { return Promise.resolve(window.Plotly); }
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = holder.dataset.plotly;
    script.onload = () => resolve(window.Plotly);
    script.onerror = reject;
    document.head.appendChild(script);
  });
}

/* The drawing the page shows at this width (its CSS picks it), if any. */
function shownDrawing() {
  return [...document.querySelectorAll(".still-chart")].find((still) => still.offsetParent !== null);
}

function drawEmbed() {
  if (started) { return; }
  started = true;
  const figure = JSON.parse(document.getElementById("figure-data").textContent);
  const config = JSON.parse(document.getElementById("config-data").textContent);
  const drawing = shownDrawing();
  if (drawing && figure.layout.timeline) { Object.assign(figure.layout.timeline, JSON.parse(drawing.querySelector("script").textContent)); }
  if (drawing) { holder.classList.add("drawing"); }
  /* Upright (phone-width) charts cannot zoom or pan, and the modebar would sit on their key. */
  const markUpright = () => holder.classList.toggle("upright", Boolean(holder.layout && holder.layout.timeline && holder.layout.timeline.upright));
  plotly().then((Plotly) => Plotly.newPlot(holder, figure.data, figure.layout, config)).then(() => {
    markUpright();
    holder.on("plotly_afterplot", markUpright);
    return settled(holder);
  }).then(() => {
    document.querySelectorAll(".still-chart").forEach((still) => still.remove());
    holder.classList.remove("drawing");
    live = true;
    lastHeight = 0;
    sendHeight();
  }).catch((error) => console.warn("timeline embed: the drawn chart stays", error));
}

/* plotly.js comes when the reader reaches for the chart or, in a wide frame, when the page is idle.
   In a phone's width the live chart is another layout (upright.js turns it), so it comes only when
   asked for: a tap, a mouse, the keyboard; never on an idle moment or the touch a scroll starts
   with, which would swap the chart the reader is reading (and make the page's largest paint late). */
function whenReached() {
  const box = holder.parentElement;
  const names = narrow ? NARROW_REACHES : REACHES;
  const reach = (event) => {
    if (narrow && event && event.type === "pointerover" && event.pointerType !== "mouse") { return; }
    names.forEach((name) => box.removeEventListener(name, reach));
    document.removeEventListener("keydown", reach);
    drawEmbed();
  };
  names.forEach((name) => box.addEventListener(name, reach, { passive: true }));
  document.addEventListener("keydown", reach);
  if (narrow) { return; }
  const idle = window.requestIdleCallback || ((run) => setTimeout(run, 1));
  const afterLoad = () => idle(reach, { timeout: IDLE_MS });
  if (document.readyState === "complete") { afterLoad(); } else { window.addEventListener("load", afterLoad); }
}

/* A module runs once the page is parsed: the drawing, the chart's holder and its data are there. */
new ResizeObserver(sendHeight).observe(document.body);
sendHeight();
watchCharts();
if (window.Plotly) { drawEmbed(); } else { whenReached(); }
