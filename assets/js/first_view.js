/* The explorer's first view, drawn on the server (dashboard/web/first_view.py), stands over the live
   page until the live chart is drawn and labelled; then it goes, and the live page, laid out hidden
   beneath it all along, shows in its place: one change, where the reader would otherwise see a blank
   page, then "Loading…", then an empty chart box. A live page that draws no chart within
   GIVE_UP_MS is shown as it is. */
import { settled } from "./labels.js";

export const GIVE_UP_MS = 15000;

/* The live page's chart once plotly has drawn it, else null. */
function liveChart(entry) {
  const gd = entry.querySelector(".js-plotly-plot");
  return gd && gd.querySelector(".main-svg") ? gd : null;
}

/* Whether the chart has labels for assets/js/labels.js to lay out (a counts chart has none). */
function labelled(gd) {
  return Boolean(gd.layout && gd.layout.timeline && gd.layout.timeline.labels);
}

export function revealLivePage(doc = document) {
  const still = doc.querySelector(".first-paint");
  const entry = doc.getElementById("react-entry-point");
  if (!still || !entry) { return; }
  let gone = false;
  const reveal = () => { if (!gone) { gone = true; still.remove(); } };
  const watch = new MutationObserver(() => {
    const gd = liveChart(entry);
    if (!gd) { return; }
    watch.disconnect();
    /* A frame later, as labels.js hooks the chart: hooked sooner, its first labels would come
       before Dash's Graph listens to the chart, and Dash would copy them back on the next zoom. */
    window.requestAnimationFrame(() => {
      if (labelled(gd)) { settled(gd).then(reveal); } else { reveal(); }
    });
  });
  watch.observe(entry, { childList: true, subtree: true });
  window.setTimeout(() => { watch.disconnect(); reveal(); }, GIVE_UP_MS);
}
