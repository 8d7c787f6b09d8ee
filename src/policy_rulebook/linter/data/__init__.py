"""Word lists and tables that checks read: data files in the package, easy to extend.

``words.yaml`` (phrases per language), ``legal_topics.yaml`` (RB602) and
``repealed_acts.yaml`` (RB603). Each is read once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed YAML data file ``name`` of this package (safe: plain data only)."""
    from ruamel.yaml import YAML

    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)
