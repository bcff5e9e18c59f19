/* The explorer page's scripts (loaded as a module; dashboard/app.py starts Dash's renderer only
   once this has run, so every clientside callback is registered before Dash first calls one). */
import { timeline } from "./callbacks.js";
import { listenForDetailKeys } from "./detail.js";
import { listenForFilterShortcuts } from "./filters.js";
import { revealLivePage } from "./first_view.js";
import { listenForPageKeys } from "./keys.js";
import { watchCharts } from "./labels.js";
import { listenForPresentMode } from "./present.js";
import { listenForCopyButtons, share } from "./share.js";

/* Added to Dash's own object (its renderer keeps set_props and no_update there). */
window.dash_clientside = Object.assign(window.dash_clientside || {}, { timeline, share });
watchCharts();
revealLivePage();
listenForPageKeys();
listenForDetailKeys();
listenForCopyButtons();
listenForFilterShortcuts();
listenForPresentMode();
