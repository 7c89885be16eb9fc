"""What a question asks for and what a section is about, from intents.yml's cue phrases."""

from __future__ import annotations

import pytest

from smabot.intent import load_intents, parse_intents


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("How does Zolgensma work?", "mechanism"),
        ("how is spinraza given", "administration"),
        ("oral therapies, such as risdiplam, are taken by mouth", "administration"),
        ("What's the way it's actually given to him?", "administration"),
        ("it is usually injected in the lower back", "administration"),
        ("How often are the injections?", "frequency"),
        ("I thought it was every few months, is that right?", "frequency"),
        ("whats the dosage for a baby", "dose"),
        ("who is evrysdi for", "eligibility"),
        ("how do we get access to spinraza", "eligibility"),
        ("any side effects?", "side_effects"),
        ("will insurance pay for it", "cost"),
        ("how long does it take", "duration"),
        ("what if we miss a dose", "missed_dose"),
        ("how do I store evrysdi", "storage"),
        ("can we travel with it", "travel"),
        ("how is it different from spinraza", "comparison"),
        ("what happens before the infusion", "before"),
        ("What happens on the day?", "on_the_day"),
        ("what happens during the lumbar puncture", "on_the_day"),
        ("we skipped an injection", "missed_dose"),
        ("her Spinraza appointment got cancelled", "missed_dose"),
        ("What happens during the Zolgensma procedure?", "on_the_day"),
        ("what to expect on injection day", "on_the_day"),
        ("What should we expect on the day of her infusion?", "on_the_day"),
        ("medicines or foods we need to stay away from with it?", "interactions"),
        # a leaflet's "Name: question" label and a question after a sentence of context
        ("Zolgensma: what is this treatment?", "definition"),
        ("My son has SMA. What is Spinraza?", "definition"),
        # caregivers' own wordings: chat adverbs, "evidence", "why", what the articles lack
        ("Zolgensma came up at clinic. What actually is it?", "definition"),
        ("Is there any evidence Spinraza helps adults?", "efficacy"),
        ("why does it have to go into the spine instead of a vein?", "reason"),
        ("How come Zolgensma needs steroids?", "reason"),
        ("How long will my child survive with type 2?", "condition"),
        ("What's the difference between SMA type 1, 2 and 3?", "condition"),
        ("can u test the baby for sma while your pregnant", "condition"),
        ("Does it actually help babies breathe?", "efficacy"),
        ("EVRYSDI: What is the drug for?", "eligibility"),
        ("Nusinersen injection: why is this medication prescribed?", "eligibility"),
        ("how should this medicine be used?", "administration"),
        ("Is there a treatment?", "comparison"),
        ("How is spinal muscular atrophy (SMA) treated?", "comparison"),
        # the condition itself, asked in caregivers' words
        ("what kinds of SMA are there", "condition"),
        ("SMA symptoms?", "condition"),
        ("does spinal muscular atrophy hurt", "condition"),
        ("can a child die from SMA?", "condition"),
        ("how do they test for SMA", "condition"),
        ("am I carrying the faulty gene?", "condition"),
        ("when must Evrysdi not be taken?", "contraindications"),
        ("when shouldn't zolgensma be given?", "contraindications"),
        ("which foods should be avoided on Evrysdi?", "interactions"),
        ("how fast does zolgensma work", "duration"),
        ("When should we expect to see something?", "duration"),
        ("does sma affect a childs intelligence", "condition"),
        ("What is type 2 SMA?", "condition"),
        ("What does later-onset SMA mean?", "condition"),
        ("What breathing problems do kids with SMA usually get?", "condition"),
        ("how much is zolgensma", "cost"),
        ("is that normal after the injection?", "side_effects"),
        ("should I be worried?", "side_effects"),
    ],
)
def test_a_question_s_wording_says_what_it_asks(question: str, intent: str) -> None:
    assert intent in load_intents().of(question)


def test_words_without_a_cue_ask_for_nothing_in_particular() -> None:
    assert load_intents().of("zolgensma liver") == frozenset()
    # "work" alone is not "how does it work"
    assert "mechanism" not in load_intents().of("can I work while my son is in hospital")


@pytest.mark.parametrize(
    "question",
    [
        "Will she have a headache on the day of the lumbar puncture?",
        "Can we go home on the day of the lumbar puncture or do we stay overnight?",
        "What happens if my baby has a cold on the day of his Zolgensma infusion?",
        "What happens during the first month after Zolgensma?",
        "what should we expect on the day after the spinraza injection",
    ],
)
def test_a_day_that_only_frames_the_question_is_not_procedure_day(question: str) -> None:
    assert "on_the_day" not in load_intents().of(question)


def test_what_a_medicine_is_for_is_not_what_it_is() -> None:
    assert "definition" not in load_intents().of("What is Evrysdi used for")
    # "why is it prescribed?" asks who it is for, not for a reason a section gives
    assert "reason" not in load_intents().of(
        "Nusinersen injection: why is this medicine prescribed?"
    )
    # "what is the …" asks for that thing of it: an age limit, a mechanism, a price
    assert "definition" not in load_intents().of("What's the age limit for Zolgensma?")


def test_close_wordings_ask_for_something_else() -> None:
    intents = load_intents()
    assert "cost" not in intents.of("how much is the dose for a 10 kg baby?")
    assert "duration" not in intents.of("does it matter how fast we start treatment?")
    assert "travel" not in intents.of("do we have to travel to the big hospital for it?")
    # what a treatment does for the condition is not the condition itself
    assert "condition" not in intents.of("does sma affect how well zolgensma works?")
    assert "condition" not in intents.of("What is the type 2 dose of Spinraza?")
    # "she's taken it" says she has: how long she has had it, not how it is given
    assert "administration" not in intents.of("She's taken Evrysdi for a year, can she switch?")


@pytest.mark.parametrize(
    "question",
    ["Is Spinraza for all types of SMA?", "Can SMA symptoms ease within a month of Zolgensma?"],
)
def test_a_treatment_question_naming_the_condition_is_not_about_the_condition(
    question: str,
) -> None:
    assert "condition" not in load_intents().of(question)


def test_a_cue_that_yaml_reads_as_a_mapping_is_refused_by_name() -> None:
    # unquoted, "(?: (sma))?" holds ": ", so YAML reads the cue as a mapping, not text
    with pytest.raises(ValueError, match="'comparison'"):
        parse_intents({"comparison": [{"how (?": "x)"}]})


def test_a_section_is_about_its_heading_and_its_curated_questions() -> None:
    intents = load_intents()
    assert intents.of_section(["How Zolgensma is given"], []) == {"administration"}
    assert "cost" in intents.of_section(["Practical matters"], ["Who pays for Spinraza?"])


def test_cue_words_are_the_stretches_that_say_what_is_asked() -> None:
    cues = load_intents().cue_words("How does Zolgensma work and how often is it given?")
    assert cues["how does zolgensma work"] == {"mechanism"}
    assert "frequency" in cues["how often"]
    assert load_intents().cue_words("zolgensma liver") == {}
