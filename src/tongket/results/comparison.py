"""Comparing the units below a superior for one year, judged in bulk by the scorecard engine.

`units_below` says which units take part; `compare_units` loads their targets and results
in a bounded number of queries, whatever the number of units, and judges every target with
`tongket.scorecard.evaluate_target` exactly as a unit's own scorecard does (the same
conversion helpers): the year's result or its best partial one, last year's figure as the
baseline of a "maintain" target, and for a commune without a result of its own the figure
rolled up from its sub-units. A province has hundreds of communes with some thirty targets
each, so figures are read as plain rows (`TargetFigure`, `ResultFigure`: named tuples,
several times cheaper to build than model instances or frozen dataclasses), and
evaluations, which are pure, are memoised. `comparison_cache` remembers whole comparisons.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import NamedTuple, cast

from django.db.models import Exists, OuterRef, Q

from tongket import scorecard as engine
from tongket.catalogue import RollUp
from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodKind
from tongket.results.models import Result, State, Target
from tongket.results.rollup import decimal_or_none
from tongket.results.scorecards import pick_results, to_engine_result, to_engine_target
from tongket.units.lookup import lineage_predecessor_ids
from tongket.units.models import Level, Unit

DEFAULT_INDICATORS = 6  # shown when none are chosen: the most widely targeted
MAX_INDICATORS = 15
EVALUATION_CACHE = 20_000
HUNDRED = Decimal(100)


class TargetFigure(NamedTuple):
    """The fields of an accepted `Target` that judging and showing it need."""

    unit_id: int
    indicator_id: int
    amount: Decimal | None
    comparator: str
    maintain: bool
    indicator: Indicator


class ResultFigure(NamedTuple):
    """The fields of an accepted `Result` that judging and showing it need."""

    unit_id: int
    indicator_id: int
    year: int
    period_kind: str
    period_number: int
    value: Decimal | None
    percent_of_plan: Decimal | None
    is_estimate: bool
    assessed: str

    @property
    def period(self) -> Period:
        return period_of(self.year, self.period_kind, self.period_number)

    @property
    def is_partial(self) -> bool:
        return self.period_kind != PeriodKind.YEAR.value


@cache
def period_of(year: int, kind: str, number: int) -> Period:
    return Period(year, PeriodKind(kind), number)


@dataclass(frozen=True)
class Cell:
    """One unit × one chosen indicator."""

    indicator: Indicator
    target: TargetFigure | None
    result: ResultFigure | None
    evaluation: engine.Evaluation | None  # None without a target
    rolled_up: engine.RolledUp | None = None  # the sub-units' figure, when no own result

    @property
    def status(self) -> engine.Status | None:
        return None if self.evaluation is None else self.evaluation.status


@dataclass(frozen=True)
class Tally:
    """A unit's targets achieved out of all its targets, as its scorecard counts them (kept
    without the evaluations behind it: a province's comparison judges thousands)."""

    achieved: int
    total: int
    text: str  # "14/15 chỉ tiêu đạt và vượt"

    @classmethod
    def of(cls, evaluations: Iterable[engine.Evaluation]) -> Tally:
        summary = engine.summarize(evaluations)
        return cls(summary.achieved, summary.total, summary.text())


@dataclass(frozen=True)
class UnitComparison:
    """One unit's line: its tally over all its targets, and a cell per chosen indicator."""

    unit: Unit
    tally: Tally
    cells: dict[int, Cell]  # indicator id → cell; absent when the unit has nothing for it
    has_data: bool

    @property
    def share(self) -> Decimal | None:
        """Percent of the unit's targets achieved (met or exceeded); None without targets."""
        if self.tally.total == 0:
            return None
        return Decimal(self.tally.achieved) * HUNDRED / Decimal(self.tally.total)

    def cell(self, indicator: Indicator) -> Cell | None:
        return self.cells.get(indicator.pk)

    def status(self, indicator: Indicator) -> engine.Status | None:
        cell = self.cells.get(indicator.pk)
        return None if cell is None else cell.status


