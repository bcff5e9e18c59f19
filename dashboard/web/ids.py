"""Every component id of the explorer, so a typo fails at import.

Element ids first, then the `type` of each pattern-matching id (controls made from data: a row per
event, a button per page). assets/js (callbacks.js, keys.js, share.js) find some of these by their
string; a change here must be made there too.
"""

URL = "url"
NOTICES = "notices"
DOMAINS = "filter-domains"
ACTORS = "filter-actors"
FROM = "filter-from"
TO = "filter-to"
SEARCH = "filter-search"
ERAS = "show-eras"  # the switch that draws the file's eras behind the lanes
RESET = "filter-reset"
SUMMARY = "result-summary"
TIMELINE = "timeline"
CHART = "chart"  # the figure element around the timeline
DETAIL = "detail"
TABLE = "chronology"
SELECTED = "selected-event"
SORT = "table-sort"
QUERY = "view-query"
DRAWN = "drawn-figure"  # which view's figure the page was served with
STORY = "story-state"
SHARE_LINK = "share-link"
EMBED_CODE = "embed-code"
EMBED_WIDTH = "embed-fixed-width"
EMBED_FIXED = "embed-fixed-code"
EMBED_PREVIEW = "embed-preview"
PREVIEW_BUTTON = "embed-preview-button"
DOWNLOADS = {kind: f"download-{kind}" for kind in ("csv", "json", "timelinejs", "html", "brief")}
IMAGE_BUTTONS = {"png": "download-png", "svg": "download-svg"}
BRIEF_LINK = "brief-link"
ZOOM = "timeline-zoom"
STORY_PANEL = "story"
FILTERS_DRAWER = "filters-drawer"
FILTERS_SET = "filters-set"  # the drawer's summary: "Filters · 2 set"
APPLY = "filters-apply"  # phones: closes the drawer and shows the chart
PAGE = "page"  # the element holding the whole page (its class marks story mode)
DESCRIPTION = "description"
STORIES = "stories"
CHRONOLOGY_SECTION = "chronology-section"
DETAIL_TITLE = "detail-title"
STORY_PROGRESS = "story-progress"
PRESENT = "present"  # whether a story is in present mode (set by assets/js/present.js)
PRESENT_BUTTON = "present-button"
CHANGED_ONLY = "filter-changed"  # "Only new and changed" (shown with since=)
SINCE_PANEL = "since-panel"  # beside the chart with since=: that checkbox and the removed events
SINCE_REMOVED = "since-removed"
VERSION_QUERY = "version-query"  # the view's query pinned to the data version it shows (v=)
VERSION_LINK = "version-link"
SHARE_QUERY = "share-query"  # the view's query with its lang= always written: links and embeds carry it
LANGUAGES = "languages"  # the language switch
CLIENT_WORDS = "client-words"  # the JSON block of assets/js's words in the page's language (words.js)

# Pattern-matching id types: {"type": ROW, "id": event_id} and so on.
ROW = "row"
PAGE_BUTTON = "page"  # {"type": PAGE_BUTTON, "page": n}: the table's previous and next page buttons
RELATED = "related"
STORY_STEP = "story-step"
SORT_BUTTON = "sort"
CLOSE = "close"
