/* Filter shortcuts the checklists cannot draw themselves: an "only" button beside each domain and
   actor (one click instead of unticking all the others), a finder for a long list, and on phones
   "Show N events", which closes the filters' drawer and brings the chart into view. */
import { word } from "./words.js";
const LISTS = ["filter-domains", "filter-actors"];
const LONG_LIST = 12;  /* a longer list gets a finder */

/* The checklists are drawn (and redrawn with new counts) by React: each row gets its button
   after a draw, beside its label (a button inside a label would be part of the checkbox's name). */
function addShortcuts() {
  for (const listId of LISTS) {
    const list = document.getElementById(listId);
    if (!list) { continue; }
    list.querySelectorAll(".form-check").forEach((row) => {
      const input = row.querySelector("input"), label = row.querySelector("label");
      if (!input || !label || row.querySelector(".only")) { return; }
      const button = document.createElement("button");
      button.type = "button";
      button.className = "only";
      button.textContent = word("only");
      button.dataset.list = listId;
      button.dataset.value = input.value;
      button.setAttribute("aria-label", word("Only %(name)s", { name: label.textContent.replace(/\s*\([\d,]+\)\s*$/, "") }));
      row.appendChild(button);
    });
  }
}

/* A long list gets a box that narrows it as the reader types (the rows stay in the checklist, so
   what is ticked is kept). */
function addFinders() {
  for (const listId of LISTS) {
    const list = document.getElementById(listId);
    if (!list || list.children.length <= LONG_LIST || document.getElementById(listId + "-find")) { continue; }
    const finder = document.createElement("input");
    finder.type = "search";
    finder.id = listId + "-find";
    finder.className = "text-input finder";
    finder.placeholder = word("Find in %(count)s…", { count: list.children.length });
    finder.setAttribute("aria-label", word("Find in this list"));
    finder.setAttribute("aria-controls", listId);
    finder.addEventListener("input", () => {
      const words = finder.value.trim().toLowerCase();
      list.querySelectorAll(".form-check").forEach((row) => {
        row.hidden = words !== "" && row.textContent.toLowerCase().indexOf(words) < 0;
      });
    });
    list.parentNode.insertBefore(finder, list);
  }
}

export function listenForFilterShortcuts() {
  let pending = false;
  new MutationObserver(() => {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(() => { pending = false; addShortcuts(); addFinders(); });
  }).observe(document.body, { childList: true, subtree: true });

  document.addEventListener("click", (event) => {
    const only = event.target.closest && event.target.closest(".only[data-list]");
    if (only) {
      window.dash_clientside.set_props(only.dataset.list, { value: [only.dataset.value] });
      return;
    }
    if (event.target.closest && event.target.closest("#filters-apply")) {
      document.getElementById("filters-drawer").open = false;
      document.getElementById("chart").scrollIntoView({ block: "start" });
    }
  });
}
