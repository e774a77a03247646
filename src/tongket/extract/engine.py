"""`extract_report`: the text of a report in, a `Report` out."""

from __future__ import annotations

from dataclasses import replace

from tongket.extract.facts import Text, read_clauses
from tongket.extract.header import find_event_date, find_unit, find_year
from tongket.extract.lexicon import load_lexicon
from tongket.extract.model import Fact, Report, Summary
from tongket.extract.normalize import OffsetMap, normalize_text
from tongket.extract.people import find_people
from tongket.extract.quantities import SUMMARY_KIND, scan_quantities
from tongket.extract.segments import Segments
from tongket.extract.statements import finish_drafts
from tongket.extract.summaries import find_summaries


def extract_report(text: str) -> Report:
    """Read one report. Spans in the result are offsets into `text` as given."""
    lexicon = load_lexicon()
    normal = normalize_text(text)
    segments = Segments.of(normal.text, normal.lower, lexicon)
    doc = Text(normal.text, normal.lower, lexicon, segments)
    quantities = [
        q
        for q in scan_quantities(normal.text, normal.lower, lexicon)
        if not segments.is_furniture(q.start)
    ]
    year = find_year(normal.lower, lexicon)
    summaries = find_summaries(normal.lower, quantities, segments, lexicon)
    drafts = read_clauses(doc, [q for q in quantities if q.kind != SUMMARY_KIND])
    facts = finish_drafts(doc, drafts, year)
    return Report(
        unit=find_unit(normal.text, normal.lower, lexicon),
        year=year,
        event_date=find_event_date(normal.text, normal.lower, lexicon, segments),
        summaries=tuple(
            Summary(achieved, total, normal.offsets.span(*span))
            for achieved, total, span in summaries
        ),
        facts=tuple(_map_spans(fact, normal.offsets) for fact in facts),
        people=find_people(normal.text, normal.lower, lexicon),
    )


def _map_spans(fact: Fact, offsets: OffsetMap) -> Fact:
    if not offsets.pieces:
        return fact
    return replace(fact, spans=tuple(offsets.span(start, end) for start, end in fact.spans))
