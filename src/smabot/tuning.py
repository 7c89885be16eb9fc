"""Every constant the ranking and the no-answer rule use, in one frozen, typed object.

Each was chosen on the train split of `tests/eval/collected` (never on its test split), with
dev and the regression set as guards; the README's "Answer quality" section has the figures.
An experiment changes one with `dataclasses.replace(TUNING, ...)` and passes it to `Answerer`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    """The ranking's and the no-answer rule's constants."""

    # How much of the question's informative weight the best passage must hold to be an answer.
    min_coverage: float = 0.4
    # Not covered means not covered: of the question's informative weight, the best passage
    # must hold this share in what it is about (its source's title, its headings, its curated
    # questions), a word met only in its text counting `text_only_share`. "pregnancy" named in
    # passing in a safety list does not answer "does pregnancy have an effect on SMA?". Chosen
    # on train (0.3-0.6 tried on its 290 questions): 5-fold by source, each fold's other four
    # choose 0.5-0.55 and the held-out folds are decided right 212 times of 290 (0.45: 207);
    # above 0.49 dev loses a question's hit@3, so 0.49.
    min_focus: float = 0.49
    text_only_share: float = 0.25
    # Passages after the first must score at least this share of the first's score.
    min_relative_score: float = 0.3
    # A passage about another medicine than the one asked about keeps this share of its score.
    other_drug_factor: float = 0.6
    # Two passages sharing this share of their terms are one answer: the second is left out.
    duplicate_jaccard: float = 0.6
    # A passage whose section lists a curated question like the one asked gains up to this
    # multiple of its score (0.25-6 tried on train; 2 best on hit@3 and MRR@5).
    question_weight: float = 2.0
    # A passage whose section is about what the question asks for (intents.yml) gains this
    # share of its score (0.25-2 tried on train; 0.5-1 best, dev and regression unchanged).
    intent_weight: float = 0.5
    # A section whose intents are all other than the question's keeps this share: asked "how
    # does Zolgensma work?", "how long does it take to start working?" shares the word, not
    # the question. Chosen on train, 5-fold by source on MRR@5 (1, 0.8, 0.7, 0.6, 0.5 tried):
    # the folds choose 0.5-0.6, held-out MRR@5 0.707 against 0.683 without it; dev unchanged.
    other_intent_factor: float = 0.6
    # Per step of source authority (charity and regulator 2, consumer health 1): a tie-breaker.
    authority_step: float = 0.04
    # BM25 hits re-ranked per question: a constant, so a question costs the same at 100k
    # passages (12, 20, 30, 50, all tried on train 5-fold by source; 30 chosen in 4 folds of 5).
    rerank_window: int = 30
    # The sentences of a message that do not ask (its context: "my daughter starts Spinraza
    # next month.") count this much beside the one that does. 0-1 tried on train and its
    # paraphrases: 0.25-0.35 best on train; lower answers more reworded long messages but
    # refuses fewer uncovered ones (0: train no-answer 0.827 -> 0.792).
    context_weight: float = 0.25
    # A question about a medicine that says what it asks ("…I'm nervous. What are Spinraza's
    # side effects?") is also answered when a passage holds this share of it without the
    # context's circumstances, in coverage and in focus. 0.4-0.7 tried on train, its
    # paraphrases and a review's 131 forum-style messages: train unchanged throughout; 0.4
    # answers the most reworded messages (hit@3 0.747, against 0.693 without this rule) but
    # decides 32 of the review's 53 uncovered contexts right ("…Will the government there pay
    # for Spinraza?"), against 42 without it; 0.6 decides 40 and keeps most of the gain
    # (hit@3 0.729; the review's 53 answerable messages 36 -> 40 right); 0.7 42, hit@3 0.723.
    # A fourth review (210 messages, its own) refused right first passages at 0.55-0.6 of
    # it; 0.55 answers one more of its forum posts and one more of the second review's, and
    # no set loses; 0.5 answers two more but decides two of the first review's uncovered
    # contexts wrong.
    min_share_alone: float = 0.55
    # A follow-up's earlier questions count this much (halved again for each step back).
    history_weight: float = 0.5
    # A question whose own topic terms weigh less than this borrows the earlier question's topic.
    min_own_topic: float = 1.0
    # A word no article uses that is this rare in everyday English ("ibuprofen", "vaccine")
    # names something the articles don't cover: it weighs `unknown_specific_factor` times more.
    specific_zipf: float = 4.3
    unknown_specific_factor: float = 2.0
    # A question that points back ("how serious is it?") asks about the rare thing its context
    # names ("TMA", "SMN2", "a lumbar puncture"), which then counts in full. Rarer than this in
    # everyday English (2.5-4.3 tried on the tuned-on sets): 3.0-3.5 answer four more messages
    # and refuse none fewer; 2.5 misses "lumbar puncture"; 4.3 answers four uncovered ones.
    named_zipf: float = 3.0
    # A passage whose section answers a question close in meaning to the one asked (the
    # cosine c of meaning.py) keeps exp(closeness_weight * c) of its score. 2, 4 and 8 tried
    # on the tuned-on sets with passage text beside the curated questions: 4 best on hit@3.
    # With the answer model (fitted at 4, not refitted for the others), tuned-on hit@3 /
    # right refusals: 0 911 / 763, 2 929 / 758, 4 931 / 750, 8 916 / 755 (measured before
    # a fix to two features; with the fix, 4 gives 929 / 753).
    closeness_weight: float = 4.0
    # A question no passage answers is offered the curated questions at least this close in
    # meaning (cosine). On the repo's train sets (collected and paraphrased train, caregivers,
    # regression; `smabot eval FILE` prints both figures): at 0.65 one answers 52 of the 104
    # answerable questions refused (`reached_by_suggestion`), and 174 of the 598 uncovered ones
    # are offered any; 0.6 reaches 7 more for 101 more offered, 0.7 10 fewer for 65 fewer.
    nearby_closeness: float = 0.65
    # It is also offered, for each of the best-ranked sections (the ones that nearly answered
    # it), that section's curated question nearest in meaning, if at least this close. On the
    # same sets: at 0.5, 68 of the 104 are reached (52 without) and 385 of the 598 are offered
    # any; 0.45 reaches 74 for 447 offered, 0.55 63 for 341.
    nearby_floor: float = 0.5


TUNING = Tuning()