@dataclass(frozen=True)
class Comparison:
    unit: Unit
    year: int
    indicators: tuple[Indicator, ...]  # the chosen ones, in catalogue order
    available: tuple[Indicator, ...]  # every indicator with a target or result among the units
    rows: tuple[UnitComparison, ...]  # by name


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def units_below(unit: Unit, year: int) -> list[Unit]:
    """The units compared under `unit` for `year`: for a province or district its
    commune-level units, for a commune its sub-units, as they were during `year`.

    Reorganisations are followed both ways: the units below `unit` and below every unit
    that became it, and every unit that became one of those (today's province of Gia Lai
    compares, for 2023, the former wards that became its wards, such as phường Đập Đá).
    A unit that ceased during the year is dropped by `compare_units` when it has no
    figures: its successors stand for it.
    """
    if unit.level == Level.SUBUNIT:
        return []
    level = Level.SUBUNIT if unit.level == Level.COMMUNE else Level.COMMUNE
    heads = [unit.pk, *lineage_predecessor_ids([unit.pk])]
    if unit.level == Level.PROVINCE:
        districts = Unit.objects.filter(parent__in=heads, level=Level.DISTRICT)
        heads += list(districts.values_list("pk", flat=True))
    ids = set(Unit.objects.filter(parent__in=heads, level=level).values_list("pk", flat=True))
    ids |= lineage_predecessor_ids(ids)
    start, end = year_span(year)
    units = Unit.objects.valid_during(start, end).filter(pk__in=ids, level=level)
    return sorted(units.select_related("parent"), key=lambda u: (u.name_folded, u.pk))


def compare_units(
    unit: Unit, year: int, codes: Sequence[str] = (), *, limit: int = DEFAULT_INDICATORS
) -> Comparison:
    """The units below `unit` in `year`, each judged on all its targets, with cells for the
    indicators `codes` (by default the `limit` most widely targeted among them)."""
    return build_comparison(unit, year, units_below(unit, year), load_catalogue(), codes, limit)


def load_catalogue() -> dict[int, Indicator]:
    return {i.pk: i for i in Indicator.objects.select_related("group")}


def build_comparison(
    unit: Unit,
    year: int,
    units: list[Unit],
    catalogue: dict[int, Indicator],
    codes: Sequence[str],
    limit: int,
) -> Comparison:
    ids = [u.pk for u in units]
    targets = load_targets(ids, year, catalogue)
    results = load_results(ids, year)
    counts = Counter(t.indicator_id for t in targets)
    counts.update({r.indicator_id: 0 for r in results if r.year == year})
    chosen = choose_indicators(catalogue, counts, codes, limit)
    targets_of: dict[int, list[TargetFigure]] = defaultdict(list)
    for target in targets:
        targets_of[target.unit_id].append(target)
    results_of: dict[int, list[ResultFigure]] = defaultdict(list)
    for result in results:
        results_of[result.unit_id].append(result)
    signatures = {pk: indicator_signature(i) for pk, i in catalogue.items()}
    judged = [judge_unit(u, year, targets_of[u.pk], results_of[u.pk], signatures) for u in units]
    rolled = roll_up_missing(judged, year, catalogue) if may_roll_up(units) else {}
    rows = tuple(
        finish_row(row, chosen, rolled.get(row.unit.pk, {}))
        for row in judged
        if row.has_data or not ceased_during(row.unit, year)
    )
    available = in_catalogue_order(catalogue[pk] for pk in counts)
    return Comparison(unit, year, chosen, available, rows)


def may_roll_up(units: list[Unit]) -> bool:
    """Whether these units may have sub-units to roll up from (commune-level units)."""
    return bool(units) and units[0].level == Level.COMMUNE


