/* PNG or SVG of the view: its whole chart (every event, nothing to zoom), with its title, filters
   and credit drawn in, as the server builds it for any surface nobody zooms (/download/figure
   gives the figure and the file name); drawn off-screen at the chart's width (a wide one from a
   phone) and saved once its labels are laid out. */
import { settled } from "./labels.js";
import { drawnHeight } from "./plot_area.js";

const IMAGE_MIN_PX = 900;

export function downloadImage(format) {
  const graph = document.querySelector("#timeline .js-plotly-plot");
  const width = Math.max(IMAGE_MIN_PX, graph ? graph.clientWidth : 0);
  return fetch("/download/figure" + window.location.search).then((response) => response.json()).then((image) => {
    const holder = document.createElement("div");
    holder.style.cssText = "position:absolute;left:-20000px;top:0;width:" + width + "px";
    document.body.appendChild(holder);
    const layout = { ...image.figure.layout, width };
    return window.Plotly.newPlot(holder, image.figure.data, layout, { staticPlot: true })
      .then(settled)
      .then(() => window.Plotly.downloadImage(holder, {
        format, filename: image.filename, width, height: drawnHeight(holder), scale: format === "png" ? 2 : 1,
      }))
      .finally(() => { window.Plotly.purge(holder); holder.remove(); });
  });
}
