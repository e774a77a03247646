"""Reviewing a document's drafts: listing them, correcting one, accepting them all."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from tongket.documents.models import Document
from tongket.documents.services import (
    accept_all,
    accept_draft,
    document_records,
    edit_draft,
    import_report,
    reject_draft,
)
from tongket.results.models import Result, Revision, State, Target
from tongket.results.scorecards import has_data
from tongket.units.lookup import resolve_unit
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "seeds"
DAP_DA = SEEDS / "000_32902126f4d26a73.txt"
needs_seeds = pytest.mark.skipif(not DAP_DA.exists(), reason="../shared is not beside the checkout")


def dap_da() -> Unit:
    return resolve_unit("phường Đập Đá", 2023, has_data)


def imported() -> Document:
    return import_report(dap_da(), DAP_DA.name, DAP_DA.read_text(encoding="utf-8")).document


def result_of(document: Document, code: str) -> Result:
    return next(r for r in document_records(document)[1] if r.indicator.code == code)


@needs_seeds
def test_document_records_keeps_every_state() -> None:
    document = imported()
    targets, results = document_records(document)
    assert {r.indicator.code for r in results} >= {"economic_growth", "new_party_members"}
    assert [t.indicator.code for t in targets] == ["new_party_members"]
    reject_draft(results[0], reason="Đọc nhầm")
    again = document_records(document)[1]
    assert [r.pk for r in again] == [r.pk for r in results]
    assert again[0].state == State.REJECTED


@needs_seeds
def test_edit_draft_changes_the_figure_and_leaves_a_revision() -> None:
    user = User.objects.get(username="vanphong")
    growth = result_of(imported(), "economic_growth")
    assert edit_draft(growth, user, {"value": Decimal("16.2")}, "Theo báo cáo chính thức")
    growth.refresh_from_db()
    assert (growth.value, growth.state, growth.version) == (Decimal("16.2"), State.DRAFT, 2)
    revision = Revision.objects.get(record_type="result", record_id=growth.pk)
    assert revision.action == Revision.Action.UPDATE
    assert revision.before is not None and revision.after is not None
    assert (revision.before["value"], revision.after["value"]) == ("16.1", "16.2")
    assert (revision.user, revision.reason) == (user, "Theo báo cáo chính thức")


@needs_seeds
def test_edit_draft_without_change_writes_nothing() -> None:
    growth = result_of(imported(), "economic_growth")
    assert not edit_draft(growth, None, {"value": Decimal("16.10")})
    assert not Revision.objects.filter(record_type="result", record_id=growth.pk).exists()


@needs_seeds
def test_edit_draft_refuses_an_impossible_rate_and_keeps_the_draft() -> None:
    water = result_of(imported(), "clean_water_rate")
    with pytest.raises(ValidationError, match="phải nằm trong khoảng"):
        edit_draft(water, None, {"value": Decimal(140)})
    water.refresh_from_db()
    assert (water.value, water.version) == (Decimal("99.6"), 1)


@needs_seeds
def test_edit_draft_refuses_accepted_records_and_unknown_fields() -> None:
    growth = result_of(imported(), "economic_growth")
    with pytest.raises(ValueError, match="amount"):
        edit_draft(growth, None, {"amount": Decimal(1)})
    accept_draft(growth, replace=True)
    with pytest.raises(ValidationError, match="Chỉ sửa được"):
        edit_draft(growth, None, {"value": Decimal(17)})


@needs_seeds
def test_accept_all_is_all_or_nothing() -> None:
    document = imported()
    with pytest.raises(ValidationError, match="Đã có số liệu được duyệt") as caught:
        accept_all(document)
    assert "(năm 2023)" in str(caught.value)
    assert not Result.objects.filter(document=document, state=State.ACCEPTED).exists()
    count = accept_all(document, replace=True)
    targets, results = document_records(document)
    assert count == len(targets) + len(results)
    assert {r.state for r in [*targets, *results]} == {State.ACCEPTED}
    assert Target.objects.filter(unit=dap_da(), year=2023, state=State.ACCEPTED).count() >= 1
