"""The redline people read, editorial versus material, moves, one-language changes, labels and
the HTML page: on the bundled policy's real data and on open-ended text (hypothesis)."""

from __future__ import annotations

import copy
import dataclasses
import html
import itertools
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.changelog.diff import Change, diff_data
from policy_rulebook.changelog.legal import legal
from policy_rulebook.changelog.model import Endpoint, Entry, decide
from policy_rulebook.changelog.records import Touch
from policy_rulebook.changelog.redline import Segment, redline, render
from policy_rulebook.changelog.render import html_page, json_entries, markdown, output
from policy_rulebook.changelog.staff import staff
from policy_rulebook.core import loader
from policy_rulebook.core.changes import data_of
from policy_rulebook.core.editorial import is_editorial_text_change
from tests.helpers import BUNDLED


def _tags(op: str, words: str, escape: Callable[[str], str]) -> str:
    return f"<del>{escape(words)}</del>" if op == "-" else f"<ins>{escape(words)}</ins>"


def shown(old: str, new: str) -> str:
    return render(redline(old, new), _tags, str)


# -- the redline -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Bel Hanne Wuyts bij vragen.",
            "Bel Pieter Goossens bij vragen.",
            "Bel <del>Hanne Wuyts</del> <ins>Pieter Goossens</ins> bij vragen.",
        ),
        ("Hanne Wuyts", "Pieter Goossens", "<del>Hanne Wuyts</del> <ins>Pieter Goossens</ins>"),
        (
            "+32 3 123 45 67",
            "+32 3 123 45 77",
            "<del>+32 3 123 45 67</del> <ins>+32 3 123 45 77</ins>",
        ),
        (
            "Bel 03 123 45 67 of mail.",
            "Bel 03 123 45 77 of mail.",
            "Bel <del>03 123 45 67</del> <ins>03 123 45 77</ins> of mail.",
        ),
        (
            "Van kracht op 1 maart 2027 voor iedereen.",
            "Van kracht op 15 april 2027 voor iedereen.",
            "Van kracht op <del>1 maart 2027</del> <ins>15 april 2027</ins> voor iedereen.",
        ),
        (
            "Van kracht op 2027-03-01.",
            "Van kracht op 2027-06-01.",
            "Van kracht op <del>2027-03-01</del> <ins>2027-06-01</ins>.",
        ),
        (
            "Reageer binnen 24 uur.",
            "Reageer binnen 48 uur.",
            "Reageer binnen <del>24</del> <ins>48</ins> uur.",
        ),
        (
            "Vraag mondeling toestemming aan wie in beeld komt.",
            "Vraag schriftelijk toestemming aan wie in beeld komt en bewaar die.",
            "Vraag <del>mondeling</del> <ins>schriftelijk</ins> toestemming aan wie in beeld komt"
            " <ins>en bewaar die</ins>.",
        ),
        (
            "lien@lindebeek.be",
            "sara@lindebeek.be",
            "<del>lien@lindebeek.be</del> <ins>sara@lindebeek.be</ins>",
        ),
        (
            "Wees beleefd, ook online.",
            "Wees beleefd. Ook online.",
            "Wees beleefd<del>, ook</del> <ins>. Ook</ins> online.",
        ),
    ],
)
def test_changes_read_as_units(old: str, new: str, expected: str) -> None:
    assert shown(old, new) == expected


_text = st.text(alphabet=st.sampled_from("ab cé.,-0123\n'"), max_size=50)


@given(_text, _text)
def test_redline_rebuilds_both_texts_and_never_alternates(old: str, new: str) -> None:
    segments = redline(old, new)
    assert "".join(s.text for s in segments if s.op != "+") == old
    assert "".join(s.text for s in segments if s.op != "-") == new
    ops = [s.op for s in segments]
    # a kept stretch of nothing but spaces and punctuation never separates two changes
    for index in range(1, len(segments) - 1):
        middle = segments[index]
        if middle.op == "=" and ops[index - 1] != "=" and ops[index + 1] != "=":
            assert any(c.isalnum() for c in middle.text), segments
    # at most one deletion and one insertion per changed stretch
    for a, b in itertools.pairwise(ops):
        assert (a, b) not in (("+", "-"), ("-", "-"), ("+", "+"))


