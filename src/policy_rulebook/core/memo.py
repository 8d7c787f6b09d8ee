"""Remembering a function of a policy's data by the data's identity.

A redline asks, for each of its changes, about the same few versions of the policy (the item's
number, the items by id at each commit that touched it): building that again for each change
made a redline of 5,000 changes quadratic. ``by_identity`` keeps the answer for the last few
objects asked about, by identity (not equality, which would compare the whole policy): for data
read once from a file or a commit and not changed after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def by_identity(function: Callable[[Any], R], size: int = 16) -> Callable[[Any], R]:
    """``function`` remembered for the last ``size`` arguments, by identity. The arguments are
    kept alive with the answers, so an id is never another object's."""
    memory: dict[int, tuple[Any, R]] = {}

    def remembered(value: Any) -> R:
        found = memory.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        if len(memory) >= size:
            memory.clear()
        result = function(value)
        memory[id(value)] = (value, result)
        return result

    return remembered
