"""Helpers for the fmt tests: comments in every position, keys in reverse order."""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import ScalarToken


def _value_spans(text: str) -> list[tuple[int, int]]:
    return [
        (t.start_mark.index, t.end_mark.index)
        for t in YAML(typ="safe", pure=True).scan(text)
        if isinstance(t, ScalarToken)
    ]


def comment_everywhere(text: str) -> str:
    """A comment above every line and at the end of every line, except inside a value that
    spans lines (a folded text), where a ``#`` would be part of the text."""
    spans = _value_spans(text)
    out: list[str] = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        start, end = offset, offset + len(line.rstrip("\n"))
        offset += len(line)
        starts_inside = any(s < start < e for s, e in spans)
        ends_inside = any(s < end < e for s, e in spans)
        body = line.rstrip("\n")
        if not starts_inside:
            indent = len(body) - len(body.lstrip(" "))
            out.append(" " * indent + f"# above line {number}\n")
        if body.strip() and not ends_inside and not body.lstrip().startswith("#"):
            body += f"  # end of line {number}"
        out.append(body + "\n")
    out.append("# after the last line\n")
    return "".join(out)


def reverse_keys(text: str) -> str:
    """The same data with the keys of every mapping in reverse order."""
    yaml = YAML(typ="rt", pure=True)
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    data = yaml.load(text)

    def walk(node: object) -> None:
        if isinstance(node, CommentedMap):
            for key in reversed(list(node)):
                node.move_to_end(key)
            for value in node.values():
                walk(value)
        elif isinstance(node, CommentedSeq):
            for value in node:
                walk(value)

    walk(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
