/* The explorer's clientside callbacks (dashboard/web/callbacks.py names them): pure UI, run in the
   browser with no server round trip. explorer.js puts them on window.dash_clientside.timeline. */
import { narrowWindow } from "./breakpoint.js";
import { showDetail } from "./detail.js";
import { downloadImage } from "./images.js";
import { embedCode } from "./share.js";

const noUpdate = () => window.dash_clientside.no_update;
/* Until the page's first answer has come (set in replaceUrl), a story step would race it and be
   overwritten by the stop the address named. window.__landed tells the browser tests. */
let landed = false;

/* Whether the page's first answer has come (present.js waits for it too). */
export function hasLanded() {
  return landed;
}

/* The triggering input's id and value ({} and null when nothing triggered). */
function trigger() {
  const context = window.dash_clientside.callback_context;
  return { id: context.triggered_id, value: context.triggered.length ? context.triggered[0].value : null };
}

export const timeline = {
  /* The selected event id, from a chart click, a table row, a related link or Close. */
  select(clickData) {
    const { id, value } = trigger();
    if (!value) { return noUpdate(); }
    let chosen = noUpdate();
    if (id === "timeline") {
      const point = clickData && clickData.points && clickData.points[0];
      chosen = point && point.customdata ? point.customdata[0] : chosen;
    } else if (id && id.type === "close") {
      return null;
    } else if (id && id.id) {
      chosen = id.id;
    }
    if (typeof chosen === "string") { showDetail(chosen); }
    return chosen;
  },

  /* Toggle the chronology's sort: a new column sorts ascending, the same one flips. */
  sort(clicks, current) {
    const { id, value } = trigger();
    if (!value || !id) { return noUpdate(); }
    const same = current && current.key === id.key;
    return { key: id.key, descending: same ? !current.descending : false, page: 1 };
  },

  /* Turn the chronology's page (the button's id carries the page it goes to). */
  turnPage(clicks, current) {
    const { id, value } = trigger();
    if (!value || !id) { return noUpdate(); }
    return { key: "date", descending: false, ...current, page: id.page };
  },

  /* Back to the default view: every domain, no actor, no period, no search, no selection. */
  reset(clicks, domainOptions) {
    if (!clicks) { return Array(6).fill(noUpdate()); }
    const all = (domainOptions || []).map((option) => option.value);
    return [all, [], "", "", "", null];
  },

  /* Go to a story stop (the button's id says which), or leave story mode. */
  storyStep() {
    const { id, value } = trigger();
    if (!value || !id || !landed) { return noUpdate(); }
    return id.story ? { story: id.story, stop: id.stop } : null;
  },

  /* The share panel's link, iframe code, download and briefing links, all for the current view. */
  shareLinks(query, versionQuery) {
    query = typeof query === "string" ? query : "";
    const origin = window.location.origin;
    const downloads = ["csv", "json", "timelinejs", "html"].map((kind) => "/download/" + kind + query);
    const pinned = typeof versionQuery === "string" ? origin + "/" + versionQuery : "";
    return [origin + "/" + query, pinned, embedCode(origin, query, document.title), ...downloads, "/brief" + query, "/download/brief" + query];
  },

  /* Show the embed exactly as readers will see it. */
  previewEmbed(clicks, query) {
    return [clicks ? "/embed" + (query || "") : "", !clicks];
  },

  /* Phones start with the chart: the filters' drawer opens only where there is room for it. */
  drawerOpen() {
    return !narrowWindow();
  },

  downloadPNG() { downloadImage("png"); },
  downloadSVG() { downloadImage("svg"); },

  /* Only a counts view (too many events to draw) asks the server to redraw on zoom. */
  zoomIfCounted(relayout, figure) {
    const zoomable = figure && figure.layout && figure.layout.timeline && figure.layout.timeline.zoomable;
    /* Only the time range goes to the server, not a label relayout (its annotations). */
    const range = {};
    Object.keys(relayout || {}).forEach((key) => {
      if (/^xaxis\.(range|autorange)/.test(key)) { range[key] = relayout[key]; }
    });
    return zoomable && Object.keys(range).length ? range : noUpdate();
  },

  /* Keep the address bar in step with the view without reloading or adding history. */
  replaceUrl(query) {
    if (typeof query !== "string") { return; }
    /* An address ending in #stories (from /stories) lands on the list once the page has drawn. */
    if (!landed && window.location.hash === "#stories") {
      window.requestAnimationFrame(() => document.getElementById("stories").scrollIntoView());
    }
    landed = window.__landed = true;
    const target = window.location.pathname + query + window.location.hash;
    if (target !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", target);
    }
  },
};