def ceased_during(unit: Unit, year: int) -> bool:
    return unit.valid_to is not None and unit.valid_to < dt.date(year, 12, 31)


def load_targets(ids: list[int], year: int, catalogue: dict[int, Indicator]) -> list[TargetFigure]:
    if not ids:
        return []
    rows = Target.objects.filter(unit_id__in=ids, year=year, state=State.ACCEPTED).values_list(
        "unit_id", "indicator_id", "amount", "comparator", "maintain"
    )
    return [TargetFigure(*row, catalogue[row[1]]) for row in rows]


def load_results(ids: list[int], year: int) -> list[ResultFigure]:
    """The year's accepted results (its partial ones only where the whole year has none),
    and last year's where a "maintain" target of the year needs them as its baseline."""
    if not ids:
        return []
    same = {"unit_id": OuterRef("unit_id"), "indicator_id": OuterRef("indicator_id")}
    whole_year = Result.objects.filter(
        **same, year=year, period_kind=PeriodKind.YEAR.value, state=State.ACCEPTED
    )
    maintained = Target.objects.filter(**same, year=year, maintain=True, state=State.ACCEPTED)
    wanted = (
        Q(year=year, period_kind=PeriodKind.YEAR.value)
        | Q(~Exists(whole_year), year=year)
        | Q(Exists(maintained), year=year - 1)
    )
    rows = Result.objects.filter(wanted, unit_id__in=ids, state=State.ACCEPTED).values_list(
        *ResultFigure._fields
    )
    return [ResultFigure(*row) for row in rows]


