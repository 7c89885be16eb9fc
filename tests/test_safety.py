"""Emergency and urgent red flags, in caregivers' words, with negation and the past."""

from __future__ import annotations

import pytest

from smabot.safety import detect, emergency_number, message


@pytest.mark.parametrize(
    "question",
    [
        "my son is struggling to breathe after the injection",
        "her lips look kind of grey",
        "he went floppy and is unresponsive",
        "she is having a seizure right now",
        "the needle site keeps bleeding and it won't stop",
        "Should I take him to A&E?",
        "her face is swelling up",
    ],
)
def test_emergencies(question: str) -> None:
    finding = detect(question)
    assert finding is not None and finding.level == "emergency"


@pytest.mark.parametrize(
    "question",
    [
        "his skin and eyes have gone yellow since zolgensma",
        "fever and a stiff neck two days after the lumbar puncture",
        "she has the worst headache of her life since the spinal tap",
        "he suddenly can't feel his legs after the injection",
    ],
)
def test_urgent_red_flags(question: str) -> None:
    finding = detect(question)
    assert finding is not None and finding.level == "urgent"


@pytest.mark.parametrize(
    "question",
    [
        "no trouble breathing, but she is tired after the infusion",
        "she had a seizure last year, can she still have Zolgensma?",
        "is a headache after the injection normal?",
        "what are the signs of liver problems after gene therapy?",
        "Does the dose fit a child of 10 kg?",
        "He is not having any difficulty breathing",
        "What are the side effects of Spinraza?",
    ],
)
def test_not_emergencies(question: str) -> None:
    assert detect(question) is None


def test_the_message_names_the_locale_number() -> None:
    finding = detect("she stopped breathing")
    assert finding is not None
    assert "999" in message(finding, "en-GB")
    assert "911" in message(finding, "US")
    assert "112" in message(finding, "de_DE")
    assert "120" in message(finding, "zh-CN")
    assert "your local emergency number" in message(finding, "")
    assert emergency_number("xx") is None
    urgent = detect("his eyes are yellow")
    assert urgent is not None and "care team" in message(urgent, "US")
