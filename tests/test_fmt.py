"""``rulebook fmt``: canonical, idempotent, atomic, and it never loses a comment, key or value."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policy_rulebook.authoring import fmt
from policy_rulebook.core import loader
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import Context
from tests.fmt_helpers import comment_everywhere, reverse_keys
from tests.helpers import BUNDLED, REPO, TODAY, run, run_process

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

FILES = sorted(p.name for p in BUNDLED.glob("*.yaml"))


def lint_result(path: Path) -> list[tuple[str, str, str, str]]:
    """What lint says, without line numbers (fmt may move lines): file, code, path, message."""
    report = engine.lint(loader.load(path), Context(today=TODAY))
    return sorted((Path(f.file).name, f.code, f.path, f.message) for f in report.findings)


def data_of(path: Path) -> object:
    return {
        p.name: fmt.plain(loader.parse(p.name, p.read_bytes()).data)
        for p in sorted(path.glob("*.yaml"))
    }


def comments_of(path: Path) -> dict[str, Counter[str]]:
    return {
        p.name: fmt.comments(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.yaml"))
    }


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    return target


def test_the_bundled_policy_is_canonical() -> None:
    result = run_process("fmt", "--check", "rulebook", cwd=REPO)
    assert (result.code, result.err) == (0, "")
    assert result.out == "0 files would be reformatted, 9 unchanged.\n"


@pytest.mark.parametrize("name", FILES)
def test_reversed_keys_come_back_in_schema_order(name: str) -> None:
    """Every mapping of the bundled policy reversed; fmt restores the file byte for byte."""
    original = (BUNDLED / name).read_text(encoding="utf-8")
    shuffled = reverse_keys(original)
    assert shuffled != original
    assert fmt.format_text(name, shuffled.encode(), languages=["nl", "en"]) == original


def test_comments_in_every_position_survive(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comment above and after every line, and the keys out of order: after fmt, the same
    comments, the same data, the same lint result; fmt twice is fmt once."""
    for path in policy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(reverse_keys(comment_everywhere(text)), encoding="utf-8")
    comments, data, findings = comments_of(policy), data_of(policy), lint_result(policy)
    assert sum(sum(c.values()) for c in comments.values()) > 1500

    first = run(capsys, "fmt", str(policy))
    assert first.code == 0, first.err
    assert "9 files reformatted, 0 unchanged." in first.out
    assert comments_of(policy) == comments
    assert data_of(policy) == data
    assert lint_result(policy) == findings
    second = run(capsys, "fmt", "--check", str(policy))
    assert (second.code, second.out) == (0, "0 files would be reformatted, 9 unchanged.\n")


