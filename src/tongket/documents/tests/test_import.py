"""Importing a report creates drafts with provenance; people accept or reject them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from tongket.documents.models import Document
from tongket.documents.services import accept_draft, drafts, import_report, reject_draft
from tongket.periods import Period
from tongket.results.models import Result, Revision, State, Target
from tongket.results.scorecards import build_scorecard, has_data
from tongket.units.lookup import resolve_unit

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "seeds"
TAY_SON = SEEDS / "001_9ccd0a3510ad4263.txt"
needs_seeds = pytest.mark.skipif(
    not TAY_SON.exists(), reason="../shared is not beside the checkout"
)


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@needs_seeds
def test_import_creates_drafts_with_spans_into_the_text() -> None:
    ward = resolve_unit("phường Tây Sơn", 2023, has_data)
    text = TAY_SON.read_text(encoding="utf-8")
    outcome = import_report(ward, TAY_SON.name, text)
    assert outcome.document.year == 2023
    assert outcome.results >= 8
    _, results = drafts(ward)
    budget = next(r for r in results if r.indicator.code == "state_budget_revenue")
    assert budget.value == 124857000000
    assert [text[a:b] for a, b in budget.spans] == ["124.857 triệu đồng", "398,44%"]
    assert budget.document == outcome.document
    # nothing is final yet: the scorecard still shows only the accepted figures
    card = build_scorecard(ward, Period(2023))
    assert card.summary.text() == "11/11 chỉ tiêu đạt và vượt"


@needs_seeds
def test_report_about_another_unit_is_refused() -> None:
    dap_da = resolve_unit("phường Đập Đá", 2023, has_data)
    with pytest.raises(ValidationError, match="Văn bản nói về phường Tây Sơn"):
        import_report(dap_da, TAY_SON.name, TAY_SON.read_text(encoding="utf-8"))
    assert not Document.objects.filter(unit=dap_da).exists()


@needs_seeds
def test_same_document_twice_is_refused() -> None:
    ward = resolve_unit("phường Tây Sơn", 2023, has_data)
    text = TAY_SON.read_text(encoding="utf-8")
    import_report(ward, TAY_SON.name, text)
    with pytest.raises(ValidationError, match="đã được nhập"):
        import_report(ward, TAY_SON.name, text)
    assert Document.objects.filter(unit=ward).count() == 1


def test_unsupported_format_is_refused() -> None:
    ward = resolve_unit("phường Tây Sơn", 2023, has_data)
    with pytest.raises(ValidationError, match=r"Định dạng “\.xls” chưa hỗ trợ"):
        import_report(ward, "bao-cao.xls", "Năm 2023 phường Tây Sơn")


@needs_seeds
def test_accepting_replaces_only_when_asked_and_leaves_a_trace() -> None:
    ward = resolve_unit("phường Tây Sơn", 2023, has_data)
    import_report(ward, TAY_SON.name, TAY_SON.read_text(encoding="utf-8"))
    _, results = drafts(ward)
    budget = next(r for r in results if r.indicator.code == "state_budget_revenue")
    with pytest.raises(ValidationError, match="Đã có số liệu được duyệt"):
        accept_draft(budget)
    old = Result.objects.get(unit=ward, indicator=budget.indicator, state=State.ACCEPTED)
    accept_draft(budget, replace=True)
    old.refresh_from_db()
    budget.refresh_from_db()
    assert (old.state, budget.state) == (State.REJECTED, State.ACCEPTED)
    actions = Revision.objects.filter(record_type="result", record_id__in=[old.pk, budget.pk])
    assert {r.action for r in actions} >= {"accept", "reject"}


@needs_seeds
def test_rejected_draft_stays_with_its_reason() -> None:
    ward = resolve_unit("phường Tây Sơn", 2023, has_data)
    import_report(ward, TAY_SON.name, TAY_SON.read_text(encoding="utf-8"))
    targets, results = drafts(ward)
    record = results[0]
    reject_draft(record, reason="Đọc nhầm")
    record.refresh_from_db()
    assert record.state == State.REJECTED
    revision = Revision.objects.get(record_type="result", record_id=record.pk, action="reject")
    assert revision.reason == "Đọc nhầm"
    with pytest.raises(ValidationError, match="Chỉ loại được"):
        reject_draft(record)
    assert Target.objects.filter(unit=ward, state=State.DRAFT).count() == len(targets)
