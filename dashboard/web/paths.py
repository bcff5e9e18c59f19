"""Every path the site answers, in one table: routes.py serves ours from it, guards.py 404s the rest.

Dash also answers any other path with its page (for multi-page apps) and serves dev-tool routes
even with debug off; nothing outside this table reaches them.
"""

from __future__ import annotations

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule

EMBED = "/embed"
BRIEF = "/brief"
DOWNLOAD = "/download/<kind>"
DOWNLOAD_FIGURE = "/download/figure"
STORY = "/story/<narrative_id>"
STORY_STOP = "/story/<narrative_id>/<int:stop>"
STORIES = "/stories"
HEALTH = "/health"
CHANGES = "/changes"
FAVICON = "/favicon.ico"
# Dash's page, its layout, callbacks and scripts, and the assets folder.
DASH_PATHS = (
    "/",
    "/_dash-layout",
    "/_dash-dependencies",
    "/_dash-update-component",
    "/_dash-component-suites/<path:script>",
    "/_favicon.ico",
    "/assets/<path:asset>",
)
OUR_PATHS = (EMBED, BRIEF, DOWNLOAD, DOWNLOAD_FIGURE, STORY, STORY_STOP, STORIES, HEALTH, FAVICON, CHANGES)
_KNOWN = Map([Rule(path) for path in (*OUR_PATHS, *DASH_PATHS)], merge_slashes=False).bind("")


def is_known(path: str) -> bool:
    """Whether a request path is one the table lists, exactly: werkzeug reads '//embed' as
    '/embed', and a table path with a slash added or doubled is not one."""
    if path.startswith("//"):
        return False
    try:
        _KNOWN.match(path)
    except HTTPException:
        return False
    return True
