"""Optional parts of the install: Word files and the scheme's drawing (``documents``), PDF
(``pdf``). A plain ``pip install`` (the pre-commit hook, ``lint``) leaves them out; a command that
needs one says which extra to install, as an input error (exit 2), before it starts work."""

from __future__ import annotations

import importlib.util

from policy_rulebook.core.findings import InputError

#: extra -> the modules it brings (import names), as in pyproject.toml's optional dependencies.
EXTRAS = {
    "documents": ("docx", "grandalf", "lxml"),
    "pdf": ("weasyprint",),
}


def install_command(extra: str) -> str:
    return f"pip install 'policy-rulebook[{extra}]'"


def require(extra: str, what: str) -> None:
    """Raise an ``InputError`` naming ``what`` needs and how to install it when a module of
    ``extra`` is missing (found without importing it: the check costs nothing)."""
    from policy_rulebook.core.i18n import _

    missing = [name for name in EXTRAS[extra] if not _installed(name)]
    if missing:
        raise InputError(
            _("{what} needs the optional part `{extra}` of rulebook: {command}").format(
                what=what, extra=extra, command=install_command(extra)
            )
        )


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a finder that refuses it, or a broken entry
        return False
