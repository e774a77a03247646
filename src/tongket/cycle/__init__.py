"""The rules of the year-end review cycle: ratings, recommendations, awards, meetings.

Pure Python; it never imports Django (the web layer calls it). Each module keeps one
topic: `ratings` (grades, the regulations by year, the excellent share), `workflow`
(the statuses of a recommendation and its deadline), `awards` (commendations counted
by form) and `conferences` (kinds of meetings). The Vietnamese words live in `data/`.

    >>> from decimal import Decimal
    >>> rules = rules_for_year(2025)
    >>> check_rating(rules, "httnv", Decimal("92"), "quarter")  # 92 points, other conditions failed
    >>> try:
    ...     check_rating(rules, "htxsnv", Decimal("75"), "year")
    ... except RatingError as error:
    ...     print(error.message[:45])
    Theo Quy định 366-QĐ/TW, 75 điểm chỉ được xếp
    >>> counts = count_grades(["htxsnv"] * 2 + ["httnv"] * 11)
    >>> counts.good_or_better, max_excellent(rules, ["htxsnv"] * 2 + ["httnv"] * 11)
    (13, 2)
"""

from tongket.cycle.awards import (
    AwardCount,
    AwardError,
    RecipientKind,
    commendation_forms,
    form_label,
    recipient_kinds,
    tally,
    tally_sentence,
)
from tongket.cycle.conferences import (
    ConferenceError,
    conference_kind_label,
    conference_kinds,
    time_of_day_label,
    times_of_day,
)
from tongket.cycle.messages import CycleError
from tongket.cycle.ratings import (
    GRADES_BEST_FIRST,
    Grade,
    GradeCounts,
    RatingError,
    RatingRules,
    ScoreBand,
    all_rules,
    check_excellent_share,
    check_rating,
    count_grades,
    grade_abbreviation,
    grade_choices,
    grade_label,
    highest_grade_for_score,
    max_excellent,
    party_summary_sentence,
    rules_for_year,
)
from tongket.cycle.workflow import (
    OVERDUE_LABEL,
    STATUS_FLOW,
    Status,
    WorkflowError,
    allowed_next,
    check_deadline,
    check_transition,
    days_overdue,
    is_overdue,
    status_choices,
    status_label,
)

__all__ = [
    "GRADES_BEST_FIRST",
    "OVERDUE_LABEL",
    "STATUS_FLOW",
    "AwardCount",
    "AwardError",
    "ConferenceError",
    "CycleError",
    "Grade",
    "GradeCounts",
    "RatingError",
    "RatingRules",
    "RecipientKind",
    "ScoreBand",
    "Status",
    "WorkflowError",
    "all_rules",
    "allowed_next",
    "check_deadline",
    "check_excellent_share",
    "check_rating",
    "check_transition",
    "commendation_forms",
    "conference_kind_label",
    "conference_kinds",
    "count_grades",
    "days_overdue",
    "form_label",
    "grade_abbreviation",
    "grade_choices",
    "grade_label",
    "highest_grade_for_score",
    "is_overdue",
    "max_excellent",
    "party_summary_sentence",
    "recipient_kinds",
    "rules_for_year",
    "status_choices",
    "status_label",
    "tally",
    "tally_sentence",
    "time_of_day_label",
    "times_of_day",
]
