#!/usr/bin/env python3
"""Extract, update and compile rulebook's message catalogues (docs/messages.md).

    python scripts/update_catalogues.py          # extract -> .pot, update the .po, compile .mo
    python scripts/update_catalogues.py --check  # change nothing; exit 1 if anything is stale
                                                 # or a translation is missing

1. Babel extracts every ``_("...")`` and ``N_("...")`` of ``src/policy_rulebook`` (and the
   ``{% trans %}`` blocks and ``_()`` calls of its Jinja2 templates) into ``rulebook.pot``.
2. Each ``LANG/LC_MESSAGES/rulebook.po`` is updated from it: new messages are added empty,
   messages no longer used are dropped, and a changed message keeps its old translation marked
   fuzzy (shown in English until someone checks it).
3. Each catalogue is compiled to ``rulebook.mo`` (the file the program reads).

Then it lists, per language, the messages without a translation (nl and fr must have none;
en is the source language, its empty translations mean "as written").
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import io
import sys
from collections.abc import Iterable
from pathlib import Path

try:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po
except ImportError:  # pragma: no cover - a hint for whoever runs it outside the venv
    sys.exit(
        "update_catalogues.py needs Babel: run it with the project's venv "
        "(pip install -e '.[test]')"
    )

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "policy_rulebook"
LOCALE = PACKAGE / "locale"
DOMAIN = "rulebook"
LANGUAGES = ("nl", "en", "fr")
TRANSLATED = ("nl", "fr")  # every message must have a translation in these
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
METHODS = [("**/templates/**.j2", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}


def _check_docs() -> Iterable[tuple[str, str]]:
    """(source, text) for the sections of each check's docs (``rulebook explain``, SARIF)."""
    sys.path.insert(0, str(ROOT / "src"))
    from policy_rulebook.linter.explain import translatable_docs

    for code, text in translatable_docs():
        yield f"explain/{code}", text


def _label_tables() -> list[tuple[str, dict[str, dict[str, str]]]]:
    """The label tables of announcements and documents (per language: key -> text)."""
    sys.path.insert(0, str(ROOT / "src"))
    from policy_rulebook.changelog import phrases
    from policy_rulebook.documents import words

    return [
        ("src/policy_rulebook/changelog/phrases.py", phrases.PHRASES),
        ("src/policy_rulebook/documents/words.py", words.LABELS),
    ]


def _table_messages() -> Iterable[tuple[str, str]]:
    """(source, text) for the English values of the label tables: a language with a catalogue
    but no table of its own (French) reads them translated."""
    for source, tables in _label_tables():
        for text in tables["en"].values():
            yield source, text


def _table_translations(lang: str) -> dict[str, str]:
    """English value -> the value in ``lang``'s own table (the first, where keys differ): the
    catalogue of a language that has tables stays in step with them."""
    found: dict[str, str] = {}
    for _source, tables in _label_tables():
        own = tables.get(lang, {})
        for key, text in tables["en"].items():
            if key in own:
                found.setdefault(text, own[key])
    return found


def _schema_messages() -> Iterable[tuple[str, str]]:
    """(source, text) for the schema's ``errorMessage`` texts (RB100 shows them translated)."""
    import json

    def walk(node: object) -> Iterable[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "errorMessage" and isinstance(value, str):
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for name in ("rulebook.schema.json",):
        data = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
        for text in walk(data):
            yield f"schema/{name}", text
    sys.path.insert(0, str(ROOT / "src"))
    from policy_rulebook.linter.checks.schema_violation import (
        expected_phrases,
        required_descriptions,
    )

    for text in [*required_descriptions(), *expected_phrases()]:  # as RB100 quotes them
        if text:
            yield "schema/rulebook.schema.json", text


def extract() -> Catalog:
    # A fixed date: the files change only when the messages do (a diff a reviewer can read).
    template = Catalog(
        project="policy-rulebook",
        domain=DOMAIN,
        charset="utf-8",
        msgid_bugs_address="",
        copyright_holder="",
        creation_date=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
    )
    methods = list(METHODS)
    try:
        import jinja2  # noqa: F401
    except ImportError:  # pragma: no cover - jinja2 is a dependency
        methods = [m for m in methods if m[1] != "jinja2"]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), methods, OPTIONS, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        if "/locale/" in filename:
            continue
        template.add(
            message,
            None,
            [(f"src/policy_rulebook/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    for source, text in [*_schema_messages(), *_check_docs(), *_table_messages()]:
        if text not in template:
            template.add(text, None, [(source, 0)])
    return template


def _pot_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=100,
        omit_header=False,
        sort_output=True,
        no_location=False,
        include_lineno=False,
    )
    return out.getvalue()


def _po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read(lang: str) -> Catalog:
    path = _po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, charset="utf-8")
    with path.open("rb") as stream:
        return read_po(stream, locale=lang, domain=DOMAIN)


def _compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def missing(catalog: Catalog) -> list[str]:
    """The msgids without a (non-fuzzy) translation."""
    return [
        str(m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and (m.fuzzy or not translated(m.string))
    ]


def translated(string: object) -> bool:
    if isinstance(string, str):
        return bool(string)
    return isinstance(string, (tuple, list)) and all(string)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a file is stale or a translation missing",
    )
    args = parser.parse_args(argv)
    template = extract()
    stale: list[str] = []
    pot = LOCALE / f"{DOMAIN}.pot"
    pot_text = _pot_bytes(template)
    if not pot.exists() or pot.read_bytes() != pot_text:
        stale.append(str(pot.relative_to(ROOT)))
        if not args.check:
            pot.write_bytes(pot_text)
    gaps = 0
    for lang in LANGUAGES:
        catalog = _read(lang)
        # A copy: Babel shares the template's message objects with the updated catalogue.
        catalog.update(copy.deepcopy(template), update_header_comment=False)
        catalog.revision_date = template.creation_date
        for msgid, text in _table_translations(lang).items():  # nl: from the nl tables
            message = catalog.get(msgid)
            if message is not None and (not message.string or message.fuzzy) and lang != "en":
                message.string = text
                message.flags.discard("fuzzy")
        catalog.obsolete.clear()
        po_text = _pot_bytes(catalog)
        mo_text = _compiled(catalog)
        for path, data in ((_po_path(lang), po_text), (_po_path(lang).with_suffix(".mo"), mo_text)):
            if not path.exists() or path.read_bytes() != data:
                stale.append(str(path.relative_to(ROOT)))
                if not args.check:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
        if lang in TRANSLATED:
            lacking = missing(catalog)
            gaps += len(lacking)
            print(f"{lang}: {len(catalog)} messages, {len(lacking)} without a translation")
            for msgid in lacking:
                print(f"  {lang}: {msgid[:90]!r}")
        else:
            print(f"{lang}: {len(catalog)} messages (source language)")
    if stale:
        print(("stale: " if args.check else "written: ") + ", ".join(stale))
    if args.check and (stale or gaps):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
