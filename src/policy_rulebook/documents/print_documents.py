"""The whole policy as a PDF (WeasyPrint, from the same HTML with its print CSS) or a Word file.

The PDF is the staff page printed: A4, articles numbered (``core.articles``), the reaction
scheme as a drawing, a DRAFT / ONTWERP watermark on every page of a draft, and the version,
effective date and approval in every page's footer (a CSS running element). WeasyPrint is the
optional extra ``pdf``: it needs the system libraries pango and harfbuzz, which a CI runner that
only lints should not have to install.
"""

from __future__ import annotations

from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.scheme import Scheme

PDF_EXTRA = "pip install 'policy-rulebook[pdf]'"


def _weasyprint() -> Any:
    from policy_rulebook.core.i18n import _

    try:
        import weasyprint
    except ImportError:
        raise InputError(
            _("--format pdf needs WeasyPrint: {command}").format(command=PDF_EXTRA)
        ) from None
    except OSError as error:  # installed, but pango/harfbuzz are missing
        raise InputError(
            _("--format pdf needs WeasyPrint's system libraries (pango): {error}").format(
                error=str(error).splitlines()[0]
            )
        ) from None
    return weasyprint


#: WeasyPrint lays out some ten pages a second here (the bundled policy, 25 pages: 2.5 s of
#: CPU; 2,000 pages: 185 s). A page of the policy's HTML holds some 3,000 characters.
CHARACTERS_PER_PAGE = 3_000
#: The longest PDF made (some 30 s): a real policy has 10 to 50 pages; a file of thousands
#: of generated rules would keep a job busy for minutes (issue 24, bounded time).
MAX_PDF_PAGES = 300


def pdf(document: Document, scheme: Scheme | None, language: str | None) -> bytes:
    """The policy as a PDF: the HTML page through WeasyPrint with its print styles; refused,
    before WeasyPrint starts, when it would be longer than ``MAX_PDF_PAGES``."""
    import importlib.util

    from policy_rulebook.core.i18n import Count, _
    from policy_rulebook.documents.render import render

    try:  # missing: say so first, as for every extra (importing it costs 1.5 s: not yet)
        present = importlib.util.find_spec("weasyprint") is not None
    except ImportError:
        present = False
    if not present:
        _weasyprint()  # raises the one-line error that names the extra
    # The HTML has been at least 0.8 times the policy's YAML (one language of two, plus
    # markup): a policy whose YAML alone makes too many pages is refused before rendering
    # it (a 2.4 MB scheme took 3.8 s to render); the estimate stays below the real count.
    pages = sum(len(source.text) for source in document.files) // (2 * CHARACTERS_PER_PAGE)
    if pages <= MAX_PDF_PAGES:
        html = render(document, scheme, "html", language)
        pages = len(html) // CHARACTERS_PER_PAGE
    if pages > MAX_PDF_PAGES:
        raise InputError(
            _(
                "the PDF would be some {pages:,} pages, more than {limit:,}: WeasyPrint needs "
                "about a tenth of a second for each; use --format docx or html and print that"
            ).format(pages=Count(pages), limit=Count(MAX_PDF_PAGES))
        )
    weasyprint = _weasyprint()
    data: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf()
    return data


def docx(document: Document, scheme: Scheme | None, language: str | None) -> bytes:
    from policy_rulebook.documents.policy_docx import policy_docx

    return policy_docx(document, scheme, language)