# -- editorial or material -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Reageer binnen 24 uur.", "reageer binnen 24 uur"),
        ("Stuur een e-mail.", "Stuur een email."),
        ("De financiele dienst.", "De financiële dienst."),
        ("Wees beleefd en respectvol.", "Wees beleefd en respektvol."),
        ("Wees  beleefd.", "Wees beleefd."),
    ],
)
def test_editorial(old: str, new: str) -> None:
    assert is_editorial_text_change(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Reageer binnen 24 uur.", "Reageer binnen 48 uur."),
        ("Volgens art. 20.", "Volgens art. 21."),
        ("Deel wel foto's.", "Deel geen foto's."),
        ("Reageer binnen een dag.", "Reageer buiten een dag."),
        ("You must reply.", "You may reply."),
        ("Wees beleefd.", "Wees niet beleefd."),
        ("Vraag toestemming.", "Vraag schriftelijke toestemming."),
    ],
)
def test_material(old: str, new: str) -> None:
    assert not is_editorial_text_change(old, new)


_sentence = st.lists(
    st.sampled_from(
        ["wees", "beleefd", "reageer", "snel", "tegen", "iedereen", "online", "24", "uur"]
    ),
    min_size=1,
    max_size=8,
)


@given(_sentence, st.sampled_from([".", ",", "!", ""]), st.booleans())
def test_case_punctuation_and_spacing_are_editorial(
    words: list[str], mark: str, upper: bool
) -> None:
    old = " ".join(words) + "."
    new = "  ".join(w.upper() if upper else w for w in words) + mark
    assert is_editorial_text_change(old, new)


@given(_sentence, st.integers(min_value=0, max_value=7), st.integers(1, 99))
def test_another_number_is_material(words: list[str], where: int, number: int) -> None:
    old = [*words, "24"]
    new = list(old)
    new[-1] = str(24 + number)
    assert not is_editorial_text_change(" ".join(old), " ".join(new))


# -- the bundled policy, changed -------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> dict[str, Any]:
    return data_of(loader.load(BUNDLED))


def _item(data: dict[str, Any], path: tuple[str, ...], item_id: str) -> dict[str, Any]:
    node: Any = data
    for key in path:
        node = node[key]
    found: dict[str, Any] = next(i for i in node if i["id"] == item_id)
    return found


def entry_of(old: dict[str, Any], new: dict[str, Any]) -> Entry:
    return Entry(
        Endpoint("1.0.0", "a" * 40, "2027-01-10"),
        Endpoint("1.1.0", "b" * 40, "2027-02-01"),
        diff_data(old, new),
        new,
    )


def test_a_rule_moved_to_legal_is_a_move_with_its_new_consequence(bundled: dict[str, Any]) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    rule = _item(new, ("conduct", "donts"), "share-personal-data")
    new["conduct"]["donts"].remove(rule)
    new["legal"]["items"].append(
        {
            "id": "share-personal-data",
            "topic": {"nl": "Privacy", "en": "Privacy"},
            "text": rule["text"],
            "basis": [{"title": {"nl": "AVG", "en": "GDPR"}, "reference": "art. 5"}],
            "consequence": {"nl": "Een tuchtmaatregel.", "en": "A disciplinary measure."},
        }
    )
    [change] = [c for c in diff_data(old, new) if c.id == "share-personal-data"]
    assert (change.kind, change.section, change.item_kind) == ("moved", "legal", "legal-item")
    announcement = staff(entry_of(old, new), "nl")
    [block] = [b for b in announcement.blocks if b.heading == "Juridische do's en don'ts"]
    [item] = block.items
    assert item.lead == "Verplaatst uit Do's en don'ts:"  # under its new section's heading
    assert item.text.startswith("Privacy: " + rule["text"]["nl"])
    assert item.after == "(Gevolg: Een tuchtmaatregel.)"  # it had none before: no "removed"
    redline_md = markdown([legal(entry_of(old, new), "en")])
    assert "from Do's and don'ts › Don'ts to Legal do's and don'ts › Legal items" in redline_md
    assert "*Consequence (English)*: <ins>A disciplinary measure.</ins>" in redline_md
    assert "*Rule (English)*: " + rule["text"]["en"] in redline_md  # whole text, in place
    assert "removed" not in redline_md


