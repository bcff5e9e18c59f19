/* The explorer's keyboard and small page behaviours: story keys, the chronology's arrow keys, the
   filters' drawer on a widening screen and the description's "more" (shown only when needed). */
import { narrowWindow } from "./breakpoint.js";
import { word } from "./words.js";

/* The live page: the first view drawn on the server (first_view.js) has the same classes. */
const LIVE = "#react-entry-point";
const STORY_KEYS = { ArrowLeft: "prev", ArrowRight: "next", Home: "first", End: "last" };

/* In story mode, ←/→ step and Home/End jump, unless the reader is typing or in the table. */
function storyKey(event) {
  const role = STORY_KEYS[event.key], target = event.target;
  if (!role || event.altKey || event.ctrlKey || event.metaKey) { return; }
  if (target.closest && target.closest("input, textarea, select, #chronology, .js-plotly-plot")) { return; }
  const button = document.querySelector(LIVE + ' .story-steps [data-step="' + role + '"]');
  if (!button || button.disabled) { return; }
  event.preventDefault();
  button.click();
}

/* Arrow keys move between the chronology's rows; Home/End jump to the first and last. */
function rowKey(event) {
  const target = event.target;
  if (!target.classList || !target.classList.contains("row-select")) { return; }
  const buttons = Array.from(document.querySelectorAll("#chronology .row-select"));
  const index = buttons.indexOf(target);
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined || !buttons[next]) { return; }
  event.preventDefault();
  buttons[next].focus();
}

/* "more" shows only where the folded description hides some of it (a short one fits in its two
   lines at some widths and not at others). */
function foldedMore() {
  const description = document.getElementById("description"), button = document.querySelector(LIVE + " .masthead .more");
  if (!description || !button || button.getAttribute("aria-expanded") === "true") { return; }
  button.hidden = description.scrollHeight <= description.clientHeight + 1;
}

/* "more" unfolds the description, folded to two lines. */
function unfold(event) {
  const button = event.target.closest && event.target.closest(".masthead .more");
  if (!button) { return; }
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  button.textContent = word(open ? "less" : "more");
  document.getElementById(button.getAttribute("aria-controls")).classList.toggle("unfolded", open);
}

export function listenForPageKeys() {
  document.addEventListener("keydown", storyKey);
  document.addEventListener("keydown", rowKey);
  document.addEventListener("click", unfold);
  window.addEventListener("resize", foldedMore);
  new MutationObserver((changes, observer) => {
    if (document.getElementById("description")) { foldedMore(); observer.disconnect(); }
  }).observe(document.body, { childList: true, subtree: true });
  /* A screen that grows past a phone's width shows the filters again (their drawer's summary is
     hidden there). */
  window.addEventListener("resize", () => {
    const drawer = document.getElementById("filters-drawer");
    if (drawer && !narrowWindow()) { drawer.open = true; }
  });
}
