/* Pure-UI behaviour of the explorer, run in the browser: no server round trip. */
(function () {
  "use strict";
  var noUpdate = function () { return window.dash_clientside.no_update; };

  /* PNG or SVG of the view: its whole chart (every event, nothing to zoom), with its title, filters
     and credit drawn in, as the server builds it for any surface nobody zooms; drawn off-screen at
     the chart's width (a wide one from a phone) and saved once its labels are laid out. */
  var IMAGE_MIN_PX = 900;
  function downloadImage(format) {
    var graph = document.querySelector("#timeline .js-plotly-plot");
    var width = Math.max(IMAGE_MIN_PX, graph ? graph.clientWidth : 0);
    fetch("/download/figure" + window.location.search).then(function (response) {
      return response.json();
    }).then(function (image) {
      var holder = document.createElement("div");
      holder.style.cssText = "position:absolute;left:-20000px;top:0;width:" + width + "px";
      document.body.appendChild(holder);
      var layout = Object.assign({}, image.figure.layout, { width: width });
      return window.Plotly.newPlot(holder, image.figure.data, layout, { staticPlot: true })
        .then(window.timelineLabels.settled)
        .then(function () {
          return window.Plotly.downloadImage(holder, {
            format: format, filename: image.filename, width: width, height: holder._fullLayout.height,
            scale: format === "png" ? 2 : 1,
          });
        })
        .finally(function () { window.Plotly.purge(holder); holder.remove(); });
    });
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    timeline: {
      /* The selected event id, from a chart click, a table row, a related link or Close. */
      select: function (clickData) {
        var context = window.dash_clientside.callback_context;
        var trigger = context.triggered_id;
        var value = context.triggered.length ? context.triggered[0].value : null;
        if (!value) { return noUpdate(); }
        var chosen = noUpdate();
        if (trigger === "timeline") {
          var point = clickData && clickData.points && clickData.points[0];
          chosen = point && point.customdata ? point.customdata[0] : chosen;
        } else if (trigger && trigger.type === "close") {
          return null;
        } else if (trigger && trigger.id) {
          chosen = trigger.id;
        }
        if (typeof chosen === "string") { showDetail(chosen); }
        return chosen;
      },

      /* Toggle the chronology's sort: a new column sorts ascending, the same one flips. */
      sort: function (clicks, current) {
        var context = window.dash_clientside.callback_context;
        var trigger = context.triggered_id;
        var value = context.triggered.length ? context.triggered[0].value : null;
        if (!value || !trigger) { return noUpdate(); }
        var same = current && current.key === trigger.key;
        return { key: trigger.key, descending: same ? !current.descending : false, page: 1 };
      },

      /* Turn the chronology's page (the button's id carries the page it goes to). */
      turnPage: function (clicks, current) {
        var context = window.dash_clientside.callback_context;
        var trigger = context.triggered_id;
        var value = context.triggered.length ? context.triggered[0].value : null;
        if (!value || !trigger) { return noUpdate(); }
        return Object.assign({ key: "date", descending: false }, current, { page: trigger.page });
      },

      /* Back to the default view: every domain, no actor, no period, no search, no selection. */
      reset: function (clicks, domainOptions) {
        if (!clicks) { return Array(6).fill(noUpdate()); }
        var all = (domainOptions || []).map(function (option) { return option.value; });
        return [all, [], "", "", "", null];
      },

      /* Go to a story stop (the button's id says which), or leave story mode. */
      storyStep: function () {
        var context = window.dash_clientside.callback_context;
        var trigger = context.triggered_id;
        var value = context.triggered.length ? context.triggered[0].value : null;
        /* Until the page's first answer has come (window.__landed, set in replaceUrl), a step would
           race it and be overwritten by the stop the address named: wait for it. */
        if (!value || !trigger || !window.__landed) { return noUpdate(); }
        return trigger.story ? { story: trigger.story, stop: trigger.stop } : null;
      },

      /* The share panel's link, iframe code, download and briefing links, all for the current view. */
      shareLinks: function (query) {
        query = typeof query === "string" ? query : "";
        var origin = window.location.origin;
        var iframe = window.timelineShare.embedCode(origin, query, document.title);  /* assets/share.js */
        var downloads = ["csv", "json", "timelinejs", "html"].map(function (kind) {
          return "/download/" + kind + query;
        });
        return [origin + "/" + query, iframe].concat(downloads, ["/brief" + query, "/download/brief" + query]);
      },

      /* Show the embed exactly as readers will see it. */
      previewEmbed: function (clicks, query) {
        return [clicks ? "/embed" + (query || "") : "", !clicks];
      },

      /* Phones start with the chart: the filters' drawer opens only where there is room for it. */
      drawerOpen: function () { return window.innerWidth >= 600; },

      downloadPNG: function () { downloadImage("png"); },
      downloadSVG: function () { downloadImage("svg"); },

      /* Only a counts view (too many events to draw) asks the server to redraw on zoom. */
      zoomIfCounted: function (relayout, figure) {
        var zoomable = figure && figure.layout && figure.layout.timeline && figure.layout.timeline.zoomable;
        /* Only the time range goes to the server, not a label relayout (its annotations). */
        var range = {};
        Object.keys(relayout || {}).forEach(function (key) {
          if (/^xaxis\.(range|autorange)/.test(key)) { range[key] = relayout[key]; }
        });
        return zoomable && Object.keys(range).length ? range : noUpdate();
      },

      /* Keep the address bar in step with the view without reloading or adding history. */
      replaceUrl: function (query) {
        if (typeof query !== "string") { return; }
        /* An address ending in #stories (from /stories) lands on the list once the page has drawn. */
        if (!window.__landed && window.location.hash === "#stories") {
          window.requestAnimationFrame(function () { document.getElementById("stories").scrollIntoView(); });
        }
        window.__landed = true;
        var target = window.location.pathname + query + window.location.hash;
        if (target !== window.location.pathname + window.location.search + window.location.hash) {
          window.history.replaceState(window.history.state, "", target);
        }
      }
    }
  });

  /* In story mode, ←/→ step and Home/End jump, unless the reader is typing or in the table. */
  var STORY_KEYS = {ArrowLeft: "prev", ArrowRight: "next", Home: "first", End: "last"};
  document.addEventListener("keydown", function (event) {
    var role = STORY_KEYS[event.key];
    var target = event.target;
    if (!role || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (target.closest && target.closest("input, textarea, select, #chronology, .js-plotly-plot")) { return; }
    var button = document.querySelector('.story-steps [data-step="' + role + '"]');
    if (!button || button.disabled) { return; }
    event.preventDefault();
    button.click();
  });

  /* A screen that grows past a phone's width shows the filters again (their drawer's summary is
     hidden there). */
  window.addEventListener("resize", function () {
    var drawer = document.getElementById("filters-drawer");
    if (drawer && window.innerWidth >= 600) { drawer.open = true; }
  });

  /* "more" shows only where the folded description hides some of it (a short one fits in its
     two lines at some widths and not at others). */
  function foldedMore() {
    var description = document.getElementById("description"), button = document.querySelector(".masthead .more");
    if (!description || !button || button.getAttribute("aria-expanded") === "true") { return; }
    button.hidden = description.scrollHeight <= description.clientHeight + 1;
  }
  window.addEventListener("resize", foldedMore);
  new MutationObserver(function (changes, observer) {
    if (document.getElementById("description")) { foldedMore(); observer.disconnect(); }
  }).observe(document.body, { childList: true, subtree: true });

  /* "more" unfolds the description, folded to two lines. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".masthead .more");
    if (!button) { return; }
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "less" : "more";
    document.getElementById(button.getAttribute("aria-controls")).classList.toggle("unfolded", open);
  });

  /* A selection (a mark, a row, a related link, Enter on a row): once its detail is drawn, it is
     brought into view (beside the chart on wide screens, where it already is; under it elsewhere)
     and focus moves to its heading; Escape there goes back to the event's row in the chronology. */
  var cameFrom = null;
  function showDetail(eventId, tries) {
    cameFrom = eventId;
    var heading = document.getElementById("detail-title");
    if (heading && heading.dataset.event === eventId) {
      var box = heading.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        document.getElementById("detail").scrollIntoView({ block: "start" });
      }
      heading.focus({ preventScroll: true });
    } else if ((tries || 0) < 100 && cameFrom === eventId) {
      window.setTimeout(function () { showDetail(eventId, (tries || 0) + 1); }, 50);
    }
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && cameFrom && target.closest && target.closest("#detail")) {
      var row = document.querySelector('#chronology tr[data-event="' + CSS.escape(cameFrom) + '"] .row-select');
      if (row) { event.preventDefault(); row.focus(); }
    }
  });
  /* "↑ Chart" under a narrow screen's detail goes back up to the chart. */
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("#detail .to-chart")) {
      document.getElementById("chart").scrollIntoView({ block: "start" });
    }
  });

  /* Arrow keys move between the chronology's rows; Home/End jump to the first and last. */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.classList || !target.classList.contains("row-select")) { return; }
    var buttons = Array.prototype.slice.call(document.querySelectorAll("#chronology .row-select"));
    var index = buttons.indexOf(target);
    var next = {ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1}[event.key];
    if (next === undefined || !buttons[next]) { return; }
    event.preventDefault();
    buttons[next].focus();
  });
})();
