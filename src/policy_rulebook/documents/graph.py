"""Drawing the reaction scheme as text: Mermaid (renders on GitHub) and Graphviz DOT.

Questions are decision shapes, outcomes are end shapes, the edges carry the answer words of the
chosen language. Every label is escaped for its format: policy text never breaks the diagram.
"""

from __future__ import annotations

import re
import textwrap

from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _
from policy_rulebook.core.scheme import ANSWERS, Scheme

FORMATS = ("mermaid", "dot")


def answer_words(language: str | None) -> tuple[str, str]:
    """Yes and no in ``language`` (core.labels; English without a catalogue)."""
    from policy_rulebook.core.labels import yes_no

    return yes_no(language or "en", True), yes_no(language or "en", False)


def choose_language(scheme: Scheme, language: str | None) -> str | None:
    """The language asked for, checked against the declared ones (default: the primary)."""
    if language is None:
        return scheme.languages[0] if scheme.languages else None
    if scheme.languages and language not in scheme.languages:
        raise InputError(
            _("the policy is not written in `{language}`: its languages are {items}").format(
                language=language, items=", ".join(scheme.languages)
            )
        )
    return language


def render(scheme: Scheme, output_format: str, language: str | None) -> str:
    if output_format == "mermaid":
        return mermaid(scheme, language)
    if output_format == "dot":
        return dot(scheme, language)
    raise InputError(
        _("unknown format `{output_format}`: use {items}").format(
            output_format=output_format, items=" or ".join(FORMATS)
        )
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


_MERMAID_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "|": "#124;",
    "\\": "#92;",
}


def mermaid_text(text: str) -> str:
    """A label for a quoted Mermaid string: one line, entity codes for the characters that end
    the string, start an entity or could be read as markup."""
    return "".join(_MERMAID_ENTITIES.get(c, c) for c in _one_line(text))


def mermaid_id(node_id: str) -> str:
    # Prefixed so that an id such as `end` or `graph` is never a keyword.
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", node_id)


def mermaid(scheme: Scheme, language: str | None) -> str:
    words = dict(zip(ANSWERS, answer_words(language), strict=True))
    lines = ["flowchart TD"]
    for node_id, node in scheme.nodes.items():
        label = mermaid_text(scheme.label(node_id, language))
        if node.kind == "question":
            lines.append(f'    {mermaid_id(node_id)}{{"{label}"}}')
        else:
            lines.append(f'    {mermaid_id(node_id)}(["{label}"])')
    for node_id in scheme.nodes:
        for answer, target in scheme.edges(node_id):
            lines.append(
                f'    {mermaid_id(node_id)} -->|"{mermaid_text(words[answer])}"| '
                f"{mermaid_id(target)}"
            )
    lines.append("    classDef question fill:#fff7d6,stroke:#8a6d00,color:#1a1a1a")
    lines.append("    classDef outcome fill:#e3f1e6,stroke:#2e6b3a,color:#1a1a1a")
    lines.append("    classDef start stroke-width:3px")
    for kind in ("question", "outcome"):
        members = [mermaid_id(n) for n, node in scheme.nodes.items() if node.kind == kind]
        if members:
            lines.append(f"    class {','.join(members)} {kind}")
    if scheme.start_known and scheme.start is not None:
        lines.append(f"    class {mermaid_id(scheme.start)} start")
    return "\n".join(lines) + "\n"


def dot_text(text: str, width: int = 28) -> str:
    """A label for a quoted DOT string, wrapped at ``width`` characters."""
    wrapped = textwrap.wrap(_one_line(text), width) or [""]
    return "\\n".join(_dot_escape(line) for line in wrapped)


def _dot_escape(text: str) -> str:
    """Backslashes and double quotes escaped for a quoted DOT string."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _dot_id(node_id: str) -> str:
    return '"' + _dot_escape(node_id) + '"'


def dot(scheme: Scheme, language: str | None) -> str:
    words = dict(zip(ANSWERS, answer_words(language), strict=True))
    lines = [
        "digraph reactions {",
        "    rankdir=TB;",
        '    node [fontname="Helvetica", fontsize=11, style=filled, color="#555555"];',
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    for node_id, node in scheme.nodes.items():
        label = dot_text(scheme.label(node_id, language))
        if node.kind == "question":
            shape = 'shape=diamond, fillcolor="#fff7d6"'
        else:
            shape = 'shape=box, style="rounded,filled", fillcolor="#e3f1e6"'
        extra = ", penwidth=3" if node_id == scheme.start else ""
        lines.append(f'    {_dot_id(node_id)} [{shape}{extra}, label="{label}"];')
    for node_id in scheme.nodes:
        for answer, target in scheme.edges(node_id):
            lines.append(
                f'    {_dot_id(node_id)} -> {_dot_id(target)} [label="{dot_text(words[answer])}"];'
            )
    lines.append("}")
    return "\n".join(lines) + "\n"