def test_a_change_in_one_language_is_announced_in_that_language_only(
    bundled: dict[str, Any],
) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    _item(new, ("conduct", "dos"), "share-city-news")["text"]["en"] = "Share the city's news."
    nl, en = staff(entry_of(old, new), "nl"), staff(entry_of(old, new), "en")
    assert nl.blocks == () and nl.intro == (
        "In deze versie is alleen de vertaling aangepast; voor jou verandert er niets."
    )
    assert [i.text.split(" (was")[0] for b in en.blocks for i in b.items] == [
        "Share the city's news."
    ]
    [item] = [i for b in legal(entry_of(old, new), "nl").blocks for i in b.items]
    assert item.note == "alleen de tekst in het Engels"


def test_an_editorial_version_says_so_to_staff_and_marks_it_for_legal(
    bundled: dict[str, Any],
) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    rule = _item(new, ("conduct", "dos"), "share-city-news")
    rule["text"]["nl"] = rule["text"]["nl"].rstrip(".") + "!"
    nl = staff(entry_of(old, new), "nl")
    assert nl.blocks == ()
    assert nl.intro.startswith("In deze versie zijn alleen taal en spelling verbeterd")
    [item] = [i for b in legal(entry_of(old, new), "nl").blocks for i in b.items]
    assert item.editorial and item.note.startswith("redactioneel (automatisch herkend")


def test_contributors_override_the_guess_either_way(bundled: dict[str, Any]) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    rule = _item(new, ("conduct", "dos"), "share-city-news")
    rule["text"]["nl"] = rule["text"]["nl"].rstrip(".") + "!"  # looks editorial
    _item(new, ("conduct", "donts"), "react-in-anger")["text"]["nl"] = "Iets heel anders."
    changes = diff_data(old, new)
    guessed = {c.id: c.editorial for c in changes}
    assert guessed == {"share-city-news": True, "react-in-anger": False}
    by_key = decide(changes, editorial={"react-in-anger"}, material={"share-city-news"})
    assert {c.id: c.editorial for c in by_key} == {"share-city-news": False, "react-in-anger": True}
    ann = Touch("c" * 40, "Ann", "ann@x.be", "2027-01-02", "typo", "editorial")
    tom = Touch("d" * 40, "Tom", "tom@x.be", "2027-01-03", "reword", None)
    lea = Touch("e" * 40, "Lea", "lea@x.be", "2027-01-04", "DPO", "material")

    def with_commits(*touches: Touch) -> list[Change]:
        return [dataclasses.replace(c, touches=touches) for c in changes]

    assert {c.id: c.editorial for c in decide(with_commits(ann))} == {
        "share-city-news": True,
        "react-in-anger": True,
    }  # every commit says editorial
    assert {c.id: c.editorial for c in decide(with_commits(ann, tom))} == guessed
    assert not any(c.editorial for c in decide(with_commits(ann, lea)))  # material wins
    assert all(c.editorial for c in decide(changes, version="editorial"))
    text = legal(
        Entry(Endpoint("1", None), Endpoint("2", None), decide(with_commits(ann, lea)), new), "en"
    )
    # named as the printed policy names it: article number and the rule's words, never the id
    [item] = [i for b in text.blocks for i in b.items if i.lead.startswith("2.1.3 ")]
    assert "share-city-news" not in item.lead
    assert item.note.startswith("material (marked so by the author, although it looked")
    assert item.who == (
        "by Ann in ccccccc on 2 January 2027: “typo”",
        "by Lea in eeeeeee on 4 January 2027: “DPO”",
    )


_INTERNAL = re.compile(r"\b(\w+\.\d+\.\w+|\w+_\w+)\b")