def in_catalogue_order(indicators: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(sorted(indicators, key=lambda i: (i.group.order, i.order, i.code)))


def choose_indicators(
    catalogue: dict[int, Indicator], counts: Counter[int], codes: Sequence[str], limit: int
) -> tuple[Indicator, ...]:
    """The indicators named by `codes` (unknown ones ignored), else the most targeted."""
    if codes:
        by_code = {i.code: i for i in catalogue.values()}
        named = dict.fromkeys(by_code[c] for c in codes if c in by_code)
        return in_catalogue_order(list(named)[:MAX_INDICATORS])
    targeted = [pk for pk in counts if counts[pk] > 0] or list(counts)
    ranked = sorted(
        targeted, key=lambda pk: (-counts[pk], catalogue[pk].group.order, catalogue[pk].order)
    )
    return in_catalogue_order(catalogue[pk] for pk in ranked[:limit])


def indicator_signature(indicator: Indicator) -> tuple[str, ...]:
    """What of an indicator the engine reads: an edited indicator is judged afresh."""
    return (
        indicator.code,
        indicator.name,
        indicator.group.code,
        indicator.direction,
        indicator.unit_class,
    )


EvaluationKey = tuple[object, ...]
_evaluations: dict[EvaluationKey, engine.Evaluation] = {}


def evaluate(
    signature: tuple[str, ...],
    target: TargetFigure,
    result: ResultFigure | None,
    baseline: Decimal | None,
) -> engine.Evaluation:
    """The engine's verdict on one target, through the scorecard's own conversions (which
    read only the attributes the figures share with the models). Verdicts are pure, so
    they are remembered by what decides them; the memory is emptied when full."""
    figures = (target.amount, target.comparator, target.maintain)
    key = (signature, figures, None if result is None else result[2:], baseline)
    found = _evaluations.get(key)
    if found is None:
        outcome = to_engine_result(cast(Result, result), baseline) if result else None
        found = engine.evaluate_target(to_engine_target(cast(Target, target)), outcome)
        if len(_evaluations) >= EVALUATION_CACHE:
            _evaluations.clear()
        _evaluations[key] = found
    return found


@dataclass(frozen=True)
class Judged:
    """A unit's targets judged on its own results; roll-ups are added afterwards."""

    unit: Unit
    targets: dict[int, TargetFigure]
    results: dict[int, ResultFigure]
    evaluations: dict[int, engine.Evaluation]
    baselines: dict[int, Decimal | None]

    @property
    def has_data(self) -> bool:
        return bool(self.targets or self.results)


def judge_unit(
    unit: Unit,
    year: int,
    targets: list[TargetFigure],
    results: list[ResultFigure],
    signatures: dict[int, tuple[str, ...]],
) -> Judged:
    if not targets and not results:
        return Judged(unit, {}, {}, {}, {})
    this_year = [r for r in results if r.year == year]
    last_year = [r for r in results if r.year != year]
    current = cast(
        dict[int, ResultFigure], pick_results(cast(list[Result], this_year), Period(year))
    )
    previous: dict[int, ResultFigure] = {}
    if last_year:
        previous = cast(
            dict[int, ResultFigure], pick_results(cast(list[Result], last_year), Period(year - 1))
        )
    evaluations: dict[int, engine.Evaluation] = {}
    baselines: dict[int, Decimal | None] = {}
    for target in targets:
        pk = target.indicator_id
        prior = previous.get(pk)
        baselines[pk] = decimal_or_none(prior.value) if prior is not None else None
        evaluations[pk] = evaluate(signatures[pk], target, current.get(pk), baselines[pk])
    return Judged(unit, {t.indicator_id: t for t in targets}, current, evaluations, baselines)


def roll_up_missing(
    judged: list[Judged], year: int, catalogue: dict[int, Indicator]
) -> dict[int, dict[int, engine.RolledUp]]:
    """For targets without a result of their own, the figure rolled up from the unit's
    sub-units (whole-year results of sub-units valid during the year), in one query."""
    missing = {
        (row.unit.pk, pk)
        for row in judged
        for pk in row.targets
        if pk not in row.results and RollUp(catalogue[pk].rollup) is not RollUp.NONE
    }
    if not missing:
        return {}
    start, end = year_span(year)
    sub_units = Unit.objects.valid_during(start, end).filter(
        level=Level.SUBUNIT, parent_id__in={unit for unit, _ in missing}
    )
    figures = Result.objects.filter(
        unit__in=sub_units,
        indicator_id__in={pk for _, pk in missing},
        year=year,
        period_kind=PeriodKind.YEAR.value,
        period_number=0,
        state=State.ACCEPTED,
    ).values_list("unit__parent_id", "indicator_id", "value", "numerator", "denominator")
    parts: dict[tuple[int, int], list[engine.Part]] = defaultdict(list)
    for parent, indicator, value, numerator, denominator in figures:
        if parent is not None and (parent, indicator) in missing:
            figure = [decimal_or_none(n) for n in (value, numerator, denominator)]
            parts[parent, indicator].append(engine.Part(*figure))
    rolled: dict[int, dict[int, engine.RolledUp]] = defaultdict(dict)
    for (unit, indicator), unit_parts in parts.items():
        total = engine.roll_up(RollUp(catalogue[indicator].rollup), unit_parts)
        if total.value is not None:
            rolled[unit][indicator] = total
    return rolled


def finish_row(
    judged: Judged, chosen: tuple[Indicator, ...], rolled: dict[int, engine.RolledUp]
) -> UnitComparison:
    evaluations = dict(judged.evaluations)
    for pk, figure in rolled.items():
        judged_target = to_engine_target(cast(Target, judged.targets[pk]))
        outcome = engine.Result(value=figure.value, baseline=judged.baselines.get(pk))
        evaluations[pk] = engine.evaluate_target(judged_target, outcome)
    cells = {}
    for indicator in chosen:
        pk = indicator.pk
        target, result = judged.targets.get(pk), judged.results.get(pk)
        if target is not None or result is not None:
            cells[pk] = Cell(indicator, target, result, evaluations.get(pk), rolled.get(pk))
    return UnitComparison(judged.unit, Tally.of(evaluations.values()), cells, judged.has_data)
