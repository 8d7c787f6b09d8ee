"""Benchmarks: rulebook against its peers, its start-up, and how its cost grows.

Run it from the repository with the project's own interpreter, the peers installed as the
optional ``bench`` extras (this script installs nothing)::

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/run.py            # about two minutes on two cores
    .venv/bin/python benchmarks/run.py --quick    # fewer runs, for a first look

Every figure is a whole process (start, import, work, exit), started many times; the commands
compared with each other are interleaved round by round in the same run, so that a busy moment
of the machine weighs on all of them alike. The table goes to standard output and, with the
machine's Python version, CPU count and the date, to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUNDLED = REPO / "rulebook"
SCHEMA = REPO / "schema" / "rulebook.schema.json"
RESULTS = HERE / "RESULTS.md"
MAX_FILE_BYTES = 4 * 1024 * 1024  # the loader's default limit per file (core.files)

#: Where generated rules go: (file, list key under the section, share of the rules).
#: Shares keep every file of a 20,000-rule policy under the loader's 4 MiB limit per file.
SHARES: tuple[tuple[str, str, float], ...] = (
    ("conduct.yaml", "dos", 0.14),
    ("conduct.yaml", "donts", 0.13),
    ("house_rules.yaml", "rules", 0.30),
    ("roles.yaml", "tasks", 0.20),
    ("reactions.yaml", "scenarios", 0.15),
    ("legal.yaml", "items", 0.08),
)
SIZES = (1_000, 10_000, 20_000)
HISTORIES = (50, 200)


# --------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    seconds: float
    max_rss_kib: int
    code: int
    cpu_seconds: float = 0.0


@dataclass
class Row:
    """One line of the table: a command, its samples, and what it is compared with."""

    name: str
    argv: list[str] | None
    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def times(self) -> list[float]:
        return [s.seconds for s in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def quartiles(self) -> tuple[float, float]:
        times = self.times
        if len(times) < 4:
            return min(times), max(times)
        q1, _, q3 = statistics.quantiles(times, n=4, method="inclusive")
        return q1, q3

    @property
    def cpu_median(self) -> float:
        return statistics.median(s.cpu_seconds for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(s.max_rss_kib for s in self.samples) / 1024


def child_environment() -> dict[str, str]:
    """This environment, but with bytecode caches written as on any user's machine (pip
    writes them for installed packages; an editable checkout gets them on its first run)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(argv: Sequence[str], cwd: Path) -> Sample:
    """Start a process, wait for it, and take its wall time and its own peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        env=child_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    return Sample(seconds, usage.ru_maxrss, process.returncode, usage.ru_utime + usage.ru_stime)


def measure(rows: Sequence[Row], runs: int, cwd: Path, warmup: int = 2) -> None:
    """Interleave the rows round by round; the first ``warmup`` rounds are not counted
    (they write the ``.pyc`` files and fill the file cache)."""
    live = [row for row in rows if row.argv is not None]
    for round_ in range(warmup + runs):
        for row in live:
            assert row.argv is not None
            sample = run_once(row.argv, cwd)
            if round_ >= warmup:
                row.samples.append(sample)
        print(".", end="", flush=True, file=sys.stderr)
    print(file=sys.stderr)


def tool(name: str) -> str | None:
    """A console script of this interpreter's environment, else one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


# --------------------------------------------------------------------------- generating


def _list_span(lines: list[str], key: str) -> tuple[int, int, int]:
    """(first item line, end line, dash indent) of the list ``key`` directly under a section."""
    header = next(i for i, line in enumerate(lines) if re.fullmatch(rf"  {key}:\s*", line))
    start = next(
        i
        for i in range(header + 1, len(lines))
        if lines[i].strip() and not lines[i].lstrip().startswith("#")
    )
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            break
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return start, end, indent


def _items(lines: list[str], start: int, end: int, indent: int) -> list[list[str]]:
    items: list[list[str]] = []
    for line in lines[start:end]:
        if line.startswith(" " * indent + "- "):
            items.append([])
        items[-1].append(line)
    return items


