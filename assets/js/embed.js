/* The embed page: draw the server-rendered figure, then tell the parent page our height.
   Height messages: Pym.js's "pymxPYMx<childId>xPYMxheightxPYMx<px>" string when the parent is a
   Pym parent (it passes ?childId=...), and always {"type": "timeline-embed:height", "height": px}. */
import { watchCharts } from "./labels.js";

const childId = new URLSearchParams(window.location.search).get("childId");
let lastHeight = 0;

function sendHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) { return; }
  lastHeight = height;
  if (childId) {
    window.parent.postMessage(["pym", childId, "height", height].join("xPYMx"), "*");
  }
  window.parent.postMessage({ type: "timeline-embed:height", height }, "*");
}

function drawEmbed() {
  const holder = document.getElementById("chart");
  const figure = JSON.parse(document.getElementById("figure-data").textContent);
  const config = JSON.parse(document.getElementById("config-data").textContent);
  /* Upright (phone-width) charts cannot zoom or pan, and the modebar would sit on their key. */
  const markUpright = () => holder.classList.toggle("upright", Boolean(holder.layout && holder.layout.timeline && holder.layout.timeline.upright));
  window.Plotly.newPlot(holder, figure.data, figure.layout, config).then(() => {
    markUpright();
    holder.on("plotly_afterplot", markUpright);
    sendHeight();
  });
  new ResizeObserver(sendHeight).observe(document.body);
}

/* A module runs once the page is parsed: the chart's holder and data are there. */
watchCharts();
drawEmbed();
