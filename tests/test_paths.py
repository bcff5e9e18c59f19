"""One table of paths: every route the app registers is in it, and the guard 404s what is not."""

from __future__ import annotations

import re

import pytest

from dashboard.app import create_app
from dashboard.web.paths import OUR_PATHS, is_known

# Registered by Flask and Dash but never served: the static folder, Dash's catch-all page for any
# path, and its dev-tools reload hash (debug is off).
NOT_SERVED = {"/static/<path:filename>", "/<path:path>", "/_reload-hash"}


@pytest.fixture(scope="module")
def app():
    return create_app()


def test_every_route_the_app_registers_is_in_the_table_or_refused(app):
    rules = {rule.rule for rule in app.server.url_map.iter_rules()}
    assert set(OUR_PATHS) <= rules
    for rule in rules - NOT_SERVED:
        assert is_known(re.sub(r"<[^>]+>", "1", rule)), rule
    for rule in NOT_SERVED:
        assert not is_known(re.sub(r"<[^>]+>", "1", rule)), rule


@pytest.mark.parametrize(
    ("path", "known"),
    [
        ("/", True),
        ("/embed", True),
        ("/story/taiwan-at-the-wha", True),
        ("/story/taiwan-at-the-wha/3", True),
        ("/story/taiwan-at-the-wha/three", False),
        ("/download/csv", True),
        ("/download/figure", True),
        ("/download/csv/more", False),
        ("/assets/js/embed.js", True),
        ("/_dash-component-suites/dash/dcc/dash_core_components.js", True),
        ("/embed/", False),
        ("//embed", False),
        ("/wp-admin/../etc/passwd", False),
        ("/_dash-layout-x", False),
    ],
)
def test_the_guard_knows_exactly_the_tables_paths(path, known):
    assert is_known(path) is known


def test_a_path_outside_the_table_gets_the_plain_404_page_not_dashs_page(app):
    response = app.server.test_client().get("/no-such-page")
    assert (
        response.status_code == 404 and b"Not found" in response.data and b"_dash-config" not in response.data
    )
