"""Render: the only place that turns documents and outcomes into text, Markdown, HTML and JSON."""