def multiply(text: str, key: str, count: int) -> str:
    """The file with the list ``key`` grown to ``count`` items: the bundled items first, then
    copies of them, each with a new id (``be-polite-2``); texts, comments and styles as
    written in the bundled policy."""
    lines = text.splitlines()
    start, end, indent = _list_span(lines, key)
    items = _items(lines, start, end, indent)
    grown: list[str] = []
    id_line = re.compile(rf"^({' ' * indent}- id: )([a-z0-9-]+)\s*$")
    for n in range(max(count, len(items))):
        item = items[n % len(items)]
        copy = n // len(items)
        match = id_line.match(item[0])
        if match is None:
            raise ValueError(f"{key}: an item does not start with its id: {item[0]!r}")
        first = item[0] if copy == 0 else f"{match.group(1)}{match.group(2)}-{copy + 1}"
        grown.append(first)
        grown.extend(item[1:])
    return "\n".join([*lines[:start], *grown, *lines[end:]]) + "\n"


def generate(rules: int, target: Path) -> Path:
    """A complete, valid policy of ``rules`` items with an id, grown from the bundled one."""
    shutil.copytree(BUNDLED, target)
    for file, key, share in SHARES:
        path = target / file
        path.write_text(
            multiply(path.read_text(encoding="utf-8"), key, round(rules * share)), encoding="utf-8"
        )
    for path in target.iterdir():
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError(f"{path.name} is over the loader's limit: adjust SHARES")
    return target


def policy_size(path: Path) -> tuple[int, int]:
    """(bytes, lines) of all YAML files of a policy."""
    files = sorted(path.glob("*.yaml"))
    return (
        sum(f.stat().st_size for f in files),
        sum(f.read_text(encoding="utf-8").count("\n") for f in files),
    )


# --------------------------------------------------------------------------- reporting


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def spread(row: Row) -> str:
    q1, q3 = row.quartiles
    return f"{ms(q1)} – {ms(q3)}"


def verdict(value: float, limit: float) -> str:
    return "yes" if value <= limit else "**no**"


@dataclass
class Table:
    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, *cells: str) -> None:
        self.rows.append(cells)

    def markdown(self) -> str:
        lines = [
            "| " + " | ".join(self.header) + " |",
            "|" + "|".join("---" for _ in self.header) + "|",
        ]
        lines += ["| " + " | ".join(cells) + " |" for cells in self.rows]
        return "\n".join(lines)


def _exit_note(row: Row, expected: Sequence[int]) -> str:
    codes = sorted({s.code for s in row.samples})
    return "" if set(codes) <= set(expected) else f" (exit {', '.join(map(str, codes))}!)"


# --------------------------------------------------------------------------- the benchmarks


def bench_peers(runs: int, rulebook: str, table: Table, goals: Table) -> None:
    files = [str(p.relative_to(REPO)) for p in sorted(BUNDLED.glob("*.yaml"))]
    checker, yamllint = tool("check-jsonschema"), tool("yamllint")
    ours = Row("`rulebook lint rulebook`", [rulebook, "lint", "rulebook"])
    cj = Row(
        "`check-jsonschema --schemafile schema/rulebook.schema.json rulebook/*.yaml`",
        [checker, "--schemafile", str(SCHEMA.relative_to(REPO)), *files] if checker else None,
    )
    yl = Row("`yamllint rulebook/*.yaml`", [yamllint, *files] if yamllint else None)
    measure([ours, cj, yl], runs, REPO)
    table.add(
        f"cold lint of the bundled policy ({len(files)} files){_exit_note(ours, [0, 1])}",
        ours.name,
        str(len(ours.samples)),
        ms(ours.median),
        spread(ours),
        ms(ours.cpu_median),
        f"{ours.peak_mib:.0f} MiB",
        "1.00",
    )
    for peer, limit in ((cj, 0.6), (yl, 1.5)):
        if peer.argv is None:
            table.add(
                "peer", peer.name, "–", "not installed: pip install -e '.[bench]'", "", "", "", ""
            )
            goals.add(f"lint ≤ {limit} × {peer.name}", "not measured", "", "")
            continue
        ratio = ours.median / peer.median
        table.add(
            "peer, same files, same run",
            peer.name,
            str(len(peer.samples)),
            ms(peer.median),
            spread(peer),
            ms(peer.cpu_median),
            f"{peer.peak_mib:.0f} MiB",
            f"rulebook = {ratio:.2f} ×",
        )
        goals.add(
            f"cold lint ≤ {limit} × {peer.name.split(' ')[0]}`",
            f"{ms(ours.median)} vs {ms(peer.median)}",
            f"{ratio:.2f} ×",
            verdict(ratio, limit),
        )


