"""The scorecard engine: targets and results → statuses, summaries and roll-ups.

Pure Python; it never imports Django (the web layer calls it). The rules live in the
docstrings of `evaluate` (one target), `summary` (counting) and `rollup` (subordinate
units' figures); the Vietnamese words it writes live in `data/`.

    >>> from decimal import Decimal
    >>> from tongket.catalogue import Direction, UnitClass
    >>> target = Target("economic_growth", "Tốc độ tăng trưởng kinh tế", "economy",
    ...                 Direction.HIGHER, UnitClass.PERCENT, Decimal("15"))
    >>> evaluation = evaluate_target(target, Result(value=Decimal("16.1")))
    >>> evaluation.status.label, evaluation.reason
    ('vượt', '16,1% ≥ 15%')
"""

from tongket.scorecard.evaluate import evaluate_target
from tongket.scorecard.model import (
    Comparator,
    Evaluation,
    Result,
    Status,
    Target,
    natural_comparator,
)
from tongket.scorecard.numbers import format_number
from tongket.scorecard.rollup import Part, RolledUp, roll_up
from tongket.scorecard.summary import Summary, summarize

__all__ = [
    "Comparator",
    "Evaluation",
    "Part",
    "Result",
    "RolledUp",
    "Status",
    "Summary",
    "Target",
    "evaluate_target",
    "format_number",
    "natural_comparator",
    "roll_up",
    "summarize",
]
