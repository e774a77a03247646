"""Judge one result against one target.

Rules, in the order they are tried:

1. No result → NO_DATA.
2. A number decides when there is one of, in this order:
   a. a value and a target amount: the value is compared with the amount (below);
   b. a maintain target without an amount, a value and a baseline: the value is
      compared with the baseline (below);
   c. a percent of plan ("đạt 110% kế hoạch"): compared with 100 (below).
   A value with no amount to compare with (a qualitative target, or a maintain target
   without a baseline) decides nothing.
3. If no number decides, a person's `assessed` status is the verdict; if there is none
   either, NO_DATA. If a number decides and `assessed` disagrees with it (achieved vs not
   achieved), the number wins and the reason notes the disagreement.

Comparing a value with an amount. The comparator (the target's, or the natural one for
its direction: higher ≥, lower ≤, none =) decides; the direction only picks the natural
comparator and the achievement formula.
- Non-strict ≥ / ≤: a value that strictly beats the amount (above for ≥, below for ≤)
  is EXCEEDED, an equal one MET, any other NOT_MET. 165 against ≥ 160 is EXCEEDED.
- Strict > / <: a value that beats the amount is MET ("dưới 5%" = < 5 is met by 4,2),
  any other NOT_MET. A strict target is never EXCEEDED: beating it is what it asks.
- =: equal is MET, anything else NOT_MET.
The rule is symmetric: flipping the direction, mirroring the comparator (≥ ↔ ≤, > ↔ <)
and negating the figures gives the same status. A decrease stated as its own indicator
("giảm tỷ lệ hộ nghèo 1%", poverty_rate_reduction, higher is better) is an ordinary
higher target: a fall of 1,2 points against 1 is EXCEEDED.

Maintain targets ("duy trì"). With an amount they are judged exactly like other targets.
Without one, the value is compared with the baseline by the same comparator, but the best
verdict is MET: keeping (or bettering) the previous level is what "maintain" asks.
Without a baseline the value decides nothing (rule 3 applies).

Percent of plan. It is always the share of the plan achieved, whatever the direction:
above 100 is good for a lower-is-better target too. It is compared with 100 by the
comparator's kind: non-strict (≥ or ≤) → >100 EXCEEDED, 100 MET, <100 NOT_MET; strict
(> or <) → >100 MET, otherwise NOT_MET; = → 100 MET, otherwise NOT_MET. It decides only
when the value cannot (no value, or nothing to compare it with); a maintain target judged
on its percent of plan is judged like any other, so it can be EXCEEDED.

Achievement (percent of plan achieved). value / amount × 100 for higher and none targets,
amount / value × 100 for lower targets, when both figures are present, the dividend is not
negative and the divisor is positive; otherwise (a zero divisor: lower with value 0, higher
with amount 0; negative figures) it falls back to the stated percent of plan, else None.
It is exact to Decimal's precision, with trailing zeros stripped (165/160 → 103.125); round
it when you print or store it.

The estimate flag ("ước") is copied to the evaluation and noted in the reason.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from tongket.catalogue import Direction, UnitClass
from tongket.scorecard.messages import message
from tongket.scorecard.model import Comparator, Evaluation, Result, Status, Target
from tongket.scorecard.numbers import format_number, strip_trailing_zeros

HUNDRED = Decimal(100)
REASON_DECIMALS = 4  # enough that a printed comparison never shows "5 < 5"


class Verdict(NamedTuple):
    status: Status
    reason: str


def evaluate_target(target: Target, result: Result | None) -> Evaluation:
    """Judge `result` against `target`; see the module docstring for the rules."""
    if result is None:
        return Evaluation(target, None, Status.NO_DATA, None, False, message("no_result"))
    verdict = judge_by_numbers(target, result)
    assessed = result.assessed
    if verdict is None:
        verdict = judge_without_numbers(target, result)
    elif assessed is not None and contradicts(assessed, verdict.status):
        reason = message("contradiction", reason=verdict.reason, assessed=assessed.label)
        verdict = Verdict(verdict.status, reason)
    reason = verdict.reason
    if result.is_estimate and verdict.status is not Status.NO_DATA:
        reason = message("estimate", reason=reason)
    return Evaluation(
        target=target,
        result=result,
        status=verdict.status,
        achievement=compute_achievement(target, result),
        is_estimate=result.is_estimate,
        reason=reason,
    )


def compare(value: Decimal, amount: Decimal, comparator: Comparator) -> Status:
    """The status of `value` against a target `comparator amount`, e.g. 16,1 against ≥ 15."""
    if comparator is Comparator.EQ:
        return Status.MET if value == amount else Status.NOT_MET
    beats = value > amount if comparator in (Comparator.GE, Comparator.GT) else value < amount
    if beats:
        return Status.MET if comparator.is_strict else Status.EXCEEDED
    if value == amount and not comparator.is_strict:
        return Status.MET
    return Status.NOT_MET


def judge_by_numbers(target: Target, result: Result) -> Verdict | None:
    """The verdict of the figures, or None when no number decides."""
    comparator = target.effective_comparator
    if result.value is not None and target.amount is not None:
        return judge_value(target, result.value, target.amount, comparator)
    if target.maintain and result.value is not None and result.baseline is not None:
        return judge_maintained(target, result.value, result.baseline, comparator)
    if result.percent_of_plan is not None:
        return judge_percent_of_plan(result.percent_of_plan, comparator)
    return None


def judge_value(target: Target, value: Decimal, amount: Decimal, comparator: Comparator) -> Verdict:
    status = compare(value, amount, comparator)
    shown_value = show(target, value)
    shown_amount = show(target, amount)
    if status.is_achieved:
        reason = message(
            "compared", value=shown_value, symbol=comparator.symbol, amount=shown_amount
        )
    else:
        reason = message(
            "compared_failed",
            value=shown_value,
            relation=relation(value, amount),
            symbol=comparator.symbol,
            amount=shown_amount,
        )
    return Verdict(status, reason)


def judge_maintained(
    target: Target, value: Decimal, baseline: Decimal, comparator: Comparator
) -> Verdict:
    status = compare(value, baseline, comparator)
    shown_value = show(target, value)
    shown_baseline = show(target, baseline)
    if status.is_achieved:
        reason = message(
            "maintained", value=shown_value, symbol=comparator.symbol, baseline=shown_baseline
        )
        return Verdict(Status.MET, reason)
    reason = message(
        "not_maintained",
        value=shown_value,
        relation=relation(value, baseline),
        baseline=shown_baseline,
    )
    return Verdict(Status.NOT_MET, reason)


def judge_percent_of_plan(percent: Decimal, comparator: Comparator) -> Verdict:
    """Judge a share of the plan achieved: above 100 is good in every direction."""
    if comparator is Comparator.EQ:
        share_comparator = Comparator.EQ
    elif comparator.is_strict:
        share_comparator = Comparator.GT
    else:
        share_comparator = Comparator.GE
    status = compare(percent, HUNDRED, share_comparator)
    return Verdict(status, message("percent_of_plan", percent=format_number(percent)))


def judge_without_numbers(target: Target, result: Result) -> Verdict:
    if result.assessed is not None:
        return Verdict(result.assessed, message("assessed", status=result.assessed.label))
    if result.value is None:
        return Verdict(Status.NO_DATA, message("no_result"))
    shown_value = show(target, result.value)
    if target.maintain and target.amount is None:
        return Verdict(Status.NO_DATA, message("maintain_without_baseline", value=shown_value))
    return Verdict(Status.NO_DATA, message("value_without_amount", value=shown_value))


def contradicts(assessed: Status, status: Status) -> bool:
    """Whether a person's judgement disagrees with the figures on achieved vs not achieved."""
    if assessed is Status.NO_DATA:
        return False
    return assessed.is_achieved != status.is_achieved


def compute_achievement(target: Target, result: Result) -> Decimal | None:
    """Percent of plan achieved: computed from the figures when possible, else as stated."""
    computed = None
    if result.value is not None and target.amount is not None:
        if target.direction is Direction.LOWER:
            computed = percent_ratio(target.amount, result.value)
        else:
            computed = percent_ratio(result.value, target.amount)
    return computed if computed is not None else result.percent_of_plan


def percent_ratio(dividend: Decimal, divisor: Decimal) -> Decimal | None:
    """dividend / divisor × 100, or None for a zero divisor or negative figures."""
    if dividend < 0 or divisor <= 0:
        return None
    return strip_trailing_zeros(dividend * HUNDRED / divisor)


def relation(left: Decimal, right: Decimal) -> str:
    if left > right:
        return ">"
    return "<" if left < right else "="


def show(target: Target, number: Decimal) -> str:
    """A figure as the reason prints it: "16,1%" for a percent, "124.857" otherwise."""
    text = format_number(number, REASON_DECIMALS)
    return f"{text}%" if target.unit_class is UnitClass.PERCENT else text