def test_labels_are_plain_words_never_internal_keys(bundled: dict[str, Any]) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    item = new["legal"]["items"][0]
    item["applies_to_private_accounts"] = not item.get("applies_to_private_accounts", False)
    item["basis"][0]["title"]["nl"] += " (gewijzigd)"
    new["meta"]["effective_from"] = "2027-09-01"
    new["channels"]["response_times"]["office_hours"] = {
        "nl": "Binnen 4 uur.",
        "en": "Within 4 hours.",
    }
    new["conduct"]["speaking_capacity"]["disclaimer"]["nl"] = "Mijn mening."
    for lang in ("nl", "en"):
        for build in (legal, staff):
            text = markdown([build(entry_of(old, new), lang)])
            labels = re.findall(r"\*([^*]+)\*:", text) + re.findall(r"\*\*([^*]+)\*\*", text)
            assert labels
            for label in labels:
                if label.endswith(item["id"]):
                    continue
                assert not _INTERNAL.search(label.replace("\\_", "_")), (lang, label)
    en = markdown([legal(entry_of(old, new), "en")])
    # a legal basis is one citation (title, article), replaced whole
    assert "*Legal basis, item 1 (Dutch)*: <del>Wet van 30 juli 1981" in en
    assert "(Antiracismewet) (gewijzigd), art. 20 en 21</ins>" in en
    assert (
        "*Also on private accounts*: <del>yes</del> <ins>no</ins>" in en
        or "*Also on private accounts*: <del>no</del> <ins>yes</ins>" in en
    )
    nl = markdown([legal(entry_of(old, new), "nl")])
    assert "*Rechtsgrond, item 1 (Nederlands)*" in nl


# -- documents -------------------------------------------------------------------------------


