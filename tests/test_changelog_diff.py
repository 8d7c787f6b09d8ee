"""The semantic diff by id, the redline and the announcements' words, on plain data."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.changelog.diff import Change, diff_data
from policy_rulebook.changelog.legal import legal
from policy_rulebook.changelog.model import Endpoint, Entry
from policy_rulebook.changelog.redline import redline, render
from policy_rulebook.changelog.staff import staff


def policy() -> dict[str, Any]:
    return {
        "meta": {
            "version": "1.0.0",
            "languages": ["nl", "en"],
            "title": {"nl": "Beleid", "en": "Policy"},
        },
        "brand": {
            "mission": {"nl": "Wij helpen.", "en": "We help."},
            "tone_of_voice": {
                "register": "informal",
                "description": {"nl": "Warm.", "en": "Warm."},
                "principles": [{"id": "short", "text": {"nl": "Kort.", "en": "Short."}}],
            },
        },
        "conduct": {
            "dos": [
                {
                    "id": "be-kind",
                    "text": {
                        "nl": "Wees vriendelijk tegen iedereen.",
                        "en": "Be kind to everyone.",
                    },
                },
                {"id": "share-news", "text": {"nl": "Deel ons nieuws.", "en": "Share our news."}},
            ],
            "donts": [
                {
                    "id": "no-anger",
                    "text": {
                        "nl": "Reageer niet in woede op kritiek.",
                        "en": "Do not reply in anger to criticism.",
                    },
                }
            ],
        },
        "contact": {"primary": {"name": "Ann", "email": "ann@x.be", "phone": "03 123 45 67"}},
        "reactions": {
            "start": "q",
            "nodes": [
                {
                    "id": "q",
                    "question": {"nl": "Over ons?", "en": "About us?"},
                    "yes": "r",
                    "no": "s",
                },
                {"id": "r", "outcome": {"nl": "Reageer.", "en": "Respond."}, "action": "respond"},
                {
                    "id": "s",
                    "outcome": {"nl": "Laat staan.", "en": "Let it stand."},
                    "action": "let-stand",
                },
            ],
        },
    }


def kinds(changes: tuple[Change, ...]) -> list[tuple[str, str]]:
    return [(c.kind, c.label) for c in changes]


def test_identical_and_reordered_are_no_change() -> None:
    old, new = policy(), policy()
    new["conduct"]["dos"].reverse()
    new["reactions"]["nodes"].reverse()
    assert diff_data(old, new) == ()


def test_added_removed_changed() -> None:
    old, new = policy(), policy()
    new["conduct"]["dos"].append(
        {"id": "credit", "text": {"nl": "Vermeld de maker.", "en": "Credit the maker."}}
    )
    del new["conduct"]["dos"][1]
    new["conduct"]["donts"][0]["text"]["en"] = "Never reply in anger to criticism."
    changes = diff_data(old, new)
    assert kinds(changes) == [
        ("removed", "share-news"),
        ("added", "credit"),
        ("changed", "no-anger"),
    ]
    changed = next(c for c in changes if c.kind == "changed")
    assert changed.fields == ("text.en",) and changed.path == "/conduct/donts/0"
    assert changed.item_kind == "rule" and changed.section == "conduct"


def test_moved_from_dos_to_donts() -> None:
    old, new = policy(), policy()
    new["conduct"]["donts"].append(new["conduct"]["dos"].pop(1))
    [change] = diff_data(old, new)
    assert (change.kind, change.id, change.old_path, change.path) == (
        "moved",
        "share-news",
        "/conduct/dos/1",
        "/conduct/donts/1",
    )


def test_renamed_when_the_text_is_nearly_the_same() -> None:
    old, new = policy(), policy()
    new["conduct"]["donts"][0]["id"] = "no-angry-replies"
    new["conduct"]["donts"][0]["text"]["en"] = "Do not reply in anger to criticism!"
    [change] = diff_data(old, new)
    assert (change.kind, change.old_id, change.id, change.fields) == (
        "renamed",
        "no-anger",
        "no-angry-replies",
        ("text.en",),
    )


def test_not_renamed_when_the_text_is_different() -> None:
    old, new = policy(), policy()
    new["conduct"]["donts"][0] = {
        "id": "no-ads",
        "text": {"nl": "Maak geen reclame.", "en": "Do not advertise."},
    }
    assert sorted(kinds(diff_data(old, new))) == [("added", "no-ads"), ("removed", "no-anger")]


def test_scalar_units_and_reaction_scheme() -> None:
    old, new = policy(), policy()
    new["meta"]["version"] = "1.1.0"
    new["contact"]["primary"]["phone"] = "03 123 45 99"
    new["brand"]["tone_of_voice"]["register"] = "formal"
    new["brand"]["tone_of_voice"]["principles"][0]["text"]["nl"] = "Kort en klaar."
    new["reactions"]["nodes"][0]["yes"] = "s"
    new["reactions"]["start"] = "r"
    got = {(c.kind, c.label, c.fields) for c in diff_data(old, new)}
    assert got == {
        ("changed", "meta.version", ("version",)),
        ("changed", "contact.primary", ("phone",)),
        ("changed", "brand.tone_of_voice", ("register",)),
        ("changed", "short", ("text.nl",)),
        ("changed", "q", ("yes",)),
        ("changed", "reactions.start", ("start",)),
    }


def test_section_added_and_removed() -> None:
    old, new = policy(), policy()
    del new["contact"]
    new["house_rules"] = {"intro": "Welkom.", "rules": []}
    got = {(c.kind, c.label) for c in diff_data(old, new)}
    assert got == {("removed", "contact.primary"), ("added", "house_rules.intro")}


def entry(old: dict[str, Any], new: dict[str, Any]) -> Entry:
    return Entry(Endpoint("1.0.0", "a" * 40), Endpoint("1.1.0", None), diff_data(old, new), new)


def test_staff_text_quotes_the_policy_and_hides_ids() -> None:
    old, new = policy(), policy()
    new["conduct"]["donts"][0]["text"]["nl"] = "Reageer nooit in woede op kritiek."
    new["contact"]["primary"] = {"name": "Bo", "email": "bo@x.be", "phone": "03 1"}
    text = staff(entry(old, new), "nl")
    assert text.title == "Beleid versie 1.1.0"
    lines = [
        (b.heading, i.lead, f"{i.text} {i.after}".strip()) for b in text.blocks for i in b.items
    ]
    assert lines == [
        (
            "Do's en don'ts",
            "Aangepast:",
            "Reageer nooit in woede op kritiek. (was: Reageer niet in woede op kritiek.)",
        ),
        ("Aanspreekpunt", "Nieuw:", "Je nieuwe aanspreekpunt is Bo (bo@x.be, 03 1)."),
    ]
    assert text.closing == "Vragen? Mail bo@x.be."
    english = staff(entry(old, new), "en")
    # only the Dutch (primary) text of the don't changed: never "only the translation"; the
    # English readers get the Dutch text and are told their translation follows
    assert [b.heading for b in english.blocks] == ["Do's and don'ts", "Contact point"]
    [item] = english.blocks[0].items
    assert item.text == "Reageer nooit in woede op kritiek."
    assert item.note == "the Dutch text changed; the English translation follows"


def test_legal_text_redlines_every_language() -> None:
    old, new = policy(), policy()
    new["conduct"]["donts"][0]["text"] = {
        "nl": "Reageer nooit in woede op kritiek.",
        "en": "Never reply in anger to criticism.",
    }
    text = legal(entry(old, new), "en")
    [item] = text.blocks[0].items
    assert item.text == "— changed (not committed yet)"
    rendered = {
        d.label: render(d.segments, lambda op, w, escape: f"{op}[{escape(w)}]", str)
        for d in item.details
    }
    assert rendered == {
        "Rule (Dutch)": "Reageer -[niet] +[nooit] in woede op kritiek.",
        "Rule (English)": "-[Do not] +[Never] reply in anger to criticism.",
    }


_words = st.text(alphabet=st.sampled_from("ab cé.,\n'"), max_size=40)


@given(_words, _words)
def test_redline_keeps_both_texts(old: str, new: str) -> None:
    segments = redline(old, new)
    assert "".join(s.text for s in segments if s.op != "+") == old
    assert "".join(s.text for s in segments if s.op != "-") == new


@given(st.lists(st.sampled_from(["be-kind", "share-news", "no-anger"]), unique=True))
def test_order_never_matters(order: list[str]) -> None:
    old = policy()
    new = copy.deepcopy(old)
    items = {i["id"]: i for i in new["conduct"]["dos"] + new["conduct"]["donts"]}
    new["conduct"]["dos"] = [items[i] for i in order if i != "no-anger"] + [
        items[i] for i in ("be-kind", "share-news") if i not in order
    ]
    assert diff_data(old, new) == ()


_IDS = ["be-kind", "share-news", "no-anger"]


@given(
    drop=st.sets(st.sampled_from(_IDS)),
    edit=st.sets(st.sampled_from(_IDS)),
    move=st.sets(st.sampled_from(_IDS)),
)
def test_diff_both_ways_mirrors(drop: set[str], edit: set[str], move: set[str]) -> None:
    old = policy()
    new = copy.deepcopy(old)
    conduct = new["conduct"]
    for item in conduct["dos"] + conduct["donts"]:
        if item["id"] in edit:
            item["text"]["nl"] = "Iets heel anders dan eerst, in nieuwe woorden."
    for name, other in (("dos", "donts"), ("donts", "dos")):
        staying = [i for i in conduct[name] if i["id"] not in move]
        leaving = [i for i in conduct[name] if i["id"] in move]
        conduct[name] = staying
        conduct.setdefault(f"_{other}", []).extend(leaving)
    conduct["dos"] += conduct.pop("_dos", [])
    conduct["donts"] += conduct.pop("_donts", [])
    for name in ("dos", "donts"):
        conduct[name] = [i for i in conduct[name] if i["id"] not in drop]
    forward, backward = diff_data(old, new), diff_data(new, old)

    def count(changes: tuple[Change, ...], kind: str) -> int:
        return sum(c.kind == kind for c in changes)

    assert count(forward, "removed") == count(backward, "added") == len(drop)
    assert count(forward, "moved") == count(backward, "moved") == len(move - drop)
    assert count(forward, "changed") == count(backward, "changed") == len(edit - drop - move)
    assert {c.id for c in forward} == {c.id for c in backward}
