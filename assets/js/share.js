/* The share panel's embed codes and copy buttons.
   The embed posts {"type": "timeline-embed:height", "height": px} to its parent whenever its height
   changes (embed.js); the copied code carries three lines of script that set the iframe's height
   from it. Sites that strip scripts get a fixed-height code instead, its height measured by
   loading the embed at the article column's width. */
import { word } from "./words.js";
const FIRST_HEIGHT = 560;  /* the resizing code's height until the embed reports its own */
const UNMEASURED_HEIGHT = 640;  /* a fixed code's height when measuring failed: room for the credit */

function attribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function iframe(origin, query, title, width, height, style) {
  return '<iframe src="' + origin + "/embed" + query + '" title="' + attribute(word("Timeline: %(title)s", { title })) +
    '" width="' + width + '" height="' + height + '" style="' + style + '" loading="lazy"></iframe>';
}

/* An iframe and, beside it, a listener that sets its height from the embed's height message. */
export function embedCode(origin, query, title) {
  const listener = "<script>(function(f){addEventListener(\"message\",function(e){var d=e.data;" +
    "if(e.source===f.contentWindow&&e.origin===\"" + origin + "\"&&d&&d.type===\"timeline-embed:height\"" +
    "&&d.height>0){f.height=Math.ceil(d.height)}})})(document.currentScript.previousElementSibling)</" + "script>";
  return iframe(origin, query, title, "100%", FIRST_HEIGHT, "border:0;max-width:100%") + "\n" + listener;
}

/* The embed's height at `width` px: load it off-screen and wait until its reports settle once it
   says it is final: its live chart has replaced the drawing it paints first, or, in a phone's width,
   the drawing stays until the reader taps it (the upright chart a tap brings then scrolls inside). */
function measure(src, width) {
  return new Promise((resolve) => {
    const frame = document.createElement("iframe");
    let last = 0, quiet = null;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.style.cssText = "position:absolute;left:-10000px;top:0;border:0;visibility:hidden;height:300px;width:" + width + "px";
    function done() {
      window.removeEventListener("message", listen);
      frame.remove();
      resolve(last);
    }
    function listen(event) {
      const data = event.data;
      if (event.source !== frame.contentWindow || !data || data.type !== "timeline-embed:height") { return; }
      last = Math.ceil(data.height);
      clearTimeout(quiet);
      if (data.final) { quiet = setTimeout(done, 800); }
    }
    window.addEventListener("message", listen);
    setTimeout(() => { if (!last) { done(); } }, 20000);
    frame.src = src;
    document.body.appendChild(frame);
  });
}

/* The share panel's clientside callbacks (window.dash_clientside.share). */
export const share = {
  /* The fixed-height code for the chosen column width, once the embed has been measured there. */
  fixedHeightCode(width, query) {
    width = parseInt(width, 10);
    if (!width) { return ""; }
    query = typeof query === "string" ? query : "";
    const origin = window.location.origin;
    return measure("/embed" + query, width).then((height) =>
      iframe(origin, query, document.title, width, height || UNMEASURED_HEIGHT, "border:0"));
  },
};

/* A copy button copies the text of the field its data-copy names, and says so. */
export function listenForCopyButtons() {
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) { return; }
    const field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    const status = button.parentElement.querySelector(".copy-status");
    function said(text) {
      if (status) { status.textContent = text; }
      setTimeout(() => { if (status) { status.textContent = ""; } }, 2500);
    }
    function fallback() {
      field.select();
      said(word(document.execCommand("copy") ? "Copied" : "Press Ctrl+C to copy"));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(() => said(word("Copied")), fallback);
    } else {
      fallback();
    }
  });
}
