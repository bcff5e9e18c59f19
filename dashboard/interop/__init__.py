"""TimelineJS export and import, and HTML to Markdown."""
