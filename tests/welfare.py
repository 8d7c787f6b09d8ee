"""A welfare centre's policy through six versions and an unreleased change, in Dutch, English
and French, as a real git history (issue 21): the staff announcement's test fixture.

Built from ``tests/fixtures/welfare`` (not the bundled policy, whose commits churn); the goldens
made from it hold no commit ids.

- 1.0.0 (Els): the first version.
- 1.0.1 (Pieter): typo fixes only: "Cite you sources" -> "Cite your sources", "bronen" ->
  "bronnen".
- 1.1.0 (Els): a don't moved to the legal section (no consequence, before or after); the policy
  now applies to volunteers too (meta.summary); a ``Policy-Note:`` for staff.
- 1.2.0 (Lea): a new sanction on image rights; the reaction to a threat becomes "screenshot,
  report, call 112".
- 2.0.0 (Dirk, the DPO, then Els): a long Dutch rewrite of a rule, committed before the bump;
  a Dutch-only change of a deadline (the English and French follow in the bump).
- 2.0.1 (Lea): the laws replaced (Copyright Act -> Code of Economic Law; an article added);
  no text changes.
- unreleased (Pieter): the backup's hours change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.gitrepo import commit, init, remove_item, replace, set_version

FIXTURE = Path(__file__).parent / "fixtures" / "welfare"

PEOPLE = {
    "els": "Els Wouters <els.wouters@beekdal.example>",
    "pieter": "Pieter Maes <pieter.maes@beekdal.example>",
    "lea": "Lea Jurist <lea.jurist@beekdal.example>",
    "dirk": "Dirk Peeters <dpo@beekdal.example>",
}

MOVED_TO_LEGAL = """    - id: no-client-photos
      topic:
        nl: Foto's van cliënten
        en: Photos of clients
        fr: Photos de clients
      text:
        nl: Post geen foto's van cliënten.
        en: Do not post photos of clients.
        fr: Ne publie pas de photos de clients.
"""

SANCTION = """      consequence:
        nl: Een tuchtprocedure, tot en met ontslag om dringende reden.
        en: Disciplinary proceedings, up to dismissal for serious cause.
        fr: Une procédure disciplinaire, jusqu'au licenciement pour motif grave.
"""

SCREENSHOT = """    - id: screenshot-report
      outcome:
        nl: Neem een screenshot, meld het aan je leidinggevende en bel 112 bij direct gevaar.
        en: Take a screenshot, report it to your manager and call 112 if you are in danger.
        fr: >-
          Fais une capture d'écran, signale-le à ton responsable et appelle le 112 en cas de
          danger.
      action: escalate
