"""The worst cases under rulebook's limits, timed through the real command (SECURITY.md).

Run: ``.venv/bin/python benchmarks/attack_limits.py [WORDS...]`` (writes into a temporary
folder); with words, only the cases whose name contains one of them. A case is stopped after
``TIMEOUT`` seconds (shown as ``> TIMEOUT s``).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULEBOOK = Path(os.environ.get("RULEBOOK", Path(sys.executable).parent / "rulebook"))
BUNDLED = REPO / "rulebook"
MAX_SLOW = 256 * 1024
MAX_FILE = 4 * 1024 * 1024
WORK = Path(tempfile.mkdtemp(prefix="rulebook-limits-"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "120"))
ONLY = [word.casefold() for word in sys.argv[1:]]
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def case(
    name: str,
    files: dict[str, str],
    args: tuple[str, ...] = ("lint",),
    config: dict[str, str] | None = None,
    before: dict[str, str] | None = None,
) -> None:
    """Time ``rulebook ARGS rulebook`` on the bundled policy with ``files`` replaced; with
    ``before``, in a git repository whose first commit has those files (``HEAD~1``)."""
    if ONLY and not any(word in name.casefold() for word in ONLY):
        return
    root = WORK / re.sub(r"\W+", "-", name)
    shutil.copytree(BUNDLED, root / "rulebook")
    for file, text in (config or {}).items():
        (root / file).write_text(text, encoding="utf-8")
    if before is not None:
        for file, text in before.items():
            (root / "rulebook" / file).write_text(text, encoding="utf-8")
        for step in (("init", "-q"), ("add", "-A"), ("commit", "-qm", "before")):
            subprocess.run(["git", *step], cwd=root, check=True, env=GIT_ENV)
    for file, text in files.items():
        (root / "rulebook" / file).write_text(text, encoding="utf-8")
    if before is not None:
        for step in (("add", "-A"), ("commit", "-qm", "after")):
            subprocess.run(["git", *step], cwd=root, check=True, env=GIT_ENV)
    extra = ("--today", "2026-11-27") if args[0] == "lint" else ()
    start = time.perf_counter()
    cpu = _children_cpu()
    try:
        done = subprocess.run(
            [str(RULEBOOK), *args, "rulebook", *extra],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=TIMEOUT,
            env=GIT_ENV,
        )
    except subprocess.TimeoutExpired:
        print(f"{name:58s} > {TIMEOUT:.0f} s (stopped)", flush=True)
        return
    seconds = time.perf_counter() - start
    used = _children_cpu() - cpu
    lines = (done.stdout.strip() or done.stderr.strip() or "-").splitlines()
    last = lines[-1][:50]
    print(
        f"{name:58s} {seconds:6.2f} s (CPU {used:5.2f} s)  exit {done.returncode}  {last}",
        flush=True,
    )


def _children_cpu() -> float:
    """CPU seconds of finished child processes: on a shared machine the wall time also
    counts the waits for a core."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    meta = (BUNDLED / "meta.yaml").read_text(encoding="utf-8")
    anchored = meta.replace("  status: adopted", "  status: &s adopted")
    conduct = (BUNDLED / "conduct.yaml").read_text(encoding="utf-8")
    found = re.search(r"(?ms)^  dos:\n(.*?)(?=^  \w)", conduct)
    assert found
    block = re.split(r"(?m)^    - id: ", found.group(1))[1]

    def rules(limit: int, anchor: bool = False) -> str:
        out, size, n = [], len(conduct.encode()), 0
        while size < limit:
            item = "    - id: " + block.replace(block.split("\n", 1)[0], f"generated-{n}", 1)
            out.append(item)
            size += len(item.encode())
            n += 1
        text = conduct.replace("  dos:\n", "  dos:\n" + "".join(out[:-1]), 1)
        return text.replace("conduct:\n", "conduct: &c\n", 1) if anchor else text

    def comment(size: int, text: str) -> str:
        return "# " + "x" * (size - len(text.encode()) - 10) + "\n" + text

    case("a 4 MiB policy file of rules (fast path)", {"conduct.yaml": rules(MAX_FILE)})
    case("a 4 MiB comment, no anchor (fast path)", {"meta.yaml": comment(MAX_FILE, meta)})
    case("a 4 MiB comment and an anchor (RB006)", {"meta.yaml": comment(MAX_FILE, anchored)})
    case("a 4 MiB file of rules with an anchor (RB006)", {"conduct.yaml": rules(MAX_FILE, True)})
    case("256 Ki characters of rules with an anchor", {"conduct.yaml": rules(MAX_SLOW, True)})
    case("a 256 Ki-character comment with an anchor", {"meta.yaml": comment(MAX_SLOW, anchored)})
    value = '"' + "x " * ((MAX_SLOW - len(anchored)) // 2 - 10) + '"'
    case(
        "a 256 Ki-character value with an anchor",
        {
            "meta.yaml": anchored.replace(
                "  organisation: Stad Lindebeek", f"  organisation: {value}"
            )
        },
    )
    case(
        "fmt --check: 256 Ki characters of rules",
        {"conduct.yaml": rules(MAX_SLOW)},
        args=("fmt", "--check"),
    )
    case(
        "fmt --check: a 256 Ki-character comment",
        {"meta.yaml": comment(MAX_SLOW, meta)},
        args=("fmt", "--check"),
    )
    case(
        "fmt: a 4 MiB comment with an anchor (RB006)",
        {"meta.yaml": comment(MAX_FILE, anchored)},
        args=("fmt", "--check"),
    )
    case(
        ".rulebook.yaml: a 256 KiB comment",
        {},
        config={".rulebook.yaml": "# " + "x" * (MAX_SLOW - 100) + "\nselect: [RB1]\n"},
    )
    case(
        ".rulebook.yaml: a 50 MB comment",
        {},
        config={".rulebook.yaml": "# " + "x" * (50 * 1024 * 1024) + "\n"},
    )
    case(
        ".rulebook.yaml: 500 codes in select",
        {},
        config={".rulebook.yaml": "select: [" + ", ".join(["RB1"] * 500) + "]\n"},
    )
    case(
        "pyproject.toml: 256 KiB",
        {},
        config={"pyproject.toml": '[tool.rulebook]\nselect = ["RB1"]\n# ' + "x" * (MAX_SLOW - 200)},
    )
    codes = ", ".join(f'"RB{n:06d}"' for n in range(20_000))
    case(
        ".rulebook.yaml: 20,000 codes in select",
        {},
        config={".rulebook.yaml": f"select: [{codes}]\n"},
    )
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n" for n in range(8)
    )
    case(".rulebook.yaml: a billion laughs (RB007)", {}, config={".rulebook.yaml": laughs})
    bounded_time(meta, conduct, block)
    shutil.rmtree(WORK)


