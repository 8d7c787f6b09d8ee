"""What every Word file we write shares: A4 paper and file properties that name the policy.

python-docx starts from a template on US Letter whose properties say the file was written by
"python-docx" in 2013; an organisation files neither. ``a4`` sets every section to A4 with
2.5 cm margins; ``properties`` names the organisation (author) and the policy (title), with the
date it was made (``SOURCE_DATE_EPOCH`` for reproducible files, as the HTML does).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

#: A4 in millimetres, and the margin on every side.
A4_MM = (210, 297)
MARGIN_MM = 25


def a4(document: Any) -> None:
    """Every section of ``document`` on A4 paper, portrait, with even margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))


def made_at() -> dt.datetime:
    """Now, or the moment of ``SOURCE_DATE_EPOCH`` (the tests and reproducible builds set it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).replace(microsecond=0)


def properties(
    document: Any, organisation: str, title: str, subject: str, lang: str, version: str = ""
) -> None:
    """The file's properties (File > Info in Word): the organisation, the policy, its version,
    what the document is; nothing of the library that wrote it."""
    props = document.core_properties
    props.author = organisation
    props.last_modified_by = organisation
    props.title = title
    props.subject = subject
    props.language = lang
    props.keywords = version
    props.comments = ""
    props.category = subject
    props.revision = 1
    moment = made_at()
    props.created = moment
    props.modified = moment
