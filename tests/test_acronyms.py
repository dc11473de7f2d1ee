"""Acronyms a paper defines: initials of the words before the bracket, small words optional."""

from __future__ import annotations

from boardpapers.extract.acronyms import defined_acronyms


def test_acronyms_defined_by_initials() -> None:
    text = ("Tackling Anti-Social Behaviour (ASB) and violence with injury (VWI) is a priority of the "
            "Integrated Offender Management (IOM) team and the Safer Communities Partnership Board (SCPB).")
    assert defined_acronyms(text) == {
        "ASB": "Anti-Social Behaviour",
        "VWI": "violence with injury",
        "IOM": "Integrated Offender Management",
        "SCPB": "Safer Communities Partnership Board",
    }


def test_acronyms_not_defined_by_a_bracketed_label() -> None:
    # "(RPS)" after words whose initials do not spell it is a reference, not a definition
    assert defined_acronyms("satisfaction was 70% in the spring survey (RPS) and rising") == {}
    assert defined_acronyms("the Residents Perception Survey (RPS)") == {"RPS": "Residents Perception Survey"}
