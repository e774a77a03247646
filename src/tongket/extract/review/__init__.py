"""The review reader: what a report article says about the review cycle.

Pure Python (no Django), beside the fact reader `extract_report`: the kind and date of
the event and who chaired it, awards handed out, recommendations and who must act on
them, the Party organisation's figures, and the numbered tasks for the coming year.
"""

from tongket.extract.review.engine import read_review
from tongket.extract.review.model import (
    CommendationReading,
    ConferenceReading,
    DirectionReading,
    PartyReading,
    RecommendationReading,
    ReviewReading,
)

__all__ = [
    "CommendationReading",
    "ConferenceReading",
    "DirectionReading",
    "PartyReading",
    "RecommendationReading",
    "ReviewReading",
    "read_review",
]
