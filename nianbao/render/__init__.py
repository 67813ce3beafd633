"""Render the model to HTML and Markdown. Templates get view models, never raw data."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@cache
def environment() -> Environment:
    # Autoescape everything: every text comes from YAML a maintainer typed or an importer read.
    return Environment(
        loader=PackageLoader("nianbao", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
