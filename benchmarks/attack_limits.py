"""The worst cases under rulebook's limits, timed through the real command (SECURITY.md).

Run: ``.venv/bin/python benchmarks/attack_limits.py`` (writes into a temporary folder).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULEBOOK = Path(sys.executable).parent / "rulebook"
BUNDLED = REPO / "rulebook"
MAX_SLOW = 256 * 1024
MAX_FILE = 4 * 1024 * 1024
WORK = Path(tempfile.mkdtemp(prefix="rulebook-limits-"))


def case(
    name: str,
    files: dict[str, str],
    args: tuple[str, ...] = ("lint",),
    config: dict[str, str] | None = None,
) -> None:
    root = WORK / re.sub(r"\W+", "-", name)
    shutil.copytree(BUNDLED, root / "rulebook")
    for file, text in files.items():
        (root / "rulebook" / file).write_text(text, encoding="utf-8")
    for file, text in (config or {}).items():
        (root / file).write_text(text, encoding="utf-8")
    extra = ("--today", "2026-11-27") if args[0] == "lint" else ()
    start = time.perf_counter()
    done = subprocess.run(
        [str(RULEBOOK), *args, "rulebook", *extra],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    last = (done.stdout.strip() or done.stderr.strip()).splitlines()[-1][:70]
    print(f"{name:58s} {seconds:6.2f} s  exit {done.returncode}  {last}", flush=True)


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
    shutil.rmtree(WORK)


if __name__ == "__main__":
    main()