def bench_help(runs: int, rulebook: str, table: Table, goals: Table) -> None:
    ours = Row("`rulebook --help`", [rulebook, "--help"])
    click = Row('`python -c "import click"`', [sys.executable, "-c", "import click"])
    bare = Row('`python -c "pass"`', [sys.executable, "-c", "pass"])
    measure([ours, click, bare], runs, REPO)
    ratio = ours.median / click.median
    table.add(
        "start-up",
        ours.name,
        str(len(ours.samples)),
        ms(ours.median),
        spread(ours),
        ms(ours.cpu_median),
        f"{ours.peak_mib:.0f} MiB",
        f"{ratio:.2f} × click",
    )
    table.add(
        "baseline",
        click.name,
        str(len(click.samples)),
        ms(click.median),
        spread(click),
        ms(click.cpu_median),
        f"{click.peak_mib:.0f} MiB",
        "1.00",
    )
    table.add(
        "baseline (the interpreter alone)",
        bare.name,
        str(len(bare.samples)),
        ms(bare.median),
        spread(bare),
        ms(bare.cpu_median),
        f"{bare.peak_mib:.0f} MiB",
        f"{bare.median / click.median:.2f} × click",
    )
    goals.add(
        "`rulebook --help` ≤ 1.3 × `import click`",
        f"{ms(ours.median)} vs {ms(click.median)}",
        f"{ratio:.2f} ×",
        verdict(ratio, 1.3),
    )


def bench_scale(runs: int, rulebook: str, table: Table, goals: Table, sizes: Sequence[int]) -> None:
    rows: dict[int, Row] = {}
    with tempfile.TemporaryDirectory(prefix="rulebook-bench-") as tmp:
        shapes: dict[int, tuple[int, int]] = {}
        for size in sizes:
            policy = generate(size, Path(tmp) / f"rules-{size}")
            shapes[size] = policy_size(policy)
            rows[size] = Row(f"`rulebook lint` of {size:,} rules", [rulebook, "lint", str(policy)])
        # Interleaved too, so that the growth from size to size is measured in like moments.
        measure(list(rows.values()), runs, REPO, warmup=1)
    previous: Row | None = None
    for size, row in rows.items():
        size_bytes, lines = shapes[size]
        growth = ""
        if previous is not None:
            before = next(s for s, r in rows.items() if r is previous)
            growth = (
                f"{row.median / previous.median:.2f} × the time of {before:,} "
                f"(CPU {row.cpu_median / previous.cpu_median:.2f} ×) "
                f"for {size / before:.0f} × the rules"
            )
        table.add(
            f"scale: {size:,} rules, {lines:,} lines, "
            f"{size_bytes / 1e6:.1f} MB{_exit_note(row, [0, 1])}",
            row.name,
            str(len(row.samples)),
            ms(row.median),
            spread(row),
            ms(row.cpu_median),
            f"{row.peak_mib:.0f} MiB",
            growth,
        )
        previous = row
    if 10_000 in rows:
        ten = rows[10_000]
        goals.add(
            "10,000 rules ≤ 1.5 s",
            f"{ms(ten.median)} (CPU {ms(ten.cpu_median)})",
            "",
            verdict(ten.median, 1.5),
        )
    if 10_000 in rows and 20_000 in rows:
        # How the cost grows is judged on CPU time: on a shared machine the wall time of a
        # longer run waits longer for a core, which says nothing about the program.
        ten, twenty = rows[10_000], rows[20_000]
        factor = twenty.cpu_median / ten.cpu_median
        goals.add(
            "doubling the rules (10,000 → 20,000) ≤ 2.2 × the time (CPU time)",
            f"CPU {ms(ten.cpu_median)} → {ms(twenty.cpu_median)}; wall "
            f"{ms(ten.median)} → {ms(twenty.median)}",
            f"{factor:.2f} × (wall {twenty.median / ten.median:.2f} ×)",
            verdict(factor, 2.2),
        )


def _changelog_runner(rulebook: str) -> Callable[[int], float] | None:
    """``run(versions) -> seconds`` of benchmarks/changelog_bench.py, when both it and the
    ``rulebook changelog`` command exist."""
    script = HERE / "changelog_bench.py"
    if not script.exists():
        return None
    probe = subprocess.run(
        [rulebook, "changelog", "--help"], capture_output=True, cwd=REPO, check=False
    )
    if probe.returncode != 0:
        return None
    spec = importlib.util.spec_from_file_location("changelog_bench", script)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    runner: Callable[[int], float] = module.run
    return runner


