"""`read_review`: the review-cycle content of a report article."""

from __future__ import annotations

from tongket.extract.engine import extract_report
from tongket.extract.model import Report
from tongket.extract.review.commendations import read_commendations
from tongket.extract.review.conference import read_conference
from tongket.extract.review.directions import read_directions
from tongket.extract.review.document import Document
from tongket.extract.review.model import ReviewReading
from tongket.extract.review.party import read_party
from tongket.extract.review.recommendations import read_recommendations


def read_review(text: str, report: Report | None = None) -> ReviewReading:
    """Read the event, awards, recommendations, Party figures and next year's tasks.

    `report` is `extract_report(text)` when the caller has it already. Spans in the
    result are offsets into `text` as given.
    """
    if report is None:
        report = extract_report(text)
    doc = Document.of(text)
    return ReviewReading(
        conference=read_conference(doc, report),
        commendations=read_commendations(doc),
        recommendations=read_recommendations(doc),
        party=read_party(doc),
        directions=read_directions(doc, report.year),
    )
