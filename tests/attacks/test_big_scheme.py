"""Attack (issue 24, 4): drawing the reaction scheme was super-quadratic (grandalf's layered
layout run 12 times, and a checklist's long edges make it big): a 100-question checklist that
lints clean took 11 s, 500 questions 19 minutes and 300 MB for ``render --format html``.

Why it holds now: above ``layout.MAX_DRAWN_NODES`` the scheme is not drawn (the steps in words
stand alone, with a note in the reader's language, in HTML and Word); below it, the attempts
at a drawing with fewer crossings share a budget of boxes and bends.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from policy_rulebook.core import loader
from policy_rulebook.core import scheme as schemes
from policy_rulebook.documents import layout
from tests.helpers import run

NOTE_NL = "Het schema heeft te veel stappen om te tekenen; ze staan hieronder in woorden."


def checklist(questions: int) -> str:
    """Each question's yes leads to the next, its no to one outcome: long edges everywhere."""
    nodes = []
    for n in range(questions):
        following = f"q{n + 1}" if n + 1 < questions else "done"
        nodes.append(
            f"    - id: q{n}\n      question:\n        nl: Vraag {n}?\n        en: Question {n}?\n"
            f"      yes: {following}\n      no: stop\n"
        )
    for name in ("done", "stop"):
        nodes.append(
            f"    - id: {name}\n      outcome:\n        nl: Einde {name}.\n"
            f"        en: End {name}.\n      action: let-stand\n"
        )
    return "reactions:\n  start: q0\n  nodes:\n" + "".join(nodes)


def _scheme(questions: int) -> schemes.Scheme:
    document = loader.load_files("x", [("reactions.yaml", checklist(questions).encode())])
    built = schemes.build(document)
    assert built is not None
    return built


def test_a_big_scheme_is_not_drawn_but_said_in_words(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (policy / "reactions.yaml").write_text(checklist(500), encoding="utf-8")
    result = run(capsys, "render", str(policy), "--format", "html")
    assert result.code == 0, result.err
    assert NOTE_NL in result.out and '<svg class="scheme"' not in result.out
    assert result.out.count('class="step question"') == 500
    out = policy.parent / "policy.docx"
    result = run(capsys, "render", str(policy), "--format", "docx", "-o", str(out))
    assert result.code == 0, result.err
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as docx:
        body = docx.read("word/document.xml").decode()
        assert NOTE_NL in body
        assert not [n for n in docx.namelist() if n.startswith("word/media/")]


def test_a_scheme_at_the_bound_is_drawn_within_the_work_budget() -> None:
    scheme = _scheme(layout.MAX_DRAWN_NODES - 2)
    assert layout.drawable(scheme) and not layout.drawable(_scheme(layout.MAX_DRAWN_NODES))
    drawing = layout.layout(scheme, "nl", ("ja", "nee"))
    assert len(drawing.boxes) == layout.MAX_DRAWN_NODES


def test_the_bundled_scheme_is_still_drawn(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "render", str(policy), "--format", "html")
    assert '<svg class="scheme"' in result.out and NOTE_NL not in result.out


def test_a_pdf_of_thousands_of_pages_is_refused_before_weasyprint_starts(
    policy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2,000 questions: some 200 pages of steps plus the policy, over MAX_PDF_PAGES once
    # lowered; 20,000 questions (2,018 pages) took WeasyPrint 185 s of CPU
    from policy_rulebook.documents import print_documents

    monkeypatch.setattr(print_documents, "MAX_PDF_PAGES", 100)
    (policy / "reactions.yaml").write_text(checklist(2_000), encoding="utf-8")
    out = policy.parent / "policy.pdf"
    result = run(capsys, "render", str(policy), "--format", "pdf", "-o", str(out), "--lang", "en")
    assert result.code == 2
    assert result.err.startswith("rulebook: error: the PDF would be some ")
    assert "pages, more than 100: WeasyPrint needs about a tenth of a second" in result.err
    assert not out.exists()


def test_the_word_file_grows_linearly_with_the_questions() -> None:
    """python-docx placed every paragraph by scanning the body (quadratic) and cost tens of
    microseconds a run; ``documents.docx_runs`` appends each element at a constant cost."""
    from policy_rulebook.documents.policy_docx import policy_docx
    from tests.attacks.growth import LINEAR, growth

    def word(questions: int) -> bytes:
        document = loader.load_files("x", [("reactions.yaml", checklist(questions).encode())])
        return policy_docx(document, schemes.build(document), "nl")

    # above layout.MAX_DRAWN_NODES at both sizes: no drawing, only the steps in words
    assert growth(word, 2 * layout.MAX_DRAWN_NODES, runs=2) < LINEAR


def test_a_policy_far_too_long_for_a_pdf_is_refused_before_its_html_is_made(
    policy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from policy_rulebook.documents import print_documents
    from policy_rulebook.documents import render as rendering

    def never(*args: object, **kwargs: object) -> str:
        raise AssertionError("the HTML was made")

    monkeypatch.setattr(print_documents, "MAX_PDF_PAGES", 10)
    monkeypatch.setattr(rendering, "render", never)
    (policy / "reactions.yaml").write_text(checklist(2_000), encoding="utf-8")
    out = policy.parent / "policy.pdf"
    result = run(capsys, "render", str(policy), "--format", "pdf", "-o", str(out), "--lang", "en")
    assert result.code == 2, result.err
    assert "pages, more than 10: WeasyPrint needs" in result.err
