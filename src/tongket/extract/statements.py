"""Finish drafts into facts: indicator, label, kind (result or target), year, filters."""

from __future__ import annotations

from dataclasses import dataclass

from tongket.extract.facts import Draft, Text
from tongket.extract.indicators import indicator_in
from tongket.extract.lexicon import COUNT_CLASS, PERCENT_CLASS, IndicatorPhrase
from tongket.extract.lookups import lookups_of
from tongket.extract.model import Fact

LABEL_WORDS = 12
LABEL_TRIM = " ,;:.-–()\"“”'"
AREA_UNITS = ("ha", "m2", "km2")


@dataclass(frozen=True)
class Finisher:
    doc: Text
    reviewed_year: int | None

    def finish(self, draft: Draft) -> Fact | None:
        indicator = draft.indicator or self.find_indicator(draft)
        if self.is_noise(draft, indicator):
            return None
        unit_class, unit = draft.unit_class, draft.unit
        if indicator is not None and draft.value is None and unit_class != PERCENT_CLASS:
            unit_class, unit = indicator.unit_class, indicator.unit
        if not unit:
            unit = indicator.unit if indicator and indicator.unit_class == unit_class else ""
        value, target, kind, year = draft.value, draft.target, "result", None
        if self.is_target(draft.start):
            kind, year = "target", self.target_year(draft.start)
            if value is not None:
                target, value = value, None
        return Fact(
            label=self.label(draft, indicator),
            code=indicator.code if indicator else None,
            value=value,
            unit=unit,
            unit_class=str(unit_class),
            target=target,
            percent_of_plan=draft.percent_of_plan,
            comparator=draft.comparator or self.label_comparator(draft),
            kind=kind,
            year=year,
            spans=tuple(draft.spans),
        )

    def find_indicator(self, draft: Draft) -> IndicatorPhrase | None:
        clause_start, clause_end = self.doc.segments.clause(draft.start)
        after_end = self.after_end(draft.end, min(clause_end, draft.next_start))
        windows = [
            (self.label_start(draft), draft.window[1], True),
            (draft.spans[0][0], after_end, False),
            (draft.window[0], draft.window[1], True),
            (clause_start, draft.start, True),
            (self.doc.segments.sentence(draft.start)[0], draft.start, True),
        ]
        unit = draft.unit if draft.value is not None else ""
        class_filter = draft.unit_class if draft.value is not None else None
        return indicator_in(self.doc.lexicon, self.doc.lower, windows, class_filter, unit)

    def label_start(self, draft: Draft) -> int:
        """Where the label of a draft starts: after the last "(" or "," before its number."""
        start, end = draft.window
        cut = max(self.doc.lower.rfind("(", start, end), self.doc.lower.rfind(",", start, end))
        return start if cut < 0 else cut + 1

    def after_end(self, pos: int, clause_end: int) -> int:
        comma = self.doc.lower.find(",", pos, clause_end)
        return clause_end if comma < 0 else comma

    def is_noise(self, draft: Draft, indicator: IndicatorPhrase | None) -> bool:
        """Meeting logistics and the size of a project are not facts."""
        doc = self.doc
        if draft.unit_class == COUNT_CLASS and (indicator is None or not indicator.code):
            start, end = doc.segments.sentence(draft.start)
            if doc.has_cue("logistics", start, end):
                return True
        if draft.unit in AREA_UNITS:
            start, end = draft.window
            if doc.has_cue("project_noun", start, end) and not doc.has_cue(
                "result_verb", start, end
            ):
                return True
        return draft.value is None and draft.percent_of_plan is None

    def is_target(self, pos: int) -> bool:
        doc = self.doc
        start = doc.segments.sentence(pos)[0]
        cue = doc.last_cue("target_cue", start, pos)
        lookups = lookups_of(doc.lexicon)
        if self.reviewed_year is not None and doc.lower.find(lookups.year_word, start, pos) >= 0:
            for match in lookups.plan_year.finditer(doc.lower, start, pos):
                if int(match.group(1)) > self.reviewed_year:
                    cue = max(cue, match.start())
        if cue < 0:
            return False
        return doc.last_cue("review_year", cue, pos) < 0

    def target_year(self, pos: int) -> int | None:
        start, end = self.doc.segments.sentence(pos)
        year = lookups_of(self.doc.lexicon).year
        before = [int(m.group(1)) for m in year.finditer(self.doc.lower, start, pos)]
        if before:
            return before[-1]
        after = year.search(self.doc.lower, pos, end)
        if after:
            return int(after.group(1))
        return self.reviewed_year + 1 if self.reviewed_year is not None else None

    def label_comparator(self, draft: Draft) -> str | None:
        table = self.doc.lexicon.comparators.get("label", {})
        start, end = draft.window
        for phrase, comparator in table.items():
            if self.doc.lower.find(" ".join(phrase), start, end) >= 0:
                return comparator
        return None

    def label(self, draft: Draft, indicator: IndicatorPhrase | None) -> str:
        text = self.doc.text
        start, end = self.label_start(draft), draft.window[1]
        words = text[start:end].split()
        label = " ".join(words[-LABEL_WORDS:]).strip(LABEL_TRIM)
        label = self.trim_verbs(label)
        if not label:
            clause_end = self.doc.segments.clause(draft.end)[1]
            after = text[draft.end : self.after_end(draft.end, clause_end)].split()
            label = " ".join([draft.unit, *after[:LABEL_WORDS]]).strip(LABEL_TRIM)
        if not label and indicator is not None:
            label = " ".join(indicator.words)
        return label

    def trim_verbs(self, label: str) -> str:
        words = label.split()
        cues = self.doc.lexicon.cue("achieve_verb")
        while words:
            ending = cues.ends_with([w.lower() for w in words[-cues.longest :]])
            if ending is None:
                break
            words = words[: -len(ending)]
        return " ".join(words).strip(LABEL_TRIM)


def finish_drafts(doc: Text, drafts: list[Draft], reviewed_year: int | None) -> list[Fact]:
    finisher = Finisher(doc, reviewed_year)
    facts = [finisher.finish(draft) for draft in drafts]
    return [fact for fact in facts if fact is not None]