def test_comments_in_every_position_stay_in_place(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in policy.glob("*.yaml"):
        path.write_text(comment_everywhere(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run(capsys, "fmt", "--check", str(policy))
    assert (result.code, result.out) == (0, "0 files would be reformatted, 9 unchanged.\n")


MOVED = """\
# yaml-language-server: $schema=../schema/rulebook.schema.json
conduct:  # the section
  # top of conduct
  donts:
    # above the item
    - text: 'Never share passwords.'  # after the text
      # above the id
      id: share-passwords
  # above dos
  dos:
    - id: be-polite  # after the id

      text: Be polite.
      # end of the item
  speaking_capacity:
    on_behalf: Only the team.
    own_name: Your own name.  # after own_name
    disclaimer: My own posts.
    # end of speaking_capacity
# above meta
meta:
  review_by: 2028-09-01
  organisation: 'Stad'
# the end
"""

MOVED_FORMATTED = """\
# yaml-language-server: $schema=../schema/rulebook.schema.json
# above meta
meta:
  organisation: Stad
  review_by: 2028-09-01
conduct:  # the section
  # top of conduct
  speaking_capacity:
    own_name: Your own name.  # after own_name
    on_behalf: Only the team.
    disclaimer: My own posts.
    # end of speaking_capacity
  # above dos
  dos:
    - id: be-polite  # after the id

      text: Be polite.
      # end of the item
  donts:
    # above the item
    - id: share-passwords
      # above the id
      text: Never share passwords.    # after the text
# the end
"""


def test_a_comment_above_a_key_moves_with_it() -> None:
    """The comment lines above a key travel with it; a comment at the top of a mapping stays
    at the top; a comment above the first key of a list item (``- key:``) goes just below
    the dash line, as YAML cannot hold it between the dash and the key. A comment at the end
    of a line keeps its column (people align them)."""
    assert fmt.format_text("moved.yaml", MOVED.encode()) == MOVED_FORMATTED


def test_check_lists_files_and_changes_nothing(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = policy / "meta.yaml"
    messy = meta.read_text(encoding="utf-8").replace(
        "  organisation: Stad Lindebeek\n", "  organisation:   'Stad Lindebeek'\n"
    )
    meta.write_text(messy, encoding="utf-8")
    result = run(capsys, "fmt", "--check", str(policy))
    assert result.code == 1
    assert result.out.splitlines() == [
        f"would reformat {meta}",
        "1 file would be reformatted, 8 unchanged.",
    ]
    assert meta.read_text(encoding="utf-8") == messy


def test_diff_shows_the_change_and_changes_nothing(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = policy / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    version = re.search(r"^  version: (\S+)$", text, re.MULTILINE)
    assert version is not None
    messy = text.replace(version.group(0), f'  version: "{version.group(1)}"')
    meta.write_text(messy, encoding="utf-8")
    result = run(capsys, "fmt", "--diff", str(policy))
    assert result.code == 0
    assert f"--- {meta}\n+++ {meta} (formatted)\n" in result.out
    assert f'-  version: "{version.group(1)}"\n+  version: {version.group(1)}\n' in result.out
    assert meta.read_text(encoding="utf-8") == messy


def test_writes_atomically_only_what_changes_and_keeps_the_mode(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta, brand = policy / "meta.yaml", policy / "brand.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("status: adopted", "status: 'adopted'"),
        encoding="utf-8",
    )
    os.chmod(meta, 0o640)
    before_brand = brand.stat()
    before_meta = meta.stat()
    result = run(capsys, "fmt", str(policy))
    assert result.out == f"reformatted {meta}\n1 file reformatted, 8 unchanged.\n"
    after_meta = meta.stat()
    assert after_meta.st_ino != before_meta.st_ino  # a new file, renamed into place
    assert after_meta.st_mode & 0o7777 == 0o640
    assert brand.stat().st_ino == before_brand.st_ino
    assert brand.stat().st_mtime_ns == before_brand.st_mtime_ns
    assert "status: adopted\n" in meta.read_text(encoding="utf-8")
    assert sorted(p.name for p in policy.iterdir()) == FILES  # no temporary file left


def test_a_link_inside_the_folder_stays_a_link(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = policy / "meta.txt"
    (policy / "meta.yaml").rename(real)
    real.write_text(
        real.read_text(encoding="utf-8").replace("status: adopted", "status: 'adopted'"),
        encoding="utf-8",
    )
    (policy / "meta.yaml").symlink_to("meta.txt")
    assert run(capsys, "fmt", str(policy)).code == 0
    assert (policy / "meta.yaml").is_symlink()
    assert "status: adopted\n" in real.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("broken.yaml", "meta:\n  organisation: 'unclosed\n", "RB001"),
        ("twice.yaml", "meta:\n  status: adopted\n  status: draft\n", "RB002"),
        ("tagged.yaml", "meta:\n  owner: !include x.yaml\n", "RB003"),
        ("merged.yaml", "meta:\n  <<: {status: draft}\n", "RB009"),
        ("empty.yaml", "", "RB004"),
    ],
)
def test_files_with_problems_are_skipped_and_the_rest_formatted(
    policy: Path, name: str, text: str, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (policy / "meta.yaml").unlink()
    (policy / name).write_text(text, encoding="utf-8")
    brand = policy / "brand.yaml"
    brand.write_text(
        brand.read_text(encoding="utf-8").replace("register: informal", "register: 'informal'"),
        encoding="utf-8",
    )
    result = run(capsys, "fmt", str(policy))
    assert result.code == 2
    assert result.err == (
        f"rulebook: fmt: skipped {policy / name}: not formatted"
        + result.err.split("not formatted", 1)[1]
    )
    assert code in result.err and result.err.count("\n") == 1
    assert (policy / name).read_text(encoding="utf-8") == text
    assert "register: informal\n" in brand.read_text(encoding="utf-8")


def test_utf16_is_written_back_as_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "policy.yaml"
    text = (REPO / "tests" / "examples" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    assert run(capsys, "fmt", str(path)).code == 0
    assert path.read_bytes() == text.encode("utf-8")


# --- generated policies ---------------------------------------------------------------------

WORDS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=30,
)
KEYS = st.sampled_from(
    [
        "id",
        "text",
        "name",
        "nl",
        "en",
        "intro",
        "yes",
        "no",
        "x-extra",
        "description",
        "owner",
        "2026-01-01",
        "true",
        "null",
        "<<x",
        "a b",
    ]
)
SCALARS = st.one_of(
    WORDS,
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.sampled_from(
        [
            "2026-03-01",
            "1.0",
            "0x1F",
            "~",
            "'",
            '"',
            "#",
            ": ",
            "- x",
            "@handle",
            "yes",
            "No",
            "TODO",
            "a\nb",
            " lead",
        ]
    ),
)
# Shaped like a policy: lists hold texts or mappings (never lists), mappings hold anything.
MAPPINGS = st.recursive(
    st.dictionaries(KEYS, SCALARS, max_size=4),
    lambda inner: st.dictionaries(
        KEYS, st.one_of(SCALARS, inner, st.lists(st.one_of(SCALARS, inner), max_size=4)), max_size=5
    ),
    max_leaves=20,
)
VALUES = st.one_of(SCALARS, MAPPINGS, st.lists(st.one_of(SCALARS, MAPPINGS), max_size=4))
POLICY = st.dictionaries(
    st.sampled_from(
        ["meta", "brand", "conduct", "legal", "contact", "roles", "reactions", "channels", "extra"]
    ),
    st.dictionaries(KEYS, VALUES, max_size=5),
    min_size=1,
    max_size=4,
)


def _has_empty_item(node: object) -> bool:
    if isinstance(node, list):
        return any(item is None or _has_empty_item(item) for item in node)
    if isinstance(node, dict):
        return any(_has_empty_item(value) for value in node.values())
    return False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(POLICY, st.sampled_from(["block", "flow", "mixed"]), st.booleans())
def test_generated_policies_keep_every_key_and_value(
    data: dict[str, object], style: str, commented: bool
) -> None:
    """fmt on a generated policy (any keys, odd values, any layout, with or without comments)
    keeps every key, value and comment, and fmt twice is fmt once; or it refuses the file."""
    from io import StringIO

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = {"block": False, "flow": True, "mixed": None}[style]
    yaml.indent(mapping=4, sequence=2, offset=0)
    out = StringIO()
    yaml.dump(data, out)
    text = out.getvalue()
    if commented:
        text = comment_everywhere(text)
    before = loader.parse("generated.yaml", text.encode())
    assume(before.ok)  # a comment inside a flow mapping that spans lines can break it
    try:
        result = fmt.format_text("generated.yaml", text.encode(), languages=["nl", "en"])
    except fmt.FormatError as error:
        # ruamel.yaml cannot keep some comments next to flow collections ({...}, [...]) or
        # after an empty list item (`-` alone); fmt then refuses the file rather than lose them.
        assert commented and (style != "block" or _has_empty_item(data)), error
        assert "would lose a comment" in str(error) or "would change a value" in str(error)
        return
    after = loader.parse("generated.yaml", result.encode())
    assert fmt.plain(after.data) == fmt.plain(before.data)
    assert json.dumps(fmt.plain(after.data), sort_keys=True, default=str) == json.dumps(
        fmt.plain(before.data), sort_keys=True, default=str
    )
    assert fmt.comments(result) == fmt.comments(text)
    assert fmt.format_text("generated.yaml", result.encode(), languages=["nl", "en"]) == result


def test_file_names_are_never_written_raw(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = policy / "\x1b[2Jmeta\u202e.yaml"
    (policy / "meta.yaml").rename(odd)
    odd.write_text(
        odd.read_text(encoding="utf-8").replace("status: adopted", "status: 'adopted'"),
        encoding="utf-8",
    )
    result = run(capsys, "fmt", "--diff", "--check", str(policy))
    assert result.code == 1
    assert "\x1b" not in result.out and "\u202e" not in result.out
    assert "\\x1b[2Jmeta\\u202e.yaml" in result.out


def test_a_file_too_long_for_the_slow_reader_says_why_in_fmts_words(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # plain YAML that lint reads with the fast reader: fmt's reason is its own (comments),
    # not "uses what only the slow reader reads (anchors, tags...)"
    rules = "".join(
        f"  - id: r{n}\n    text: {{nl: Regel {n}., en: Rule {n}.}}\n" for n in range(7000)
    )
    (policy / "extra.yaml").write_text(f"conduct_extra:\n{rules}", encoding="utf-8")
    result = run(capsys, "fmt", str(policy), "--lang", "nl")
    assert result.code == 2
    assert "fmt bewaart elk commentaar en leest daarom bestanden van hoogstens 262.144 tekens" in (
        result.err
    ), result.err
    assert "ankers" not in result.err and "anchors" not in result.err


def test_the_reason_a_file_is_skipped_is_in_the_readers_language(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (policy / "meta.yaml").write_text("meta: [unclosed\n", encoding="utf-8")
    result = run(capsys, "fmt", str(policy), "--lang", "nl")
    assert result.code == 2
    # at the `[` that is never closed, not at the end of the file where the reader stopped
    assert "los eerst dit op: RB001 op regel 1: de `[` aan het begin van deze waarde" in (
        result.err
    ), result.err