def bounded_time(meta: str, conduct: str, block: str) -> None:
    """The five classes of issue 24: each the worst case under the 4 MiB limit (fast path)."""
    # 1. Repeated keys: the missing-dash hint looked above every repeated key.
    repeated = "meta:\n  distribution:\n    - nl: x\n" + "      nl: x\n" * 8_000
    case("repeated keys: 8,000 in one list item (56 KB)", {"meta.yaml": repeated})
    many = (MAX_FILE - 100) // len("      nl: x\n")
    repeated = "meta:\n  distribution:\n    - nl: x\n" + "      nl: x\n" * many
    case("repeated keys: 4 MiB in one list item", {"meta.yaml": repeated})
    top = "a: 1\n" * ((MAX_FILE - 100) // 5)
    case("repeated keys: 4 MiB at the top level", {"meta.yaml": top})

    # 2. Rename detection of lint --base: removed items against added ones.
    def dos(prefix: str, count: int, size: int, order: int) -> str:
        words = [f"woord{n % 50}" for n in range(size // 7)]
        items = []
        for n in range(count):
            text = " ".join(words[(n + order) % 7 :] + words[: (n + order) % 7])
            if order:
                shuffled = sorted(text.split(), key=lambda w: (zlib.crc32(w.encode()) ^ order, w))
                text = " ".join(shuffled)
            items.append(f"    - id: {prefix}-{n}\n      text:\n        nl: {text}\n")
        return conduct.replace("  dos:\n", "  dos:\n" + "".join(items), 1)

    for count, size in ((10, 1_000), (100, 1_000), (10, 40_000), (2_000, 100)):
        case(
            f"lint --base: {count} do's of {size:,} characters replaced",
            {"conduct.yaml": dos("new", count, size, 1)},
            args=("lint", "--base", "HEAD~1"),
            before={"conduct.yaml": dos("old", count, size, 0)},
        )

    # 3. The word-level redline: one long text rewritten in another order.
    def speech(words: int, shuffled: bool) -> str:
        out = [f"w{(n * 7919 if shuffled else n) % words}" for n in range(words)]
        return " ".join(out)

    def summary(text: str) -> str:
        return re.sub(r"(?ms)^  summary:\n.*?(?=^  \w)", f"  summary:\n    nl: {text}\n", meta)

    for words in (8_000, 20_000, 400_000):
        old, new = summary(speech(words, False)), summary(speech(words, True))
        for args in (
            ("diff", "--from", "HEAD~1", "--to", "HEAD"),
            ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx", "-o", "x.docx"),
            ("changelog", "--audience", "legal"),
        ):
            case(
                f"redline: {words:,} words reordered ({' '.join(args[:1] + args[5:7])})",
                {"meta.yaml": new.replace("version: 2.1.0", "version: 3.0.0")},
                args=args,
                before={"meta.yaml": old},
            )

    # 4. The reaction scheme: a checklist of N questions (yes: the next one, no: an outcome).
    def checklist(questions: int) -> str:
        nodes = []
        for n in range(questions):
            following = f"q{n + 1}" if n + 1 < questions else "done"
            nodes.append(
                f"    - id: q{n}\n      question:\n        nl: Vraag {n}?\n"
                f"        en: Question {n}?\n      yes: {following}\n      no: stop\n"
            )
        for name in ("done", "stop"):
            nodes.append(
                f"    - id: {name}\n      outcome:\n        nl: Einde {name}.\n"
                f"        en: End {name}.\n      action: let-stand\n"
            )
        return "reactions:\n  start: q0\n  nodes:\n" + "".join(nodes)

    for questions in (100, 500, 20_000):
        for form in ("html", "docx"):
            case(
                f"scheme: {questions:,} questions (render --format {form})",
                {"reactions.yaml": checklist(questions)},
                args=("render", "--format", form, "-o", f"x.{form}"),
            )

    # 4b. Many house rules: a long table in Word (a row of three cells each), and the Word
    # redline and staff announcement when every rule's text changed (one tracked change each).
    def house_rules(count: int, word: str) -> str:
        rules = "".join(
            f"    - id: r{n}\n      category:\n        nl: Regel {n}\n        en: Rule {n}\n"
            f"      text:\n        nl: Berichten van soort {n} zijn {word}.\n"
            f"        en: Posts of kind {n} are {word}.\n      action: remove\n"
            for n in range(count)
        )
        bundled = (BUNDLED / "house_rules.yaml").read_text(encoding="utf-8")
        return bundled.replace("  rules:\n", "  rules:\n" + rules, 1)

    for form in ("html", "docx"):
        case(
            f"house rules: 12,000 (render --format {form})",
            {"house_rules.yaml": house_rules(12_000, "verboden")},
            args=("render", "--format", form, "-o", f"x.{form}"),
        )
    bumped = meta.replace("version: 2.1.0", "version: 3.0.0")
    for what, args in (
        ("diff", ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx", "-o", "x.docx")),
        ("legal", ("changelog", "--audience", "legal", "--format", "docx", "-o", "x.docx")),
        ("staff", ("changelog", "--audience", "staff", "--format", "docx", "-o", "x.docx")),
    ):
        case(
            f"redline: 5,000 house rules reworded ({what} --format docx)",
            {"house_rules.yaml": house_rules(5_000, "niet toegelaten"), "meta.yaml": bumped},
            args=args,
            before={"house_rules.yaml": house_rules(5_000, "verboden")},
        )

    # 5. Many changes in one mapping or list: as many keys in `meta` as the value cap lets
    # through (two values a line), added, changed or removed; as many items in the do's. Each
    # mapping shows 1,000 changes and groups the rest (changelog.grouping).
    most = _most(lambda n: meta + _keys(n, 0))
    commands = (
        ("diff", "--from", "HEAD~1", "--to", "HEAD"),
        ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "json"),
        ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "markdown"),
        ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "html"),
        ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx", "-o", "x.docx"),
        ("changelog", "--audience", "legal"),
        ("changelog", "--audience", "staff"),
        ("lint", "--base", "HEAD~1"),
        ("lint",),
    )
    items = _most(lambda n: _dos(conduct, n))
    for what, before, after in (
        (
            f"{most:,} keys added to meta",
            {"meta.yaml": meta},
            {"meta.yaml": bumped + _keys(most, 0)},
        ),
        (
            f"{most:,} keys of meta changed",
            {"meta.yaml": meta + _keys(most, 0)},
            {"meta.yaml": bumped + _keys(most, 1)},
        ),
        (
            f"{most:,} keys removed from meta",
            {"meta.yaml": meta + _keys(most, 0)},
            {"meta.yaml": bumped},
        ),
        (
            f"{items:,} do's added (an id each)",
            {"meta.yaml": meta},
            {"meta.yaml": bumped, "conduct.yaml": _dos(conduct, items)},
        ),
    ):
        for args in commands:
            shown = " ".join(a for a in args if a not in ("--from", "HEAD~1", "--to", "HEAD"))
            case(
                f"{what} ({shown.replace(' -o x.docx', '')})",
                after,
                args=args,
                before=before,
            )

    # 5b. Many do's added, each with a text and a reason (3.99 MB): whether each is committed
    # yet (diff to the working tree) and its article number were asked per change (quadratic).
    for args in (
        ("diff", "--from", "HEAD~1"),
        ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx", "-o", "x.docx"),
        ("changelog", "--audience", "legal", "--format", "docx", "-o", "x.docx"),
    ):
        shown = " ".join(a for a in args if a not in ("--from", "HEAD~1", "--to", "HEAD", "-o"))
        case(
            f"15,000 do's with a text added ({shown.replace(' x.docx', '')})",
            {"meta.yaml": bumped, "conduct.yaml": _dos_with_text(conduct, 15_000)},
            args=args,
            before={"meta.yaml": meta},
        )


def _dos_with_text(conduct: str, count: int) -> str:
    items = "".join(
        f"    - id: do-{n}\n      text:\n"
        f"        nl: Beantwoord vraag {n} binnen één werkdag op onze pagina.\n"
        f"        en: Answer question {n} within one working day on our page.\n"
        f"      rationale:\n        nl: Snel antwoord {n} helpt.\n"
        f"        en: A quick answer {n} helps.\n"
        for n in range(count)
    )
    return conduct.replace("  dos:\n", "  dos:\n" + items, 1)


def _keys(count: int, offset: int) -> str:
    return "".join(f"  key{n:07d}: {n + offset}\n" for n in range(count))


def _dos(conduct: str, count: int) -> str:
    items = "".join(f"    - id: g{n:07d}\n" for n in range(count))
    return conduct.replace("  dos:\n", "  dos:\n" + items, 1)


def _most(text: Callable[[int], str]) -> int:
    """The largest count whose text the value cap still lets through (not RB006)."""
    from policy_rulebook.core import fastyaml
    from policy_rulebook.core.loader import max_values

    def read(count: int) -> bool:
        try:
            fastyaml.parse(text(count), max_values(MAX_FILE))
        except fastyaml.TooManyValues:
            return False
        return True

    low, high = 1, MAX_FILE // 4
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if read(middle) else (low, middle - 1)
    return low


if __name__ == "__main__":
    main()
