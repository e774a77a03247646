"""Group the quantities of each clause into facts: one fact per statement.

A statement is a base quantity (an amount, a count, a fraction "X/Y" or a rate)
with the numbers that qualify it: a share of plan ("đạt 398,44% kế hoạch"), a
target ("(kế hoạch 15 tỷ đồng)") or a matching percentage ("8/8 đảng viên, đạt
100%"). The words before the number name the indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tongket.catalogue import UnitClass
from tongket.extract.indicators import indicator_in
from tongket.extract.lexicon import (
    COUNT_CLASS,
    MONEY_CLASS,
    PERCENT_CLASS,
    IndicatorPhrase,
    Lexicon,
)
from tongket.extract.numbers import first_word_after, words_after, words_before
from tongket.extract.quantities import (
    BARE_KIND,
    COUNT_KIND,
    FRACTION_KIND,
    MONEY_KIND,
    PERCENT_KIND,
    Quantity,
)
from tongket.extract.segments import Segments

RATIO_TOLERANCE = Decimal("1.5")
KIND_CLASS = {MONEY_KIND: MONEY_CLASS, COUNT_KIND: COUNT_CLASS}
PLAN_CUE_REACH = 24
CUE_WORDS = 4  # looked at before a number for a cue


@dataclass(slots=True)
class Draft:
    """A fact being assembled from the quantities of one clause."""

    unit_class: UnitClass
    unit: str
    start: int
    end: int
    window: tuple[int, int]
    next_start: int
    value: Decimal | None = None
    target: Decimal | None = None
    percent_of_plan: Decimal | None = None
    comparator: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    from_fraction: bool = False
    waits_for_fraction: bool = False
    indicator: IndicatorPhrase | None = None


@dataclass(frozen=True)
class Text:
    """The normalised text with what the fact builder needs to read it."""

    text: str
    lower: str
    lexicon: Lexicon
    segments: Segments
    # The last CUE_WORDS words before a position, by position: several cues are looked
    # for before the same number.
    words_before: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def ends_with_cue(self, kind: str, pos: int, limit: int = CUE_WORDS) -> bool:
        words = self.words_before.get(pos) if limit <= CUE_WORDS else None
        if words is None:
            chunk = self.lower[max(0, pos - 40) : pos].replace(":", " ").replace("(", " ")
            words = chunk.rsplit(None, max(limit, CUE_WORDS))[-max(limit, CUE_WORDS) :]
            self.words_before[pos] = words[-CUE_WORDS:]
        words = words[-limit:]  # the last `limit` words
        return bool(words) and self.lexicon.cues[kind].ends_with(words) is not None

    def starts_with_cue(self, kind: str, pos: int) -> bool:
        cues = self.lexicon.cue(kind)
        if first_word_after(self.lower, pos) not in cues.forward:
            return False  # no cue phrase starts with the first word
        words = words_after(self.lower, pos, 5)
        return bool(words) and cues.match_at(words, 0) is not None

    def has_cue(self, kind: str, start: int, end: int) -> bool:
        return self.last_cue(kind, start, end) >= 0

    def last_cue(self, kind: str, start: int, end: int) -> int:
        """Position of the last cue phrase of `kind` in lower[start:end], or -1."""
        chunk = self.lower[start:end]
        best = -1
        for phrase in self.lexicon.cue_phrases[kind]:
            pos = chunk.rfind(phrase)
            while pos > best and not _word_bounded(chunk, pos, len(phrase)):
                pos = chunk.rfind(phrase, 0, pos)
            if pos > best:  # (one at or before `best` would not change it)
                best = pos
        return best if best < 0 else start + best


def _word_bounded(chunk: str, pos: int, size: int) -> bool:
    before = chunk[pos - 1 : pos] if pos > 0 else " "
    after = chunk[pos + size : pos + size + 1] or " "
    return not before.isalnum() and not after.isalnum()


def ratio_matches(draft: Draft, percent: Decimal) -> bool:
    if draft.value is None or not draft.target:
        return False
    return abs(draft.value / draft.target * 100 - percent) <= RATIO_TOLERANCE


@dataclass
class ClauseReader:
    """Turns the quantities of one clause into drafts."""

    doc: Text
    clause_start: int
    quantities: list[Quantity]
    clause_end: int
    drafts: list[Draft] = field(default_factory=list)
    window_start: int = 0
    next_start: int = 0

    def read(self) -> list[Draft]:
        self.window_start = self.clause_start
        for index, quantity in enumerate(self.quantities):
            following = self.quantities[index + 1] if index + 1 < len(self.quantities) else None
            self.next_start = following.start if following else self.clause_end
            self.take(quantity, following)
            self.window_start = quantity.end
        return self.drafts

    def take(self, quantity: Quantity, following: Quantity | None) -> None:
        if quantity.kind == PERCENT_KIND:
            self.take_percent(quantity, following)
        elif quantity.kind == FRACTION_KIND:
            self.take_fraction(quantity)
        elif quantity.kind in (MONEY_KIND, COUNT_KIND):
            if not self.attach_target(quantity):
                unit_class = MONEY_CLASS if quantity.kind == MONEY_KIND else COUNT_CLASS
                self.new_draft(quantity, unit_class, quantity.unit, value=quantity.value)
        elif quantity.kind == BARE_KIND:
            self.take_bare(quantity)

    def new_draft(
        self, quantity: Quantity, unit_class: UnitClass, unit: str, **values: object
    ) -> Draft:
        draft = Draft(
            unit_class,
            unit,
            quantity.start,
            quantity.end,
            (self.window_start, quantity.start),
            self.next_start,
            comparator=quantity.comparator,
            spans=[(quantity.start, quantity.end)],
        )
        for name, value in values.items():
            setattr(draft, name, value)
        self.drafts.append(draft)
        return draft

    def attach(self, draft: Draft, quantity: Quantity) -> None:
        draft.spans.append((quantity.start, quantity.end))
        draft.end = quantity.end

    def attach_target(self, quantity: Quantity) -> bool:
        """ "(kế hoạch 15 tỷ đồng)" after a result: the result's target."""
        last = self.drafts[-1] if self.drafts else None
        unit_class = KIND_CLASS.get(quantity.kind, PERCENT_CLASS)
        if last is None or last.unit_class != unit_class or last.target is not None:
            return False
        if last.value is None or not self.doc.ends_with_cue("target_ref", quantity.start, 3):
            return False
        last.target = quantity.value
        self.attach(last, quantity)
        return True

    def take_percent(self, quantity: Quantity, following: Quantity | None) -> None:
        doc, percent = self.doc, quantity.value
        last = self.drafts[-1] if self.drafts else None
        if self.attach_target(quantity):
            return
        if (
            last
            and last.from_fraction
            and last.percent_of_plan is None
            and ratio_matches(last, percent)
        ):
            last.percent_of_plan = percent
            self.attach(last, quantity)
            return
        plan = doc.starts_with_cue("plan_word", quantity.end)
        change = doc.ends_with_cue("change_word", quantity.start, 3) or doc.starts_with_cue(
            "change_word", quantity.end
        )
        achieve = doc.ends_with_cue("achieve_verb", quantity.start, 3)
        rate = doc.has_cue("rate_word", self.window_start, quantity.start)
        if following is not None and following.kind == FRACTION_KIND and not change:
            fraction = Draft(
                COUNT_CLASS, "", 0, 0, (0, 0), 0, following.value, following.denominator
            )
            if ratio_matches(fraction, percent):
                self.new_draft(
                    quantity, COUNT_CLASS, "", percent_of_plan=percent, waits_for_fraction=True
                )
                return
        if (plan or achieve) and not change and not rate and self.qualifies_last(last, quantity):
            assert last is not None
            last.percent_of_plan = percent
            self.attach(last, quantity)
            return
        if (plan or achieve) and not change and not rate:
            indicator = self.indicator_before(quantity)
            if plan or (indicator and indicator.unit_class != PERCENT_CLASS):
                unit_class = indicator.unit_class if indicator else COUNT_CLASS
                if unit_class != PERCENT_CLASS:
                    unit = indicator.unit if indicator else ""
                    self.new_draft(
                        quantity, unit_class, unit, percent_of_plan=percent, indicator=indicator
                    )
                    return
        self.new_draft(quantity, PERCENT_CLASS, "%", value=percent)

    def qualifies_last(self, last: Draft | None, quantity: Quantity) -> bool:
        """Whether a share of plan belongs to the amount just before it.

        Not when another indicator is named in between ("thu ngân sách 12 tỷ đồng,
        chi ngân sách đạt 95%").
        """
        if last is None or last.unit_class == PERCENT_CLASS or last.percent_of_plan is not None:
            return False
        if last.value is None or quantity.start - last.end > 60:
            return False
        lexicon, lower = self.doc.lexicon, self.doc.lower
        between = indicator_in(lexicon, lower, [(last.end, quantity.start, True)], None, "")
        if between is None or not between.code:
            return True
        own = indicator_in(lexicon, lower, [(last.window[0], last.end, True)], None, "")
        return own is None or not own.code or own.code == between.code

    def indicator_before(self, quantity: Quantity) -> IndicatorPhrase | None:
        window = [
            (self.window_start, quantity.start, True),
            (self.clause_start, quantity.start, True),
        ]
        return indicator_in(self.doc.lexicon, self.doc.lower, window, None, "")

    def take_fraction(self, quantity: Quantity) -> None:
        last = self.drafts[-1] if self.drafts else None
        if last and last.waits_for_fraction and last.value is None:
            last.value, last.target = quantity.value, quantity.denominator
            last.unit = quantity.unit or last.unit
            last.waits_for_fraction = False
            last.from_fraction = True
            self.attach(last, quantity)
            return
        self.new_draft(
            quantity,
            COUNT_CLASS,
            quantity.unit,
            value=quantity.value,
            target=quantity.denominator,
            from_fraction=True,
        )

    def take_bare(self, quantity: Quantity) -> None:
        """A bare number counts only right after a count indicator ("tổng số đảng viên: 312")."""
        chunk = self.doc.lower[max(0, quantity.start - 60) : quantity.start].replace(":", " ")
        words = words_before(chunk, len(chunk), 8)
        while words and words[-1] in ("là", "đạt", "có", "được", "gồm"):
            words.pop()
        if not words:
            return
        phrase = self.doc.lexicon.indicator_words.ends_with(words)
        if phrase is None:
            return
        for entry in self.doc.lexicon.indicator_phrases[phrase]:
            if entry.unit_class == COUNT_CLASS and entry.code:
                self.new_draft(
                    quantity, COUNT_CLASS, entry.unit, value=quantity.value, indicator=entry
                )
                return


def read_clauses(doc: Text, quantities: list[Quantity]) -> list[Draft]:
    """Drafts of every clause, in text order."""
    drafts: list[Draft] = []
    group: list[Quantity] = []
    group_index = -1
    for quantity in quantities:
        index = doc.segments.clause_index(quantity.start)
        if index != group_index and group:
            drafts.extend(_read_group(doc, group))
            group = []
        group_index = index
        group.append(quantity)
    if group:
        drafts.extend(_read_group(doc, group))
    return drafts


def _read_group(doc: Text, group: list[Quantity]) -> list[Draft]:
    start, end = doc.segments.clause(group[0].start)
    return ClauseReader(doc, start, group, end).read()
