"""Finding people and bodies by name, and recording the titles people held."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from tongket.cycle.bodies import guess_body_kind
from tongket.documents.models import Document
from tongket.people.models import Body, Person, Position
from tongket.units.models import Unit
from tongket.units.text import fold_name

MAX_NAME = 120


def clean_name(name: str) -> str:
    """A person's name with single spaces; refused when empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("Họ và tên không được để trống.")
    if len(cleaned) > MAX_NAME:
        raise ValidationError(f"Họ và tên dài quá {MAX_NAME} ký tự.")
    return cleaned


def person_named(name: str, unit: Unit | None = None) -> Person:
    """The person called `name` (diacritics and case must match once folded), or a new one.

    Where several people share the name, the one who held a title in `unit` is chosen,
    otherwise the first recorded.
    """
    cleaned = clean_name(name)
    folded = fold_name(cleaned)
    candidates = [p for p in Person.objects.filter(name_folded=folded) if p.full_name == cleaned]
    if not candidates:
        return Person.objects.create(full_name=cleaned)
    if unit is not None and len(candidates) > 1:
        local = [p for p in candidates if p.positions.filter(unit=unit).exists()]
        if local:
            return local[0]
    return candidates[0]


def record_position(
    person: Person,
    title: str,
    *,
    unit: Unit | None = None,
    attested_on: dt.date | None = None,
    document: Document | None = None,
) -> Position | None:
    """Note that `person` held `title` (once: the same title on the same day is kept once)."""
    title = " ".join(title.split())
    if not title:
        return None
    existing = person.positions.filter(title=title, unit=unit, attested_on=attested_on).first()
    if existing is not None:
        return existing
    return Position.objects.create(
        person=person, title=title, unit=unit, attested_on=attested_on, document=document
    )


def body_named(unit: Unit, name: str) -> Body:
    """The body `name` of `unit`, created with the kind its name suggests when new."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("Tên cơ quan không được để trống.")
    body = Body.objects.filter(unit=unit, name__iexact=cleaned).first()
    if body is None:
        body = Body.objects.create(unit=unit, name=cleaned, kind=guess_body_kind(cleaned))
    return body
