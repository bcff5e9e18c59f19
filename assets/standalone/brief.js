/* The briefing page: draw the still chart from its JSON, mark the page ready, print on request.
   body[data-ready="1"] tells tests (and ?print=1) that the chart and fonts are in place. */
(function () {
  "use strict";

  function ready() {
    document.body.dataset.ready = "1";
    if (new URLSearchParams(window.location.search).get("print") === "1") { window.print(); }
  }

  function draw() {
    document.getElementById("print-button").addEventListener("click", function () { window.print(); });
    var figureData = document.getElementById("figure-data");
    var drawn = Promise.resolve();
    if (figureData) {
      var figure = JSON.parse(figureData.textContent);
      var config = JSON.parse(document.getElementById("config-data").textContent);
      /* Ready once the labels are laid out for the fonts in use (assets/labels.js). */
      drawn = Promise.all([
        window.Plotly.newPlot(document.getElementById("chart"), figure.data, figure.layout, config),
        document.fonts.ready,
      ]).then(function (done) { return window.timelineLabels.settled(done[0]); });
    }
    drawn.then(ready);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
