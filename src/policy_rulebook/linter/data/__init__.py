"""Word lists and tables that checks read: data files in the package, easy to extend.

``words.yaml`` (phrases per language), ``legal_topics.yaml`` (RB602) and
``repealed_acts.yaml`` (RB603). Each is read once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


def parse(text: str) -> Any:
    """Plain YAML data: the loader's fast C path, else ruamel's safe loader (the linter runs
    on every commit: reading these files should cost milliseconds)."""
    from policy_rulebook.core import fastyaml

    parsed = fastyaml.parse(text)
    if parsed is not None:
        return parsed.data
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(text)


@cache
def load(name: str) -> Any:
    """The parsed YAML data file ``name`` of this package (plain data only)."""
    return parse(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
