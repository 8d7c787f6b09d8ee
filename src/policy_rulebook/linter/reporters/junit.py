"""``--format junit``: JUnit XML for GitLab CI, Jenkins and other test report viewers.

One testcase per check that ran (``classname`` rulebook, ``name`` CODE name); a ``failure`` per
finding of that check, its ``type`` the severity.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from policy_rulebook.core.terminal import safe
from policy_rulebook.linter.engine import Report
from policy_rulebook.linter.reporters.summary import summary_line


def render(report: Report, color: bool = False) -> str:
    from policy_rulebook.linter.checks import BY_CODE, CHECKS

    codes = list(report.checks) or [check.code for check in CHECKS]
    codes += sorted({f.code for f in report.findings} - set(codes))
    failing = {f.code for f in report.findings}
    suites = ET.Element("testsuites", name="rulebook", tests=str(len(codes)),
                        failures=str(len(failing)), errors="0")
    suite = ET.SubElement(suites, "testsuite", name="rulebook", tests=str(len(codes)),
                          failures=str(len(failing)), errors="0", skipped="0")
    for code in codes:
        check = BY_CODE.get(code)
        case = ET.SubElement(suite, "testcase", classname="rulebook",
                             name=f"{code} {check.name}" if check else code)
        for f in report.findings:
            if f.code != code:
                continue
            where = f"{f.file}:{f.line}:{f.column}"
            failure = ET.SubElement(case, "failure", type=f.severity.value,
                                    message=safe(f"{where}: {f.message}"))
            failure.text = safe(f"{where}: {f.severity.value} {f.code} {f.message}"
                                + (f"\n(at {f.path})" if f.path else ""))
    ET.SubElement(suite, "system-out").text = summary_line(report)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