def test_html_redline_is_one_offline_page(
    bundled: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    old, new = bundled, copy.deepcopy(bundled)
    new["contact"]["primary"]["name"] = "Pieter Goossens"
    page = output([entry_of(old, new)], "html", "legal", "nl", single=True)
    assert "default-src 'none'" in page and "@media print" in page
    assert "<title>Socialemediabeleid van Stad Lindebeek</title>" in page
    assert "Juridische redline · versies 1.0.0 tot 1.1.0" in page
    assert "Gemaakt op 1 december 2026" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script" not in page
    assert "<del>Lien Verhaegen</del> <ins>Pieter Goossens</ins>" in page


def test_html_and_markdown_escape_policy_words() -> None:
    hostile = "<script>x</script> *nadruk* [link](javascript:x)"
    old: dict[str, Any] = {
        "meta": {"languages": ["nl"]},
        "conduct": {"dos": [{"id": "a", "text": "Oud."}]},
    }
    new = copy.deepcopy(old)
    new["conduct"]["dos"][0]["text"] = hostile
    entry = Entry(Endpoint("1", None), Endpoint("2", None), diff_data(old, new), new)
    html = html_page([legal(entry, "nl")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = markdown([legal(entry, "nl")])
    assert "\\*nadruk\\*" in md and "\\[link\\]" in md


def test_json_says_language_audience_and_what_each_audience_sees(bundled: dict[str, Any]) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    _item(new, ("conduct", "dos"), "share-city-news")["text"]["en"] = "Share the city's news."
    entry = entry_of(old, new)
    [staff_nl] = json.loads(json_entries([entry], single=False, lang="nl", audience="staff"))
    assert (staff_nl["lang"], staff_nl["audience"]) == ("nl", "staff")
    [change] = staff_nl["changes"]
    assert change["shown"] is False and change["languages"] == ["en"]
    assert change["fields_in_words"] == ["Regel (Engels)"]
    assert change["editorial"] is False
    [legal_en] = json.loads(json_entries([entry], single=False, lang="en", audience="legal"))
    assert legal_en["changes"][0]["shown"] is True
    assert legal_en["to"]["date"] == "2027-02-01"


def test_segments_are_plain_data() -> None:
    assert redline("a", "a") == (Segment("=", "a"),)
    assert redline("", "b") == (Segment("+", "b"),)


def test_a_draft_is_never_announced_as_in_force(bundled: dict[str, Any]) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    new["meta"]["status"] = "draft"
    new["conduct"]["dos"][0]["text"]["nl"] = "Reageer altijd binnen twee uur."
    nl = markdown([staff(entry_of(old, new), "nl")])
    assert nl.startswith("# Socialemediabeleid van Stad Lindebeek versie 1.1.0 (ONTWERP)\n")
    assert "> **ONTWERP: deze versie is nog niet goedgekeurd en nog niet van kracht.**" in nl
    assert "van kracht op" not in nl
    en = markdown([legal(entry_of(old, new), "en")])
    assert en.startswith("## Policy 1.0.0 → 1.1.0 (") and "— DRAFT\n" in en.split("\n")[0] + "\n"


def test_a_move_within_a_section_says_where_to(bundled: dict[str, Any]) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    rule = _item(new, ("conduct", "dos"), "share-city-news")
    new["conduct"]["dos"].remove(rule)
    new["conduct"]["donts"].append(rule)
    [item] = [i for b in staff(entry_of(old, new), "en").blocks for i in b.items]
    assert item.lead == "Moved to Don'ts:" and item.text == rule["text"]["en"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_field_of_the_bundled_policy_has_a_title_in_words(
    bundled: dict[str, Any], lang: str
) -> None:
    """The label table is the schema: every leaf of a real policy is named from a title, in
    the language, and no label shows a key (``applies_to_private_accounts``, ``basis.0``)."""
    from policy_rulebook.changelog.announce import deep_leaves
    from policy_rulebook.core import labels

    count = 0
    for section, content in bundled.items():
        for path, _text in deep_leaves(content, lang):
            full = (section, *path)
            text_parent = next(
                (i for i in range(len(full)) if not labels.known(full[: i + 1])), None
            )
            # only a language code under a text may be unknown to the schema
            assert text_parent is None or text_parent == len(full) - 1, full
            words = labels.label(lang, (section,), path)
            assert "_" not in words and not re.search(r"\.\d", words), (full, words)
            count += 1
    assert count > 300


_free = st.text(alphabet=st.sampled_from("abcdeé niet 0123.,-"), max_size=30)


@given(_free, _free)
def test_the_editorial_rule_is_symmetric_and_reflexive(old: str, new: str) -> None:
    assert is_editorial_text_change(old, old)
    assert is_editorial_text_change(old, new) == is_editorial_text_change(new, old)


def test_unreleased_changes_and_the_why_of_a_version(bundled: dict[str, Any]) -> None:
    old, new = bundled, copy.deepcopy(bundled)
    new["conduct"]["dos"][0]["text"]["nl"] = "Reageer altijd binnen twee uur."
    entry = Entry(
        Endpoint("2.1.0", "a" * 40),
        Endpoint("2.1.0", None, unreleased=True),
        diff_data(old, new),
        new,
        why={"nl": "Na advies van de DPO.", "en": "On the DPO's advice."},
    )
    nl = staff(entry, "nl")
    assert nl.title == (
        "Socialemediabeleid van Stad Lindebeek: nog niet vrijgegeven wijzigingen na versie 2.1.0"
    )
    # the author's note heads the announcement, in the reader's language
    assert nl.intro.startswith("Na advies van de DPO.\n\nWat verandert er voor jou?")
    assert nl.banner.startswith("NOG NIET VRIJGEGEVEN")
    assert legal(entry, "en").intro == "Why: On the DPO's advice."
    assert legal(entry, "en").title.startswith("Policy 2.1.0 → unreleased (1 change")


@pytest.mark.parametrize(
    ("mark", "escape", "expected"),
    [
        # staff HTML: the quote stays outside the bold, escaped whole
        (
            "_strong_html",
            html.escape,
            '&#x27;<strong style="font-weight:bold;text-decoration:underline">s Avonds</strong>',
        ),
        ("_strong_md", None, "'**s Avonds**"),
    ],
)
def test_punctuation_kept_outside_the_marks_is_escaped_whole(
    mark: str, escape: Callable[[str], str] | None, expected: str
) -> None:
    """The staff marks keep punctuation at the edges outside; they split the words as
    written and escape each part, so an escape (`&#x27;`, `&amp;`) is never cut in two (the
    staff e-mail showed "&#x27;s Avonds" as "&#" and a bold "x27;s Avonds")."""
    from policy_rulebook.changelog import render as rendering
    from policy_rulebook.core.escape import markdown

    escaped = escape or markdown
    text = render(redline("Overdag", "'s Avonds"), getattr(rendering, mark), escaped)
    assert expected in text, text
    assert "&#<" not in text and "&<" not in text


def test_an_ampersand_at_the_edge_of_new_words_stays_one_entity() -> None:
    from policy_rulebook.changelog.render import _strong_html

    text = render(redline("Vragen", "&Co antwoordt"), _strong_html, html.escape)
    assert "&amp;<strong" in text and "&<" not in text, text  # before: "&<strong...>amp;Co"
