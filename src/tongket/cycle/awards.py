"""Counting the commendations (khen thưởng) given at a review, by form and recipient.

Forms come from `data/commendation_forms.csv` (code,label,sentence_label) and recipient
kinds from `data/recipient_kinds.csv` (code,label).

    >>> counts = tally([("giay_khen", "collective", 2), ("giay_khen", "person", 11),
    ...                 ("ky_niem_chuong", "person", 1)])
    >>> tally_sentence(counts)
    'giấy khen cho 2 tập thể, 11 cá nhân; kỷ niệm chương cho 1 cá nhân'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from tongket.cycle.messages import CycleError, message, read_csv_rows

FORMS_FILE = "commendation_forms.csv"
RECIPIENTS_FILE = "recipient_kinds.csv"


class RecipientKind(StrEnum):
    COLLECTIVE = "collective"
    PERSON = "person"


class AwardError(CycleError):
    """A commendation the tally refuses; the message is Vietnamese, for users."""


@dataclass(frozen=True)
class CommendationForm:
    code: str  # "giay_khen"
    label: str  # "Giấy khen", at the head of a cell
    sentence_label: str  # "giấy khen", inside a sentence


@dataclass(frozen=True)
class AwardCount:
    form: str
    collectives: int
    persons: int


@cache
def load_forms() -> dict[str, CommendationForm]:
    """The forms by code, in the data file's order."""
    rows = read_csv_rows(FORMS_FILE)
    return {row["code"]: CommendationForm(**row) for row in rows}


@cache
def load_recipient_labels() -> dict[RecipientKind, str]:
    return {RecipientKind(row["code"]): row["label"] for row in read_csv_rows(RECIPIENTS_FILE)}


def find_form(form: str) -> CommendationForm:
    try:
        return load_forms()[form]
    except KeyError:
        raise AwardError(message("awards", "unknown_form", form=form)) from None


def parse_recipient_kind(kind: str) -> RecipientKind:
    try:
        return RecipientKind(kind)
    except ValueError:
        raise AwardError(message("awards", "unknown_recipient", kind=kind)) from None


def form_label(form: str) -> str:
    return find_form(form).label


def commendation_forms() -> tuple[tuple[str, str], ...]:
    """(code, label) pairs in the data file's order, for Django choices."""
    return tuple((form.code, form.label) for form in load_forms().values())


def recipient_kinds() -> tuple[tuple[str, str], ...]:
    """(code, label) pairs, for Django choices."""
    return tuple((kind.value, label) for kind, label in load_recipient_labels().items())


def tally(items: Iterable[tuple[str, str, int]]) -> tuple[AwardCount, ...]:
    """Add up (form, recipient_kind, quantity) per form, in the data file's order.

    Forms with nothing given are left out; a negative quantity is refused.
    """
    totals: dict[str, dict[RecipientKind, int]] = {}
    for form, kind, quantity in items:
        find_form(form)
        recipient = parse_recipient_kind(kind)
        if quantity < 0:
            raise AwardError(message("awards", "negative_quantity", quantity=quantity))
        per_kind = totals.setdefault(form, dict.fromkeys(RecipientKind, 0))
        per_kind[recipient] += quantity
    counts = (
        AwardCount(code, totals[code][RecipientKind.COLLECTIVE], totals[code][RecipientKind.PERSON])
        for code in load_forms()
        if code in totals
    )
    return tuple(count for count in counts if count.collectives or count.persons)


def tally_sentence(counts: Sequence[AwardCount]) -> str:
    """The counts in words, one part per form; "" when nothing was given.

    For example "giấy khen cho 2 tập thể, 11 cá nhân; kỷ niệm chương cho 1 cá nhân".
    """
    labels = load_recipient_labels()
    parts = []
    for count in counts:
        recipients = [
            message("awards", "recipient_part", quantity=quantity, kind=labels[kind])
            for kind, quantity in (
                (RecipientKind.COLLECTIVE, count.collectives),
                (RecipientKind.PERSON, count.persons),
            )
            if quantity
        ]
        if recipients:
            form = find_form(count.form).sentence_label
            joined = ", ".join(recipients)
            parts.append(message("awards", "form_part", form=form, recipients=joined))
    return "; ".join(parts)
