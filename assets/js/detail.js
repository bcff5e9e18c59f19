/* What you select, you see: once a selection's detail is drawn it is brought into view (beside
   the chart on wide screens, where it already is; under it elsewhere) and focus moves to its
   heading; Escape there goes back to the event's row in the chronology. */
let cameFrom = null;

export function showDetail(eventId, tries = 0) {
  cameFrom = eventId;
  const heading = document.getElementById("detail-title");
  if (heading && heading.dataset.event === eventId) {
    const box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      document.getElementById("detail").scrollIntoView({ block: "start" });
    }
    heading.focus({ preventScroll: true });
  } else if (tries < 100 && cameFrom === eventId) {
    window.setTimeout(() => showDetail(eventId, tries + 1), 50);
  }
}

export function listenForDetailKeys() {
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key === "Escape" && cameFrom && target.closest && target.closest("#detail")) {
      const row = document.querySelector('#chronology tr[data-event="' + CSS.escape(cameFrom) + '"] .row-select');
      if (row) { event.preventDefault(); row.focus(); }
    }
  });
  /* "↑ Chart" under a narrow screen's detail goes back up to the chart. */
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("#detail .to-chart")) {
      document.getElementById("chart").scrollIntoView({ block: "start" });
    }
  });
}
