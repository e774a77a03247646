"""The reader's output: frozen dataclasses whose `to_dict()` is the spec's JSON object.

See /work/shared/spec/extraction.md (the output contract).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Span = tuple[int, int]


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as the plainest JSON number: an int when it is whole."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True)
class UnitName:
    kind: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name}


@dataclass(frozen=True)
class EventDate:
    day: int
    month: int
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"day": self.day, "month": self.month, "year": self.year}


@dataclass(frozen=True)
class Summary:
    achieved: int
    total: int
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"achieved": self.achieved, "total": self.total, "span": list(self.span)}


@dataclass(frozen=True)
class Fact:
    label: str
    code: str | None
    value: Decimal | None
    unit: str
    unit_class: str
    target: Decimal | None = None
    percent_of_plan: Decimal | None = None
    comparator: str | None = None
    kind: str = "result"
    year: int | None = None
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "code": self.code,
            "value": json_number(self.value),
            "unit": self.unit,
            "unit_class": self.unit_class,
            "target": json_number(self.target),
            "percent_of_plan": json_number(self.percent_of_plan),
            "comparator": self.comparator,
            "kind": self.kind,
            "year": self.year,
            "spans": [list(span) for span in self.spans],
        }


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "roles": list(self.roles)}


@dataclass(frozen=True)
class Report:
    unit: UnitName = field(default_factory=UnitName)
    year: int | None = None
    event_date: EventDate | None = None
    summaries: tuple[Summary, ...] = ()
    facts: tuple[Fact, ...] = ()
    people: tuple[Person, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit.to_dict(),
            "year": self.year,
            "event_date": self.event_date.to_dict() if self.event_date else None,
            "summaries": [summary.to_dict() for summary in self.summaries],
            "facts": [fact.to_dict() for fact in self.facts],
            "people": [person.to_dict() for person in self.people],
        }
