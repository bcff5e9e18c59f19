/* Present mode for a story, for a teacher at a projector: the page goes full screen and the server
   draws the stop for a room (the "present" store: larger type, a wider chart). The Present button
   or the "f" key enters and leaves it; leaving full screen (Escape) or the story leaves it too. */
(function () {
  "use strict";

  var on = false;

  function page() { return document.getElementById("page"); }

  /* The view's own widgets hold the story only once the page's first answer has come
     (window.__landed, assets/timeline.js): until then the change waits. */
  function tell(value) {
    if (window.__landed) { window.dash_clientside.set_props("present", { data: value }); return; }
    window.setTimeout(function () { if (on === value) { tell(value); } }, 50);
  }

  function set(wanted) {
    if (wanted === on) { return; }
    on = wanted;
    document.documentElement.classList.toggle("presenting", on);  /* at once, while the server redraws */
    tell(on);
    if (on && document.fullscreenEnabled && !document.fullscreenElement) {
      /* Refused (no permission, an iframe without allowfullscreen): present mode without full screen. */
      document.documentElement.requestFullscreen().catch(function () {});
    } else if (!on && document.fullscreenElement) {
      document.exitFullscreen().catch(function () {});
    }
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("#present-button")) { set(!on); }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target, story = page() && page().classList.contains("story-mode");
    if (!story || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
    if (event.key === "f" || event.key === "F") { event.preventDefault(); set(!on); }
    if (event.key === "Escape" && on) { set(false); }
  });

  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement) { set(false); }
  });

  /* The button says what it does now; leaving the story (Exit, a new view) leaves present mode. */
  new MutationObserver(function () {
    var element = page(), button = document.getElementById("present-button");
    if (on && element && !element.classList.contains("story-mode")) { set(false); }
    if (button) {
      var pressed = String(on);
      if (button.getAttribute("aria-pressed") !== pressed) {
        button.setAttribute("aria-pressed", pressed);
        button.textContent = on ? "Leave present mode" : "Present";
      }
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
})();
