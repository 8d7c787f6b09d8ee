"""Organisation profiles: which coverage checks and legal topics apply (data: ``*.yaml`` here).

A policy names its profile in ``meta.profile``; an organisation can adjust it in its
configuration (``profile:`` in ``.rulebook.yaml``). A profile lists the *profile-bound* checks
it runs (``checks``), the general checks it switches off (``disable``) and the legal topics a
policy must cover (``legal_topics``, see ``data/legal_topics.yaml``). A profile-bound check is
one that some bundled profile lists; it runs only when the active profile lists it. Without a
profile, no profile-bound check runs. Shapes: ``schema/profile.schema.json`` (tested).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _

#: The bundled profiles, in the order docs and messages list them.
NAMES = (
    "local-government",
    "public-body",
    "education",
    "higher-education",
    "care",
    "non-profit",
    "company",
)
_DERIVED = "profile"


@dataclass(frozen=True)
class Profile:
    """A resolved profile (``extends`` followed): what applies to one organisation."""

    id: str
    title: Mapping[str, str]
    checks: frozenset[str]
    disable: frozenset[str]
    legal_topics: tuple[str, ...]
    extends: str | None = None
    #: Checks and topics the configuration's ``require`` added: a finding on one of them says
    #: "required by your configuration", not that the profile needs it.
    required: frozenset[str] = frozenset()

    def runs(self, code: str) -> bool:
        """Whether the check with this code runs under this profile."""
        if code in self.disable:
            return False
        return code in self.checks or code not in bound_checks()

    def label(self, language: str = "en") -> str:
        return self.title.get(language) or self.title.get("en") or self.id

    def why(self, item: str) -> str:
        """Why a check or topic applies, for a message: the configuration or this profile."""
        if item in self.required:
            return _("required by your configuration")
        return _("which the {profile} profile needs").format(profile=self.id)


def _read(name: str) -> dict[str, Any]:
    from policy_rulebook.linter import data

    raw: dict[str, Any] = data.parse(
        resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    )
    return raw


@cache
def raw_profiles() -> dict[str, dict[str, Any]]:
    """The bundled profile files as written (for the schema test and the docs)."""
    return {name: _read(name) for name in NAMES}


@cache
def bundled(name: str) -> Profile:
    """The bundled profile ``name`` with what it extends merged in."""
    raw = raw_profiles()[name]
    base = bundled(raw["extends"]) if raw.get("extends") else None
    return _merge(base, raw, name)


def _merge(base: Profile | None, raw: Mapping[str, Any], name: str) -> Profile:
    checks = set(base.checks if base else ()) | set(raw.get("checks", ()))
    disable = set(base.disable if base else ()) | set(raw.get("disable", ()))
    topics = list(base.legal_topics if base else ())
    topics += [t for t in raw.get("legal_topics", ()) if t not in topics]
    title = raw.get("title") or (base.title if base else {"en": name})
    return Profile(
        name, dict(title), frozenset(checks), frozenset(disable), tuple(topics), raw.get("extends")
    )


@cache
def bound_checks() -> frozenset[str]:
    """The codes of the profile-bound checks: those that some bundled profile lists."""
    return frozenset(code for raw in raw_profiles().values() for code in raw.get("checks", ()))


def enabling(code: str) -> tuple[str, ...]:
    """The bundled profiles under which a check runs (all of them for a general check)."""
    return tuple(name for name in NAMES if bundled(name).runs(code))


def topics() -> dict[str, Any]:
    from policy_rulebook.linter import data

    table: dict[str, Any] = data.load("legal_topics.yaml")
    return table


def check_spec(spec: str | Mapping[str, Any], known_codes: Sequence[str], where: str) -> None:
    """Raise an InputError (exit 2) naming what is wrong in a configuration's ``profile:``."""
    if isinstance(spec, str):
        spec = {"extends": spec}
    name = spec.get("extends")
    if name is not None and name not in NAMES:
        raise InputError(
            _("{where}`profile`: {name!r} is not a profile (the profiles are {names})").format(
                where=where, name=name, names=", ".join(NAMES)
            )
        )
    known_topics = topics()
    for key in ("require", "disable"):
        for item in spec.get(key, ()):
            if item not in known_codes and item not in known_topics:
                raise InputError(
                    _(
                        "{where}`profile.{key}`: {item!r} is neither the code of a "
                        "check nor a legal topic ({topics})"
                    ).format(where=where, key=key, item=item, topics=", ".join(known_topics))
                )


def customise(base: Profile | None, spec: str | Mapping[str, Any] | None) -> Profile | None:
    """The profile after the configuration's ``profile:`` (a name, or extends/require/disable).

    ``require`` and ``disable`` hold check codes or legal-topic ids (checked by
    ``check_spec`` when the configuration is read). Without ``extends`` they change the
    policy's own ``meta.profile``; with neither, the configuration changes nothing.
    """
    if spec is None:
        return base
    if isinstance(spec, str):
        spec = {"extends": spec}
    if spec.get("extends") in NAMES:
        base = bundled(str(spec["extends"]))
    if base is None:
        return None
    known_topics = topics()
    checks, disable, wanted = set(base.checks), set(base.disable), list(base.legal_topics)
    required = set(base.required)
    for item in spec.get("require", ()):
        if item not in (wanted if item in known_topics else base.checks - base.disable):
            required.add(item)
        if item in known_topics:
            wanted += [item] if item not in wanted else []
        else:
            checks.add(item)
            disable.discard(item)
    for item in spec.get("disable", ()):
        if item in known_topics:
            wanted = [t for t in wanted if t != item]
        else:
            disable.add(item)
    return replace(
        base,
        checks=frozenset(checks),
        disable=frozenset(disable),
        legal_topics=tuple(wanted),
        required=frozenset(required),
    )


def of_document(document: Document) -> Profile | None:
    """The document's profile: as the engine set it (with the configuration), else by
    ``meta.profile``; None without one (or with an unknown one: the schema reports it)."""
    if _DERIVED in document.derived:
        found: Profile | None = document.derived[_DERIVED]
        return found
    name = document.get("meta", "profile")
    return bundled(name) if isinstance(name, str) and name in NAMES else None


def attach(document: Document, spec: str | Mapping[str, Any] | None) -> Profile | None:
    """Resolve the document's profile with the configuration's ``profile:`` and remember it."""
    document.derived.pop(_DERIVED, None)
    profile = customise(of_document(document), spec)
    document.derived[_DERIVED] = profile
    return profile
