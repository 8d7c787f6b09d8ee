#!/usr/bin/env python3
"""Measure the rendered staff page in headless Chromium at phone, tablet and desktop width.

    scripts/check_layout.py [HTML] [--json] [--widths 390,768,1280]

Without HTML it renders the bundled policy (``rulebook render rulebook --format html``). For
each width it opens a copy of the page with a small measuring script (the page itself allows no
script: its Content-Security-Policy is removed in the copy only), dumps the DOM and reads what
the script wrote: the page's scroll width against the viewport, the elements that stick out,
the words of table cells broken over two lines without a hyphen, and the smallest text size of
the scheme drawing. Exit 0 when nothing overflows and the scheme
text is at least 12 px at every width, 1 when something does, 2 when Chromium is missing
(``apt-get install -y chromium``).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (390, 768, 1280)
MIN_SCHEME_PX = 12.0

#: Writes the measurements into the page as JSON (read back from --dump-dom).
PROBE = r"""
<script>
(function () {
  var root = document.documentElement, vw = window.innerWidth;
  var main = document.querySelector("main"), style = main && getComputedStyle(main);
  var column = main ? main.getBoundingClientRect().right - parseFloat(style.paddingRight) : vw;
  var out = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    var edge = main && main !== el && main.contains(el) ? column : vw;
    if (r.width && r.right > edge + 0.5 && !el.closest(".table-box, .scheme-box, svg")) {
      out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
               (el.className && el.className.baseVal === undefined ? "." + el.className : "") +
               " right=" + Math.round(r.right));
    }
  });
  // A word of a table cell split over two lines without a hyphen ("Verantwoordelij|ke"): two
  // letters of one text on different lines, the first not a space, hyphen or soft hyphen.
  var broken = [], range = document.createRange();
  document.querySelectorAll("td, th").forEach(function (cell) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node;
    while ((node = walker.nextNode())) {
      var text = node.data, before = null;
      for (var i = 0; i < text.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        // The last box: a range at the start of a line also has an empty one at the end of
        // the line before.
        var rects = range.getClientRects(), box = rects[rects.length - 1];
        if (!box || !box.width) { continue; }
        var top = box.top;
        if (before !== null && top > before + 2 && /\S/.test(text[i]) &&
            /[^\s\u00ad\-\/]/.test(text[i - 1])) {
          var words = text.slice(0, i).split(/\s/), rest = text.slice(i).split(/\s/);
          broken.push(words[words.length - 1] + "|" + rest[0]);
        }
        before = top;
      }
    }
  });
  var svg = document.querySelector("svg.scheme"), scale = null;
  if (svg) {
    scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  }
  var result = {viewport: vw, scrollWidth: root.scrollWidth,
                bodyScrollWidth: document.body.scrollWidth, overflowing: out.slice(0, 20),
                schemeScale: scale, midWordBreaks: broken.slice(0, 20)};
  parent.postMessage(JSON.stringify(result), "*");
})();
</script>
"""


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


#: The page is shown in a frame of exactly the width measured: a headless window is never
#: narrower than 500 px. The frame posts its measurements to this page, which writes them down.
FRAME = """<!DOCTYPE html><html><head><style>body{{margin:0}}iframe{{border:0;display:block}}
</style></head><body><iframe src="page.html" width="{width}" height="{height}"></iframe>
<script>window.addEventListener("message", function (e) {{
  var pre = document.createElement("pre"); pre.id = "layout-probe";
  pre.textContent = e.data; document.body.appendChild(pre); }});</script></body></html>"""

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
]


def _pages(folder: Path, html: str, width: int, height: int, probe: bool) -> Path:
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html, count=1)
    if probe:
        page = page.replace("</body>", PROBE + "</body>", 1)
    (folder / "page.html").write_text(page, encoding="utf-8")
    frame = folder / "frame.html"
    frame.write_text(FRAME.format(width=width, height=height), encoding="utf-8")
    return frame


def measure(chromium: str, html: str, width: int, height: int = 900) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        frame = _pages(folder, html, width, height, probe=True)
        flags = [
            *FLAGS,
            f"--user-data-dir={folder}/profile",
            f"--window-size={max(width, 500) + 20},{height + 40}",
            "--virtual-time-budget=5000",
            "--dump-dom",
            frame.as_uri(),
        ]
        done = subprocess.run(
            [chromium, *flags], capture_output=True, text=True, timeout=120, check=False
        )
    found = re.search(r'<pre id="layout-probe">(.*?)</pre>', done.stdout, re.DOTALL)
    if not found:
        raise RuntimeError(
            f"chromium wrote no measurement (exit {done.returncode}): {done.stderr.strip()[-400:]}"
        )
    data: dict[str, object] = json.loads(
        found.group(1)
        .replace("&quot;", '"')
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )
    data["width"] = width
    return data


def screenshot(chromium: str, html: str, width: int, png: Path, height: int = 2400) -> Path:
    """A picture of the page at ``width`` px (the top ``height`` px of it)."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        frame = _pages(folder, html, width, height, probe=False)
        flags = [
            *FLAGS,
            f"--user-data-dir={folder}/profile",
            f"--window-size={width},{height}",
            "--virtual-time-budget=3000",
            f"--screenshot={png.resolve()}",
            frame.as_uri(),
        ]
        subprocess.run([chromium, *flags], capture_output=True, text=True, timeout=120, check=True)
    return png


def render_bundled() -> str:
    rulebook = shutil.which("rulebook", path=str(ROOT / ".venv" / "bin")) or "rulebook"
    done = subprocess.run(
        [rulebook, "render", str(ROOT / "rulebook"), "--format", "html"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def problems(data: dict[str, object]) -> list[str]:
    found = []
    viewport = int(str(data["viewport"]))
    sticking_out = ", ".join(map(str, data["overflowing"] or []))  # type: ignore[call-overload]
    if int(str(data["scrollWidth"])) > viewport:
        found.append(
            f"page is {data['scrollWidth']} px wide in a {viewport} px viewport: {sticking_out}"
        )
    elif sticking_out:
        found.append(f"sticking out of the text column: {sticking_out}")
    broken = data.get("midWordBreaks") or []
    if broken:
        found.append(f"words broken without a hyphen in table cells: {', '.join(map(str, broken))}")
    scale = data.get("schemeScale")
    if isinstance(scale, (int, float)) and scale * MIN_SCHEME_PX < MIN_SCHEME_PX - 0.01:
        found.append(f"scheme text drawn at {scale * MIN_SCHEME_PX:.1f} px (< 12 px)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", nargs="?", type=Path, help="a rendered page (default: bundled)")
    parser.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    parser.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="also save DIR/page-WIDTH.png at each width"
    )
    args = parser.parse_args(argv)
    chromium = browser()
    if chromium is None:
        print(
            "check_layout: chromium is not installed (apt-get install -y chromium)", file=sys.stderr
        )
        return 2
    html = args.html.read_text(encoding="utf-8") if args.html else render_bundled()
    widths = [int(w) for w in args.widths.split(",")]
    results = [measure(chromium, html, w) for w in widths]
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
        for w in widths:
            screenshot(chromium, html, w, args.screenshots / f"page-{w}.png")
    bad = 0
    for data in results:
        found = problems(data)
        data["problems"] = found
        bad += bool(found)
        if not args.json:
            state = "OVERFLOW" if found else "ok"
            print(
                f"{data['width']:>5} px: scroll width {data['scrollWidth']} / viewport "
                f"{data['viewport']}, scheme scale {data['schemeScale']}: {state}"
            )
            for line in found:
                print(f"        {line}")
    if args.json:
        print(json.dumps(results, indent=2))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
