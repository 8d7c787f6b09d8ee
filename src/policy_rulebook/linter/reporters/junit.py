"""``--format junit``: JUnit XML for GitLab CI, Jenkins and other test report viewers.

One testcase per check that ran (``classname`` rulebook, ``name`` CODE name); a ``failure`` per
finding of that check, its ``type`` the severity. Well-formed for any value: what XML 1.0
cannot hold (C0 controls, U+FFFF, lone surrogates) is shown as an escape (``core.escape.xml``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from policy_rulebook.core import escape
from policy_rulebook.core.findings import Report, Severity
from policy_rulebook.linter.reporters.summary import summary_line


def _text(value: str) -> str:
    return escape.xml(escape.terminal(value))


class JunitReporter:
    name = "junit"

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        codes = list(report.checks) or list(report.rules)
        codes += sorted({f.code for f in report.findings} - set(codes))
        # an info finding (a hint such as RB610) is no failure: it goes to the case's output
        failing = {f.code for f in report.findings if f.severity is not Severity.INFO}
        suites = ET.Element(
            "testsuites",
            name="rulebook",
            tests=str(len(codes)),
            failures=str(len(failing)),
            errors="0",
        )
        suite = ET.SubElement(
            suites,
            "testsuite",
            name="rulebook",
            tests=str(len(codes)),
            failures=str(len(failing)),
            errors="0",
            skipped="0",
        )
        for code in codes:
            rule = report.rules.get(code)
            case = ET.SubElement(
                suite,
                "testcase",
                classname="rulebook",
                name=_text(f"{code} {rule.name}" if rule else code),
            )
            for f in report.findings:
                if f.code != code:
                    continue
                where = f"{f.file}:{f.line}:{f.column}"
                failure = (
                    ET.SubElement(case, "system-out")
                    if f.severity is Severity.INFO
                    else ET.SubElement(
                        case,
                        "failure",
                        type=f.severity.value,
                        message=_text(f"{where}: {f.message}"),
                    )
                )
                failure.text = _text(
                    f"{where}: {f.severity.value} {f.code} {f.message}"
                    + (f"\n(at {f.path})" if f.path else "")
                )
        ET.SubElement(suite, "system-out").text = summary_line(report)
        ET.indent(suites)
        return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def render(report: Report, color: bool = False) -> str:
    return JunitReporter().render(report, color)
