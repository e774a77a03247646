"""Synthetic figures of one unit, indicator and year: deterministic from a seed.

Every draw comes from a BLAKE2 hash of (seed, unit code, indicator, year), so the same
seed gives the same figures in any database, in any order, on any run. A unit's size
comes from (seed, unit code) and an indicator's typical level from (seed, unit code,
indicator), so a unit keeps its scale from year to year and its figures drift gently.

The intended status of a target is drawn first (most met, some exceeded, about one in
eight not met, a few without any result) and the result is made to have it under the
scorecard engine's rules with the indicator's natural comparator. Indicators without a
direction (party members in total, budget spending) get a result and no target. Pure
Python: no Django.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache, lru_cache

from tongket.catalogue import Direction, IndicatorSpec, RollUp, UnitClass, load_indicators
from tongket.synth.profiles import BASE_YEAR, Flow, Profile, ceiling, profile_for

SYNTH_NOTE = "Số liệu tổng hợp ngẫu nhiên để minh họa (tongket synth)"

MISSING_SHARE = 0.03
NOT_MET_SHARE = 0.12
EXCEEDED_SHARE = 0.35  # the rest, about half, is met exactly

HUNDRED = Decimal(100)
MILLION = Decimal(1_000_000)

# Figures made from others of the same unit and year: official = total - probationary.
DERIVED = {"party_members_official": ("party_members_total", "party_members_probationary")}


class Intent(StrEnum):
    EXCEEDED = "vuot"
    MET = "dat"
    NOT_MET = "khong_dat"
    MISSING = "missing"  # a target, or a figure, without any result
    UNTARGETED = "untargeted"  # a result reported without a target


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Figures:
    """What a unit reports for one indicator in one year."""

    indicator: str
    year: int
    intent: Intent
    target: Decimal | None  # None: no target for this indicator
    result: Figure | None  # the whole year; None: missing
    half: Figure | None  # the 6-month estimate; None when the year's result is missing


_UNPACK = struct.Struct(">5Q").unpack
_SCALE = 1 / 2**64


def draws(key: str) -> list[float]:
    """Five uniform numbers in [0, 1) that depend only on `key`."""
    digest = hashlib.blake2b(key.encode(), digest_size=40).digest()
    return [n * _SCALE for n in _UNPACK(digest)]


@lru_cache(maxsize=32768)
def unit_size(seed: int, unit_code: str) -> float:
    """A unit's size relative to a typical commune: 0.5 to 3, log-uniform."""
    return 0.5 * 6 ** draws(f"{seed}|size|{unit_code}")[0]


def has_target(spec: IndicatorSpec) -> bool:
    """Whether a commune sets a target for this indicator (it has a better direction)."""
    return spec.direction is not Direction.NONE


def pick_intent(draw: float) -> Intent:
    if draw < MISSING_SHARE:
        return Intent.MISSING
    if draw < MISSING_SHARE + NOT_MET_SHARE:
        return Intent.NOT_MET
    if draw < MISSING_SHARE + NOT_MET_SHARE + EXCEEDED_SHARE:
        return Intent.EXCEEDED
    return Intent.MET


def typical_level(
    seed: int, unit_code: str, spec: IndicatorSpec, profile: Profile, size: float, year: int
) -> float:
    """The unit's usual level of the indicator in `year`, before the year's jitter."""
    base = profile.low + (profile.high - profile.low) * draws(f"{seed}|{unit_code}|{spec.code}")[0]
    if profile.scales:
        base *= size
    return base * profile.growth ** (year - BASE_YEAR)


def steps(spec: IndicatorSpec, profile: Profile, level: float) -> tuple[Decimal, Decimal]:
    """(target step, result step): targets are round figures, results finer."""
    if spec.unit_class is UnitClass.MONEY:
        digits = len(str(int(max(level, 1))))
        return Decimal(10) ** max(6, digits - 3), MILLION
    if spec.unit_class is UnitClass.COUNT:
        return Decimal(1), Decimal(1)
    if profile.high >= 20:
        return Decimal("0.5"), Decimal("0.1")
    return Decimal("0.1"), Decimal("0.01")


def snap(number: float, step: Decimal) -> Decimal:
    """`number` rounded to a multiple of `step`, as an exact Decimal."""
    return Decimal(round(number / float(step))) * step


def clamp(number: Decimal, top: Decimal | None) -> Decimal:
    number = max(number, Decimal(0))
    return number if top is None else min(number, top)


