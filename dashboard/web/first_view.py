"""The explorer's first view as plain HTML in Dash's own page, so a reader sees the page and its
chart at first paint instead of a blank page while React, Dash and plotly.js load (issue #30).

It is built from the very layout Dash then renders (explorer_layout for the page's own address), so
the two cannot drift: each html component becomes its tag, Dash's and Bootstrap's inputs the markup
they render, and the chart the server's drawings of its figure (outputs/first_paint.py), one per
range of chart-box widths. Ids and `for` are left out: scripts and tests find only the live page.
The view stands inert over the live page, which is laid out hidden beneath it, until
assets/js/first_view.js sees the live chart drawn and labelled.
"""

from __future__ import annotations

import re

from dash.development.base_component import Component

from ..outputs.first_paint import FRAME_WIDTHS, drawings, media_rules
from ..outputs.pages import render

VOID = ("input", "img", "br", "hr", "wbr")
NAMES = {"className": "class", "class_name": "class", "tabIndex": "tabindex", "colSpan": "colspan",
         "rowSpan": "rowspan", "maxLength": "maxlength", "readOnly": "readonly",
         "autoComplete": "autocomplete", "dateTime": "datetime"}  # fmt: skip
KEPT = {"title", "href", "target", "rel", "type", "role", "download", "hidden", "open", "lang",
        "placeholder", "rows", "value", "max", "checked", "style", *NAMES}  # fmt: skip
WORD = re.compile(r"^(aria|data)-[a-z-]+$")
UNITLESS = {"opacity", "z-index", "font-weight", "line-height", "flex", "flex-grow", "order"}
# The chart box's widths a drawing is laid out for: the embed's, and one for the story's chart column
# on a 1280-px projector (~570 px), which the 320-px drawing served with its labels and ticks sparse.
BOX_WIDTHS = tuple(sorted({*FRAME_WIDTHS, 480}))
SKIPPED = {"Store", "Location", "Iframe", "Download", "Interval"}  # nothing to see before scripts
CHOICES = {"Checklist": "checkbox", "RadioItems": "radio", "Switch": "checkbox"}


def _style(style: dict) -> str:
    """A React style object as CSS: camelCase names hyphenated, px added to numbers as React does."""
    parts = []
    for name, value in style.items():
        css = name if name.startswith("--") else re.sub(r"[A-Z]", lambda m: "-" + m.group().lower(), name)
        if isinstance(value, int | float) and value and css not in UNITLESS and not css.startswith("--"):
            value = f"{value}px"
        parts.append(f"{css}: {value}")
    return "; ".join(parts)


def _attrs(props: dict) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for name, value in props.items():
        if (name not in KEPT and not WORD.match(name)) or value is None or value is False:
            continue
        if name == "style":
            value = _style(value)
        elif value is not True:
            value = str(value)
        found.append((NAMES.get(name, name), value))
    return found


def _element(tag: str, props: dict, children: list) -> dict:
    return {"tag": tag, "attrs": _attrs(props), "children": children}


def _choices(kind: str, props: dict) -> dict:
    """dash-bootstrap-components' Checklist, RadioItems and Switch as they render: a form-check per
    option, its input and its label."""
    values = props.get("value")
    if kind == "Switch":
        options, chosen = [{"label": props.get("label"), "value": True}], [True] if values else []
        wrap = "form-check form-switch"
    else:
        options, wrap = props.get("options") or [], "form-check"
        chosen = values if isinstance(values, list) else [values]
        if props.get("inline"):
            wrap += " form-check-inline"
    checks = [
        _element(
            "div",
            {"className": wrap},
            [
                _element("input", {"className": "form-check-input", "type": CHOICES[kind],
                                   "checked": option["value"] in chosen}, []),
                _element("label", {"className": "form-check-label"}, nodes(option.get("label"))),
            ],
        )
        for option in options
    ]  # fmt: skip
    return _element("div", {"className": props.get("class_name")}, checks)


def nodes(part: object) -> list:
    """A component tree (or text, or a list of them) as the template's nodes."""
    if part is None:
        return []
    if isinstance(part, list | tuple):
        return [node for item in part for node in nodes(item)]
    if not isinstance(part, Component):
        return [str(part)]
    kind, props = part._type, part.to_plotly_json()["props"]
    children = nodes(props.get("children"))
    if kind in SKIPPED:
        return []
    if part._namespace == "dash_html_components":
        return [_element(kind.lower(), props, children)]
    if kind == "Graph":
        figure = props.get("figure") or {}
        drawn = [{"drawings": drawings(figure, BOX_WIDTHS)}] if figure.get("data") else []
        return [_element("div", {"className": props.get("className")}, drawn)]
    if kind == "Input":
        return [_element("input", props, [])]
    if kind == "Textarea":
        return [_element("textarea", {**props, "value": None}, [str(props.get("value") or "")])]
    if kind in CHOICES:
        return [_choices(kind, props)]
    return children


def first_view_html(layout: Component, lang: str) -> str:
    """The layout as inert HTML, marked `first-paint`, with the chart's drawings in its box."""
    root = nodes(layout)[0]
    root["attrs"] = [
        ("class", f"{dict(root['attrs']).get('class', '')} first-paint".strip()),
        ("inert", True),
        ("aria-hidden", "true"),
        *((name, value) for name, value in root["attrs"] if name != "class"),
    ]
    return render("first_view.html", lang, root=root, void=VOID, media=media_rules(BOX_WIDTHS))
