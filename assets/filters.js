/* Filter shortcuts the checklists cannot draw themselves: an "only" button beside each domain and
   actor (one click instead of unticking all the others), and on phones "Show N events", which
   closes the filters' drawer and brings the chart into view. */
(function () {
  "use strict";

  var LISTS = ["filter-domains", "filter-actors"];

  /* The checklists are drawn (and redrawn with new counts) by React: each row gets its button
     after a draw, beside its label (a button inside a label would be part of the checkbox's name). */
  function addShortcuts() {
    LISTS.forEach(function (listId) {
      var list = document.getElementById(listId);
      if (!list) { return; }
      list.querySelectorAll(".form-check").forEach(function (row) {
        var input = row.querySelector("input"), label = row.querySelector("label");
        if (!input || !label || row.querySelector(".only")) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "only";
        button.textContent = "only";
        button.dataset.list = listId;
        button.dataset.value = input.value;
        button.setAttribute("aria-label", "Only " + label.textContent.replace(/\s*\([\d,]+\)\s*$/, ""));
        row.appendChild(button);
      });
    });
  }

  /* A list longer than LONG_LIST gets a box that narrows it as the reader types (the rows stay in
     the checklist, so what is ticked is kept). */
  var LONG_LIST = 12;
  function addFinders() {
    LISTS.forEach(function (listId) {
      var list = document.getElementById(listId);
      if (!list || list.children.length <= LONG_LIST || document.getElementById(listId + "-find")) { return; }
      var finder = document.createElement("input");
      finder.type = "search";
      finder.id = listId + "-find";
      finder.className = "text-input finder";
      finder.placeholder = "Find in " + list.children.length + "…";
      finder.setAttribute("aria-label", "Find in this list");
      finder.setAttribute("aria-controls", listId);
      finder.addEventListener("input", function () {
        var words = finder.value.trim().toLowerCase();
        list.querySelectorAll(".form-check").forEach(function (row) {
          row.hidden = words !== "" && row.textContent.toLowerCase().indexOf(words) < 0;
        });
      });
      list.parentNode.insertBefore(finder, list);
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; addShortcuts(); addFinders(); });
  }).observe(document.body, { childList: true, subtree: true });

  document.addEventListener("click", function (event) {
    var only = event.target.closest && event.target.closest(".only[data-list]");
    if (only) {
      window.dash_clientside.set_props(only.dataset.list, { value: [only.dataset.value] });
      return;
    }
    if (event.target.closest && event.target.closest("#filters-apply")) {
      document.getElementById("filters-drawer").open = false;
      document.getElementById("chart").scrollIntoView({ block: "start" });
    }
  });
})();
