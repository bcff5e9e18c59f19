/* The briefing page: draw the still chart from its JSON, mark the page ready, print on request.
   body[data-ready="1"] tells tests (and ?print=1) that the chart and fonts are in place. */
import { settled, watchCharts } from "./labels.js";

function ready() {
  document.body.dataset.ready = "1";
  if (new URLSearchParams(window.location.search).get("print") === "1") { window.print(); }
}

function drawBrief() {
  document.getElementById("print-button").addEventListener("click", () => window.print());
  const figureData = document.getElementById("figure-data");
  let drawn = Promise.resolve();
  if (figureData) {
    const figure = JSON.parse(figureData.textContent);
    const config = JSON.parse(document.getElementById("config-data").textContent);
    /* Ready once the labels are laid out for the fonts in use (labels.js). */
    drawn = Promise.all([
      window.Plotly.newPlot(document.getElementById("chart"), figure.data, figure.layout, config),
      document.fonts.ready,
    ]).then((done) => settled(done[0]));
  }
  drawn.then(ready);
}

watchCharts();
drawBrief();
