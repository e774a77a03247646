"""Importing a report: store the document, propose its figures as drafts to review.

Nothing read from a document is final: every target and result it yields is a draft
(state "draft") carrying its provenance (the document and the character spans of the
numbers), until a person accepts or rejects it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from tongket.documents.models import Document
from tongket.documents.proposals import propose_review
from tongket.extract import Fact, Report, extract_report
from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.models import Result, Revision, State, Target
from tongket.results.rollup import decimal_or_none
from tongket.results.services import (
    ResultInput,
    TargetInput,
    accepted_in_slot_of,
    change_state,
    record_period,
    recorded_user,
    snapshot,
    validate_result,
    validate_target,
    write_revision,
)
from tongket.results.validation import check_unit_existed, check_year
from tongket.units.models import Unit
from tongket.units.text import fold_name

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
FORMATS = {".txt": "txt", ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass(frozen=True)
class ImportOutcome:
    document: Document
    report: Report
    targets: int
    results: int
    skipped: int  # facts without a catalogue indicator
    proposals: int = 0  # conference, people, commendations, … (documents.proposals)


def document_format(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix not in FORMATS:
        allowed = ", ".join(sorted(set(FORMATS)))
        raise ValidationError(
            {"file": f"Định dạng “{suffix or filename}” chưa hỗ trợ ({allowed})."}
        )
    return FORMATS[suffix]


def check_same_unit(unit: Unit, report: Report) -> None:
    """Refuse a report that names another unit than the one it is imported for."""
    named = report.unit
    if named.name is None:
        return
    if fold_name(named.name) != fold_name(unit.name):
        kind = f"{named.kind} " if named.kind else ""
        raise ValidationError(
            {"unit": f"Văn bản nói về {kind}{named.name}, không phải {unit.full_name}."}
        )


def reviewed_year(unit: Unit, report: Report, year: int | None) -> int:
    """The year the report reviews; the unit must have existed then."""
    chosen = year or report.year
    if chosen is None:
        raise ValidationError({"year": "Không xác định được năm báo cáo; hãy chỉ rõ năm."})
    check_year(chosen)
    check_unit_existed(unit, Period(chosen))
    return chosen


@transaction.atomic
def import_report(
    unit: Unit,
    filename: str,
    text: str,
    *,
    user: User | None = None,
    year: int | None = None,
    force: bool = False,
) -> ImportOutcome:
    """Store the document and its drafts; all or nothing."""
    file_format = document_format(filename)
    report = extract_report(text)
    if not force:
        check_same_unit(unit, report)
    report_year = reviewed_year(unit, report, year)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if Document.objects.filter(unit=unit, sha256=digest).exists():
        raise ValidationError({"file": f"Văn bản này đã được nhập cho {unit.full_name}."})
    document = Document.objects.create(
        unit=unit,
        title=Path(filename).stem[:300],
        filename=Path(filename).name[:300],
        file_format=file_format,
        sha256=digest,
        text=text,
        extraction=report.to_dict(),
        year=report_year,
        uploaded_by=recorded_user(user),
    )
    indicators = {i.code: i for i in Indicator.objects.all()}
    targets = results = skipped = 0
    for fact in report.facts:
        indicator = indicators.get(fact.code or "")
        if indicator is None:
            skipped += 1
            continue
        t, r = draft_fact(document, unit, indicator, fact, report_year, user)
        targets, results = targets + t, results + r
    proposals = len(propose_review(document, report))
    return ImportOutcome(document, report, targets, results, skipped, proposals)


def draft_fact(
    document: Document,
    unit: Unit,
    indicator: Indicator,
    fact: Fact,
    year: int,
    user: User | None,
) -> tuple[int, int]:
    """The draft target and/or result a fact proposes: (targets, results) created."""
    spans = [list(span) for span in fact.spans]
    provenance = {
        "state": State.DRAFT,
        "document": document,
        "spans": spans,
        "entered_by": recorded_user(user),
        "note": fact.label,
    }
    if fact.kind == "target":
        Target.objects.create(
            unit=unit,
            indicator=indicator,
            year=fact.year or year + 1,
            amount=fact.target,
            comparator=fact.comparator or "",
            **provenance,
        )
        return 1, 0
    created_targets = 0
    if fact.target is not None:
        Target.objects.create(
            unit=unit, indicator=indicator, year=year, amount=fact.target, **provenance
        )
        created_targets = 1
    Result.objects.create(
        unit=unit,
        indicator=indicator,
        year=year,
        value=fact.value,
        percent_of_plan=fact.percent_of_plan,
        **provenance,
    )
    return created_targets, 1


def drafts(unit: Unit | None = None) -> tuple[list[Target], list[Result]]:
    targets = Target.objects.filter(state=State.DRAFT).select_related("indicator", "unit")
    results = Result.objects.filter(state=State.DRAFT).select_related("indicator", "unit")
    if unit is not None:
        targets, results = targets.filter(unit=unit), results.filter(unit=unit)
    return list(targets.order_by("id")), list(results.order_by("id"))


def validate_draft(record: Target | Result) -> None:
    if isinstance(record, Target):
        validate_target(
            TargetInput(record.unit, record.indicator, record.year, decimal_or_none(record.amount))
        )
    else:
        validate_result(
            ResultInput(
                record.unit,
                record.indicator,
                record.period,
                value=decimal_or_none(record.value),
                percent_of_plan=decimal_or_none(record.percent_of_plan),
                assessed=record.assessed,
            )
        )


@transaction.atomic
def accept_draft(
    record: Target | Result, user: User | None = None, *, replace: bool = False
) -> None:
    """Make a draft the accepted figure; an accepted one in its place is kept unless
    `replace`, in which case it is marked rejected (with its revision) first."""
    if record.state != State.DRAFT:
        raise ValidationError({"state": "Chỉ duyệt được số liệu đang chờ duyệt."})
    validate_draft(record)
    twin = accepted_in_slot_of(record)
    if twin is not None:
        if not replace:
            message = "Đã có số liệu được duyệt cho chỉ tiêu và kỳ này; chọn thay thế nếu muốn."
            raise ValidationError({"state": message})
        reason = "Thay bằng số liệu từ văn bản"
        change_state(twin, State.REJECTED, Revision.Action.REJECT, user, reason)
    document = record.document.title if record.document else ""
    reason = f"Duyệt từ văn bản {document}"
    change_state(record, State.ACCEPTED, Revision.Action.ACCEPT, user, reason)


@transaction.atomic
def reject_draft(record: Target | Result, user: User | None = None, reason: str = "") -> None:
    if record.state != State.DRAFT:
        raise ValidationError({"state": "Chỉ loại được số liệu đang chờ duyệt."})
    change_state(record, State.REJECTED, Revision.Action.REJECT, user, reason)


def document_records(document: Document) -> tuple[list[Target], list[Result]]:
    """Every target and result read from `document`, whatever its state now."""
    targets = Target.objects.filter(document=document).select_related("indicator", "unit")
    results = Result.objects.filter(document=document).select_related("indicator", "unit")
    return list(targets.order_by("id")), list(results.order_by("id"))


EDITABLE = {"target": ("amount",), "result": ("value", "percent_of_plan")}


@transaction.atomic
def edit_draft(
    record: Target | Result,
    user: User | None,
    figures: dict[str, Decimal | None],
    reason: str = "",
) -> bool:
    """Correct a draft's figures before it is accepted (a target's `amount`, a result's
    `value` and `percent_of_plan`); the correction is a revision. False when nothing
    changed."""
    if record.state != State.DRAFT:
        raise ValidationError({"state": "Chỉ sửa được số liệu đang chờ duyệt."})
    allowed = EDITABLE["target" if isinstance(record, Target) else "result"]
    unknown = set(figures) - set(allowed)
    if unknown:
        raise ValueError(f"cannot edit {sorted(unknown)} of a draft")
    changed = {
        name: value
        for name, value in figures.items()
        if decimal_or_none(getattr(record, name)) != value
    }
    if not changed:
        return False
    before = snapshot(record)
    for name, value in changed.items():
        setattr(record, name, value)
    validate_draft(record)
    record.version += 1
    record.save()
    write_revision(
        record, Revision.Action.UPDATE, before, user, reason or "Sửa số liệu đọc từ văn bản"
    )
    return True


@transaction.atomic
def accept_all(document: Document, user: User | None = None, *, replace: bool = False) -> int:
    """Accept every draft still waiting in `document`, all or none; how many were."""
    targets, results = document_records(document)
    waiting: list[Target | Result] = [t for t in targets if t.state == State.DRAFT]
    waiting += [r for r in results if r.state == State.DRAFT]
    for record in waiting:
        try:
            accept_draft(record, user, replace=replace)
        except ValidationError as error:
            where = f"{record.indicator.name} ({record_period(record).label.lower()})"
            raise ValidationError(
                {"state": [f"{where}: {message}" for message in error.messages]}
            ) from error
    return len(waiting)