def result_value(
    intent: Intent,
    direction: Direction,
    target: Decimal,
    draw: float,
    step: Decimal,
    top: Decimal | None,
) -> tuple[Intent, Decimal]:
    """A value that has `intent` against `target` (or MET when the ceiling forbids it)."""
    amount = float(target)
    if intent is Intent.MET:
        return intent, target
    better = direction is Direction.HIGHER
    if intent is Intent.EXCEEDED:
        if better and top is not None:
            room = float(top - target)
            value = min(snap(amount + room * (0.1 + 0.7 * draw), step), top)
        elif better:
            value = snap(amount * (1.01 + 0.19 * draw), step)
        else:
            value = snap(amount * (0.97 - 0.27 * draw), step)
        value = max(value, target + step) if better else min(value, target - step)
    else:
        if better:
            value = min(snap(amount * (0.98 - 0.18 * draw), step), target - step)
        else:
            value = max(snap(amount * (1.03 + 0.27 * draw), step), target + step)
    if value < 0 or (top is not None and value > top):
        return Intent.MET, target
    return intent, value


def rate_parts(
    spec: IndicatorSpec, profile: Profile, size: float, value: Decimal, draw: float
) -> tuple[Decimal | None, Decimal | None]:
    """(numerator, denominator) of a rate, so a superior's rate can be recomputed."""
    if spec.rollup is not RollUp.RATE or profile.denominator is None:
        return None, None
    low, high = profile.denominator
    denominator = max(round((low + (high - low) * draw) * size), 1)
    return Decimal(round(value * denominator / HUNDRED)), Decimal(denominator)


def half_value(
    spec: IndicatorSpec, profile: Profile, value: Decimal, draw: float, step: Decimal
) -> Decimal:
    """The 6-month estimate beside a year's `value`."""
    if profile.flow is Flow.FLOW:
        share = 0.42 + 0.13 * draw
    elif spec.unit_class is UnitClass.PERCENT:
        share = 0.98 + 0.03 * draw
    else:
        share = 0.96 + 0.08 * draw
    return clamp(snap(float(value) * share, step), traits(spec)[1])


@cache
def traits(spec: IndicatorSpec) -> tuple[Profile, Decimal | None]:
    """The indicator's profile and ceiling, worked out once."""
    profile = profile_for(spec)
    return profile, ceiling(spec, profile)


@cache
def catalogue_specs() -> dict[str, IndicatorSpec]:
    return {spec.code: spec for spec in load_indicators()}


def untargeted_values(
    seed: int, unit_code: str, spec: IndicatorSpec, year: int, size: float
) -> tuple[Decimal, Decimal]:
    """(year value, 6-month value) of a figure reported without a target."""
    if spec.code in DERIVED:
        whole, part = (
            untargeted_values(seed, unit_code, catalogue_specs()[code], year, size)
            for code in DERIVED[spec.code]
        )
        return max(whole[0] - part[0], Decimal(0)), max(whole[1] - part[1], Decimal(0))
    profile, top = traits(spec)
    u = draws(f"{seed}|{unit_code}|{spec.code}|{year}")
    level = typical_level(seed, unit_code, spec, profile, size, year) * (0.97 + 0.06 * u[1])
    _, step = steps(spec, profile, level)
    value = clamp(snap(level, step), top)
    return value, half_value(spec, profile, value, u[3], step)


def generate_figures(
    unit_code: str, spec: IndicatorSpec, year: int, seed: int = 0, scale: float = 1.0
) -> Figures:
    """The target, year result and 6-month estimate of `spec` for one unit and year.

    `scale` multiplies the unit's size: today's communes, each made of about three former
    ones, are drawn with scale 3.
    """
    profile, top = traits(spec)
    size = unit_size(seed, unit_code) * scale
    u = draws(f"{seed}|{unit_code}|{spec.code}|{year}")
    if not has_target(spec):
        if u[0] < MISSING_SHARE:
            return Figures(spec.code, year, Intent.MISSING, None, None, None)
        value, half = untargeted_values(seed, unit_code, spec, year, size)
        return Figures(spec.code, year, Intent.UNTARGETED, None, Figure(value), Figure(half))
    level = typical_level(seed, unit_code, spec, profile, size, year) * (0.97 + 0.06 * u[1])
    target_step, step = steps(spec, profile, level)
    target = clamp(max(snap(level, target_step), target_step), top)
    intent = pick_intent(u[0])
    if intent is Intent.MISSING:
        return Figures(spec.code, year, intent, target, None, None)
    intent, value = result_value(intent, spec.direction, target, u[2], step, top)
    half = half_value(spec, profile, value, u[3], step)
    return Figures(
        indicator=spec.code,
        year=year,
        intent=intent,
        target=target,
        result=Figure(value, *rate_parts(spec, profile, size, value, u[4])),
        half=Figure(half, *rate_parts(spec, profile, size, half, u[4])),
    )
