"""What a commune's figures of each catalogue indicator typically look like, per year.

A profile gives the range of a unit's level at size 1 (a commune of roughly ten thousand
people) in 2021, how it drifts from year to year, and for rates the size of the group the
rate is a share of (households, population, party members…). Money is in đồng. Pure
Python: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tongket.catalogue import IndicatorSpec, UnitClass

BASE_YEAR = 2021
BILLION = 1_000_000_000


class Flow(StrEnum):
    FLOW = "flow"  # accumulates over the year: six months is about half of it
    LEVEL = "level"  # a state at a date: six months is about the same


@dataclass(frozen=True)
class Profile:
    low: float
    high: float
    flow: Flow = Flow.LEVEL
    scales: bool = False  # grows with the unit's size
    growth: float = 1.0  # yearly drift of the level (below 1: falls)
    cap: float | None = None  # a natural ceiling besides the catalogue's max_value
    denominator: tuple[float, float] | None = None  # a rate's group, at size 1

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.high:
            raise ValueError(f"profile range must satisfy 0 <= low <= high: {self}")


HOUSEHOLDS = (1800.0, 3500.0)
POPULATION = (7000.0, 14000.0)
PARTY_MEMBERS = (200.0, 450.0)
DOSSIERS = (1500.0, 5000.0)

PROFILES: dict[str, Profile] = {
    "new_party_members": Profile(5, 15, Flow.FLOW, scales=True),
    "party_members_total": Profile(200, 450, scales=True, growth=1.02),
    "party_members_official": Profile(190, 430, scales=True, growth=1.02),
    "party_members_probationary": Profile(8, 20, scales=True),
    "party_members_good_rate": Profile(85, 92, cap=100, denominator=PARTY_MEMBERS),
    "party_org_good_rate": Profile(80, 95, cap=100, denominator=(15, 30)),
    "party_cells_good": Profile(12, 25, scales=True),
    "party_cells_excellent": Profile(2, 5, scales=True),
    "mass_orgs_strong_rate": Profile(80, 95, cap=100, denominator=(10, 40)),
    "economic_growth": Profile(6, 11),
    "production_value": Profile(200 * BILLION, 900 * BILLION, Flow.FLOW, True, 1.08),
    "state_budget_revenue": Profile(8 * BILLION, 40 * BILLION, Flow.FLOW, True, 1.06),
    "local_budget_revenue": Profile(6 * BILLION, 20 * BILLION, Flow.FLOW, True, 1.05),
    "budget_expenditure": Profile(7 * BILLION, 22 * BILLION, Flow.FLOW, True, 1.05),
    "jobs_created": Profile(150, 400, Flow.FLOW, scales=True),
    "health_insurance_coverage": Profile(88, 95, growth=1.005, denominator=POPULATION),
    "poverty_rate": Profile(1, 6, growth=0.85, denominator=HOUSEHOLDS),
    "poverty_rate_reduction": Profile(0.3, 1.5),
    "poor_households": Profile(30, 150, scales=True, growth=0.85),
    "near_poor_rate": Profile(1.5, 5, growth=0.9, denominator=HOUSEHOLDS),
    "near_poor_households": Profile(40, 160, scales=True, growth=0.9),
    "child_malnutrition_rate": Profile(6, 12, growth=0.95, denominator=(400, 1000)),
    "cultural_families_rate": Profile(85, 94, denominator=HOUSEHOLDS),
    "cultural_areas_rate": Profile(80, 95, denominator=(8, 20)),
    "population_growth_rate": Profile(0.7, 1.2, denominator=POPULATION),
    "school_enrollment_rate": Profile(97, 100, denominator=(800, 2000)),
    "military_recruitment": Profile(8, 20, scales=True),
    "clean_water_rate": Profile(90, 99, growth=1.003, denominator=POPULATION),
    "waste_collection_rate": Profile(80, 98, growth=1.01, denominator=HOUSEHOLDS),
    "civilized_streets": Profile(1, 6, scales=True),
    "infrastructure_works_completed": Profile(2, 8, Flow.FLOW, scales=True),
    "land_clearance_households": Profile(10, 80, Flow.FLOW, scales=True),
    "new_rural_criteria": Profile(15, 19, cap=19),
    "administrative_on_time_rate": Profile(97, 100, denominator=DOSSIERS),
    "online_services_rate": Profile(40, 80, growth=1.1, denominator=DOSSIERS),
    "crime_reduction": Profile(3, 10),
}

# A fallback for an indicator added to the catalogue without a profile of its own.
DEFAULT_PROFILES = {
    UnitClass.PERCENT: Profile(80, 95),
    UnitClass.MONEY: Profile(1 * BILLION, 10 * BILLION, Flow.FLOW, scales=True),
    UnitClass.COUNT: Profile(5, 50, scales=True),
}


def profile_for(spec: IndicatorSpec) -> Profile:
    return PROFILES.get(spec.code, DEFAULT_PROFILES[spec.unit_class])


def ceiling(spec: IndicatorSpec, profile: Profile) -> Decimal | None:
    """The highest figure the indicator can take: its max_value or the profile's cap."""
    caps = [Decimal(str(c)) for c in (profile.cap,) if c is not None]
    if spec.max_value is not None:
        caps.append(spec.max_value)
    return min(caps) if caps else None