def bench_changelog(runs: int, rulebook: str, table: Table, goals: Table) -> None:
    runner = _changelog_runner(rulebook)
    for versions in HISTORIES:
        name = f"`rulebook changelog` over {versions} versions"
        if runner is None:
            table.add(
                f"history of {versions} versions", name, "–", "not available yet", "", "", "", ""
            )
            continue
        row = Row(name, None)
        for _ in range(runs):
            row.samples.append(Sample(runner(versions), 0, 0))
        table.add(
            f"history of {versions} versions",
            name,
            str(len(row.samples)),
            ms(row.median),
            spread(row),
            "",
            "",
            "",
        )
        if versions == 200:
            goals.add(
                "changelog over 200 versions ≤ 5 s", ms(row.median), "", verdict(row.median, 5.0)
            )
    if runner is None:
        goals.add("changelog over 200 versions ≤ 5 s", "not available yet", "", "")


# --------------------------------------------------------------------------- main


def machine() -> str:
    cpus = os.cpu_count()
    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.system()} {platform.machine()}, {cpus} CPU{'s' if cpus != 1 else ''}, "
        f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC"
    )


def _yaml_backend() -> str:
    code = "from policy_rulebook.core import fastyaml; print(fastyaml.available())"
    probe = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    return (
        "libyaml's C parser (ruamel.yaml.clib), through core/fastyaml.py"
        if probe.stdout.strip() == "True"
        else "ruamel.yaml in pure Python (no C parser installed)"
    )


def _later_sections() -> str:
    """What RESULTS.md holds after its goals table: the measurements of earlier issues."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    goals = old.find("\n## Goals\n")
    later = old.find("\n## ", goals + 1) if goals != -1 else -1
    return old[later:] if later != -1 else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--runs", type=int, default=25, help="runs of each quick command (default 25)"
    )
    parser.add_argument(
        "--scale-runs", type=int, default=7, help="runs of each generated policy (default 7)"
    )
    parser.add_argument(
        "--changelog-runs", type=int, default=3, help="runs of each changelog history (default 3)"
    )
    parser.add_argument("--quick", action="store_true", help="5 runs each, for a first look")
    parser.add_argument(
        "--only",
        choices=["peers", "help", "scale", "changelog"],
        action="append",
        help="run only these benchmarks (repeatable)",
    )
    parser.add_argument(
        "--no-write", action="store_true", help=f"print the table only; leave {RESULTS.name} alone"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = args.scale_runs = 5
        args.changelog_runs = 1
    rulebook = tool("rulebook")
    if rulebook is None:
        print(
            "run.py: the `rulebook` command is not installed: pip install -e '.[bench]'",
            file=sys.stderr,
        )
        return 2
    only = set(args.only or ["peers", "help", "scale", "changelog"])
    table = Table(
        (
            "what",
            "command",
            "runs",
            "median",
            "spread (IQR)",
            "CPU (median)",
            "peak memory",
            "ratio",
        )
    )
    load_before = os.getloadavg()[0]
    goals = Table(("goal", "measured", "ratio", "met"))
    if "peers" in only:
        bench_peers(args.runs, rulebook, table, goals)
    if "help" in only:
        bench_help(args.runs, rulebook, table, goals)
    if "scale" in only:
        bench_scale(args.scale_runs, rulebook, table, goals, SIZES)
    if "changelog" in only:
        bench_changelog(args.changelog_runs, rulebook, table, goals)
    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    text = (
        f"# Benchmark results\n\n{machine()}, {load}.\nYAML: {_yaml_backend()}.\n"
        f"Each command is a whole process; wall-time median and interquartile range over "
        f"the runs (after warm-up runs that are not counted), and the median CPU time "
        f"(user + system) of the process, which a busy machine disturbs less.\n\n"
        f"{table.markdown()}\n\n## Goals\n\n{goals.markdown()}\n"
    )
    print(text)
    if not args.no_write:  # the sections after the goals (earlier measurements) are kept
        RESULTS.write_text(text + _later_sections(), encoding="utf-8")
        print(f"written to {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