"""

LONG_NL_OLD = "nl: Bespreek geen dossiers van cliënten online."
LONG_NL_NEW = (
    "nl: >-\n"
    "          Bespreek geen dossiers van cliënten online, ook niet in besloten groepen, niet in\n"
    "          privéberichten aan collega's en niet zonder namen: een buurt, een leeftijd en een\n"
    "          gezinssituatie volstaan vaak om iemand te herkennen. Overleg over een dossier\n"
    "          hoort in het dossiersysteem of in een teamvergadering."
)
LONG_EN_OLD = "en: Do not discuss client cases online."
LONG_EN_NEW = (
    "en: >-\n"
    "          Do not discuss client cases online, not in closed groups, not in private messages\n"
    "          to colleagues and not without names: a neighbourhood, an age and a family\n"
    "          situation are often enough to recognise someone. Talk about a case in the case\n"
    "          system or at a team meeting."
)


def _write_meta_line(policy: Path, old: str, new: str) -> None:
    replace(policy / "meta.yaml", old, new)


def welfare_history(repo: Path) -> dict[str, str]:
    """The history in ``repo`` (policy folder ``beleid``); the commit hashes by name."""
    init(repo)
    policy = repo / "beleid"
    shutil.copytree(FIXTURE, policy)
    shas: dict[str, str] = {}
    shas["1.0.0"] = commit(repo, "Beleid 1.0.0", PEOPLE["els"], "2026-01-10")

    replace(policy / "conduct.yaml", "Cite you sources", "Cite your sources")
    replace(policy / "conduct.yaml", "je bronen", "je bronnen")
    set_version(policy, "1.0.1", "2026-02-01")
    shas["1.0.1"] = commit(repo, "Tikfouten", PEOPLE["pieter"], "2026-02-03")

    remove_item(policy / "conduct.yaml", "no-client-photos")
    replace(policy / "legal.yaml", "  items:\n", "  items:\n" + MOVED_TO_LEGAL)
    _write_meta_line(
        policy,
        "alle medewerkers van het welzijnshuis",
        "alle medewerkers en vrijwilligers van het welzijnshuis",
    )
    _write_meta_line(policy, "all staff of the welfare", "all staff and volunteers of the welfare")
    _write_meta_line(
        policy, "tout le personnel du centre", "tout le personnel et les bénévoles du centre"
    )
    set_version(policy, "1.1.0", "2026-04-01")
    shas["1.1.0"] = commit(
        repo,
        "Beleid 1.1.0: foto's van cliënten bij juridisch\n\n"
        "Policy-Note: Het beleid geldt vanaf nu ook voor vrijwilligers.\n"
        "Policy-Note-en: From now on the policy applies to volunteers too.\n"
        "Policy-Note-fr: Désormais, la politique s'applique aussi aux bénévoles.\n",
        PEOPLE["els"],
        "2026-03-20",
    )

    legal = (policy / "legal.yaml").read_text(encoding="utf-8")
    legal = legal.rstrip("\n") + "\n" + SANCTION
    (policy / "legal.yaml").write_text(legal, encoding="utf-8")
    replace(policy / "reactions.yaml", "yes: tell-manager\n", "yes: screenshot-report\n")
    remove_item(policy / "reactions.yaml", "tell-manager")
    replace(policy / "reactions.yaml", "    - id: respond\n", SCREENSHOT + "    - id: respond\n")
    set_version(policy, "1.2.0", "2026-06-01")
    shas["1.2.0"] = commit(repo, "Sanctie portretrecht; bedreigingen", PEOPLE["lea"], "2026-05-12")

    replace(policy / "conduct.yaml", LONG_NL_OLD, LONG_NL_NEW)
    replace(policy / "reactions.yaml", "binnen een werkdag", "binnen twee werkdagen")
    shas["2.0.0-dpo"] = commit(
        repo, "Dossiers: herschreven door de DPO", PEOPLE["dirk"], "2026-08-03"
    )
    replace(policy / "conduct.yaml", LONG_EN_OLD, LONG_EN_NEW)
    set_version(policy, "2.0.0", "2026-09-01")
    shas["2.0.0"] = commit(repo, "Beleid 2.0.0", PEOPLE["els"], "2026-08-10")

    replace(
        policy / "legal.yaml",
        "Wet van 30 juni 1994 betreffende het auteursrecht",
        "Wetboek van economisch recht",
    )
    replace(policy / "legal.yaml", "Act of 30 June 1994 on copyright", "Code of Economic Law")
    replace(
        policy / "legal.yaml",
        "Loi du 30 juin 1994 relative au droit d'auteur",
        "Code de droit économique",
    )
    replace(policy / "legal.yaml", "reference: art. 10", "reference: art. XI.174")
    replace(policy / "legal.yaml", "reference: art. 458", "reference: art. 458 en 458bis")
    set_version(policy, "2.0.1", "2026-10-01")
    shas["2.0.1"] = commit(repo, "Rechtsgronden bijgewerkt", PEOPLE["lea"], "2026-09-15")

    replace(
        policy / "contact.yaml",
        "Maandag tot donderdag van 8 tot 16 uur",
        "Maandag tot vrijdag van 8 tot 12 uur",
    )
    replace(
        policy / "contact.yaml",
        "Monday to Thursday from 8 a.m. to 4 p.m.",
        "Monday to Friday from 8 a.m. to noon",
    )
    replace(
        policy / "contact.yaml",
        "Du lundi au jeudi de 8 h à 16 h",
        "Du lundi au vendredi de 8 h à 12 h",
    )
    shas["unreleased"] = commit(repo, "Nieuwe uren back-up", PEOPLE["pieter"], "2026-11-02")
    return shas
