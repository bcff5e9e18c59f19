/* Present mode for a story, for a teacher at a projector: the page goes full screen and the server
   draws the stop for a room (the "present" store: larger type, a wider chart). The Present button
   or the "f" key enters and leaves it; leaving full screen (Escape) or the story leaves it too. */
import { hasLanded } from "./callbacks.js";
import { word } from "./words.js";

let on = false;

function page() { return document.getElementById("page"); }

/* The view's own widgets hold the story only once the page's first answer has come: until then
   the change waits. */
function tell(value) {
  if (hasLanded()) { window.dash_clientside.set_props("present", { data: value }); return; }
  window.setTimeout(() => { if (on === value) { tell(value); } }, 50);
}

function present(wanted) {
  if (wanted === on) { return; }
  on = wanted;
  document.documentElement.classList.toggle("presenting", on);  /* at once, while the server redraws */
  tell(on);
  if (on && document.fullscreenEnabled && !document.fullscreenElement) {
    /* Refused (no permission, an iframe without allowfullscreen): present mode without full screen. */
    document.documentElement.requestFullscreen().catch(() => {});
  } else if (!on && document.fullscreenElement) {
    document.exitFullscreen().catch(() => {});
  }
}

export function listenForPresentMode() {
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("#present-button")) { present(!on); }
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target, story = page() && page().classList.contains("story-mode");
    if (!story || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
    if (event.key === "f" || event.key === "F") { event.preventDefault(); present(!on); }
    if (event.key === "Escape" && on) { present(false); }
  });

  document.addEventListener("fullscreenchange", () => {
    if (!document.fullscreenElement) { present(false); }
  });

  /* The button says what it does now; leaving the story (Exit, a new view) leaves present mode. */
  new MutationObserver(() => {
    const element = page(), button = document.getElementById("present-button");
    if (on && element && !element.classList.contains("story-mode")) { present(false); }
    if (button) {
      const pressed = String(on);
      if (button.getAttribute("aria-pressed") !== pressed) {
        button.setAttribute("aria-pressed", pressed);
        button.textContent = word(on ? "Leave present mode" : "Present");
      }
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
}
