"""The review reader's language data, loaded from the CSV files in `data/review/`."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tongket.extract.lexicon import PhraseSet, fold, phrase_words

DATA_FILES = (
    "commendation_forms.csv",
    "conference_kinds.csv",
    "cues.csv",
    "numerals.csv",
    "party_grades.csv",
    "recipient_words.csv",
)
CUE_KINDS = (
    "addressee_link", "admission", "assignee_stop", "attendance", "award_active",
    "award_passive", "body_head", "cell_total_cue", "cell_word", "chair_after",
    "chair_either", "direction_heading", "directive_assign", "directive_request",
    "giver_link", "leadership", "member_graded", "member_new", "member_official",
    "member_probationary", "member_total", "member_total_cue", "members_date", "name_stop",
    "negation", "none_cue", "numbered_noun", "opinion",
    "recipient_link", "recommendation_topic", "report_back", "subject_tail", "topic_opener",
)  # fmt: skip
RECIPIENT_KINDS = ("collective", "person")
GRADES = ("excellent", "good", "done", "failed")
CONFERENCE_KINDS = ("review", "midyear", "nine_month", "council_session", "working_session")
COMMENDATION_FORMS = ("giay_khen", "bang_khen", "ky_niem_chuong", "danh_hieu")

Words = tuple[str, ...]


def read_review_rows(name: str) -> list[dict[str, str]]:
    """The rows of one file of `data/review/`, as dicts keyed by the header."""
    folder = resources.files("tongket.extract").joinpath("data", "review")
    return list(csv.DictReader(folder.joinpath(name).read_text("utf-8").splitlines()))


def _labelled(name: str, label: str) -> tuple[PhraseSet, dict[Words, str]]:
    """The phrases of a two-column file, and the label of each phrase."""
    labels = {phrase_words(row["phrase"]): row[label] for row in read_review_rows(name)}
    return PhraseSet.build(" ".join(words) for words in labels), labels


@dataclass(frozen=True, eq=False)  # hashed by identity: the readers cache tables per lexicon
class ReviewLexicon:
    cues: dict[str, PhraseSet]
    conference_kinds: PhraseSet
    conference_kind_of: dict[Words, str]
    forms: PhraseSet
    form_of: dict[Words, str]
    recipients: PhraseSet
    recipient_kind_of: dict[Words, str]
    grades: PhraseSet
    grade_of: dict[Words, str]
    numerals: dict[str, int]

    def cue(self, kind: str) -> PhraseSet:
        return self.cues[kind]

    def number(self, word: str) -> int | None:
        """The value of a number word: ASCII digits (at most 5) or a numeral."""
        if word.isascii() and word.isdigit() and len(word) <= 5:
            return int(word)
        return self.numerals.get(word)


@cache
def load_review_lexicon() -> ReviewLexicon:
    """Read every data file once."""
    grouped: dict[str, list[str]] = {}
    for row in read_review_rows("cues.csv"):
        grouped.setdefault(row["kind"], []).append(fold(row["phrase"]))
    kinds, kind_of = _labelled("conference_kinds.csv", "kind")
    forms, form_of = _labelled("commendation_forms.csv", "form")
    recipients, recipient_kind_of = _labelled("recipient_words.csv", "recipient_kind")
    grades, grade_of = _labelled("party_grades.csv", "grade")
    return ReviewLexicon(
        cues={kind: PhraseSet.build(grouped.get(kind, ())) for kind in CUE_KINDS},
        conference_kinds=kinds,
        conference_kind_of=kind_of,
        forms=forms,
        form_of=form_of,
        recipients=recipients,
        recipient_kind_of=recipient_kind_of,
        grades=grades,
        grade_of=grade_of,
        numerals={fold(r["word"]): int(r["value"]) for r in read_review_rows("numerals.csv")},
    )
