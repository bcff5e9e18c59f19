"""Markdown from the event file as Dash components, built on the server.

One reader (markdown-it, raw HTML off) and plain components: nothing from data becomes HTML, links
open only for http(s), and the text is in the first response, not drawn later by an async
component (whose late drawing moved story cards and the chart under them)."""

from __future__ import annotations

from dash import html
from markdown_it.tree import SyntaxTreeNode

from ..core.links import SAFE_URL
from ..core.markdown import READER

_BLOCKS = {
    "paragraph": html.P,
    "bullet_list": html.Ul,
    "ordered_list": html.Ol,
    "list_item": html.Li,
    "blockquote": html.Blockquote,
    "strong": html.Strong,
    "em": html.Em,
    "code_inline": html.Code,
}


def _children(node: SyntaxTreeNode) -> list:
    return [part for child in node.children for part in _component(child)]


def _component(node: SyntaxTreeNode) -> list:
    if node.type == "text":
        return [node.content]
    if node.type == "softbreak":
        return [" "]
    if node.type == "hardbreak":
        return [html.Br()]
    if node.type == "code_inline":
        return [html.Code(node.content)]
    if node.type in ("fence", "code_block"):
        return [html.Pre(html.Code(node.content))]
    if node.type == "link":
        href = str(node.attrs.get("href", ""))
        if SAFE_URL.match(href):
            return [html.A(_children(node), href=href, target="_blank", rel="noopener noreferrer")]
        return _children(node)
    if node.type == "heading":
        return [html.P(html.Strong(_children(node)))]
    if node.type == "paragraph" and node.hidden:  # a tight list's item: no <p> around it
        return _children(node)
    maker = _BLOCKS.get(node.type)
    return [maker(_children(node))] if maker else _children(node)


def markdown_components(text: str, class_name: str | None = None) -> html.Div:
    """The text's Markdown (paragraphs, lists, emphasis, code, http(s) links) as components."""
    return html.Div(_children(SyntaxTreeNode(READER.parse(text))), className=class_name)
