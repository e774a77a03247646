"""Imported reports: the list, the upload form, and the review of a document's drafts."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from tongket.access.scope import ENTRY_ROLES, Scope
from tongket.documents.models import Document
from tongket.documents.services import (
    EDITABLE,
    MAX_DOCUMENT_BYTES,
    accept_all,
    accept_draft,
    document_format,
    document_records,
    edit_draft,
    import_report,
    reject_draft,
)
from tongket.extract import UnreadableDocument, read_document
from tongket.indicators.models import Indicator
from tongket.periods import MAX_YEAR, MIN_YEAR
from tongket.results.models import Result, State, Target
from tongket.results.scorecards import has_data
from tongket.units.lookup import UnitNotFound, resolve_unit
from tongket.units.models import Level, Unit
from tongket.vnformat import parse_decimal
from tongket.web.access import REFUSALS, acting_user, request_scope
from tongket.web.document_review import (
    fact_rows,
    figure_text,
    page_highlights,
    record_ref,
    row_of,
    summary_rows,
)
from tongket.web.highlight import highlight_html
from tongket.web.proposal_review import proposal_highlights, proposal_views

PAGE_SIZE = 50
MAX_UNIT_OPTIONS = 300
LEVEL_ORDER: dict[str, int] = {
    Level.PROVINCE: 0,
    Level.DISTRICT: 1,
    Level.COMMUNE: 2,
    Level.SUBUNIT: 3,
}
BIGGEST_FIGURE = Decimal(10) ** 17
MODELS: dict[str, type[Target] | type[Result]] = {"target": Target, "result": Result}


# --- the list -------------------------------------------------------------------------


def documents(request: HttpRequest) -> HttpResponse:
    """Imported documents of the units in scope, newest first, with their drafts counted."""
    scope = request_scope(request)
    found = visible_documents(scope).select_related("unit__parent", "uploaded_by")
    year = request.GET.get("nam", "")
    if year.isdigit():
        found = found.filter(year=int(year))
    page = Paginator(found.order_by("-created_at", "-id"), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    counts = draft_counts([d.pk for d in page])
    rows = [(document, counts.get(document.pk, {})) for document in page]
    context = {
        "page": page,
        "rows": rows,
        "year": year,
        "can_upload": scope.is_admin or bool(entry_roots(scope)),
    }
    return render(request, "web/documents.html", context)


def visible_documents(scope: Scope) -> QuerySet[Document]:
    found = Document.objects.defer("text", "extraction")
    if scope.is_admin:
        return found
    return found.filter(unit__in=Unit.objects.filter(scope.visible_filter()))


def draft_counts(document_ids: list[int]) -> dict[int, dict[str, int]]:
    """document id → {state: how many targets and results read from it are in it}."""
    counts: dict[int, dict[str, int]] = {}
    for model in (Target, Result):
        rows = (
            model.objects.filter(document_id__in=document_ids)
            .values("document_id", "state")
            .annotate(n=Count("id"))
        )
        for row in rows:
            per_state = counts.setdefault(row["document_id"], {})
            per_state[row["state"]] = per_state.get(row["state"], 0) + row["n"]
    return counts


# --- upload ---------------------------------------------------------------------------


def entry_roots(scope: Scope) -> dict[int, set[str]]:
    return {pk: roles for pk, roles in scope.roots.items() if roles & ENTRY_ROLES}


def entry_units(scope: Scope) -> list[Unit]:
    """The units the user may import for, as select options (at most MAX_UNIT_OPTIONS; an
    administrator types a code instead)."""
    roots = entry_roots(scope)
    if scope.is_admin or not roots:
        return []
    within = Scope(is_admin=False, roots=roots).visible_filter()
    units = list(Unit.objects.filter(within).select_related("parent")[: MAX_UNIT_OPTIONS * 4])
    if len(units) > MAX_UNIT_OPTIONS:
        units = [u for u in units if u.level != Level.SUBUNIT]
    units.sort(key=lambda u: (u.valid_to is not None, LEVEL_ORDER.get(u.level, 9), u.name_folded))
    return units[:MAX_UNIT_OPTIONS]


def unit_label(unit: Unit) -> str:
    label = unit.full_name
    if unit.parent is not None:
        label += f" — {unit.parent.full_name}"
    if unit.valid_to is not None:
        label += f" (đến {unit.valid_to:%d/%m/%Y})"
    return label


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp văn bản",
        help_text="Tệp .txt, .docx, .html hoặc .pdf, tối đa 20 MB.",
        error_messages={"required": "Hãy chọn tệp văn bản.", "empty": "Tệp rỗng."},
    )
    unit = forms.TypedChoiceField(
        label="Đơn vị", required=False, coerce=int, empty_value=None, choices=()
    )
    unit_code = forms.CharField(
        label="Mã hoặc tên đơn vị",
        required=False,
        max_length=200,
        help_text="Mã của Tổng cục Thống kê hoặc tên, ví dụ “phường Đập Đá”.",
    )
    year = forms.IntegerField(
        label="Năm báo cáo",
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        help_text="Để trống nếu văn bản ghi rõ năm.",
        error_messages={"invalid": "Năm phải là một số, ví dụ 2023."},
    )
    force = forms.BooleanField(label="Văn bản nói về đơn vị khác — vẫn nhập", required=False)

    def __init__(self, *args: object, units: list[Unit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["unit"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "— chọn đơn vị —"), *((u.pk, unit_label(u)) for u in units)]
        self.fields["unit_code"].label = "Hoặc mã/tên đơn vị" if units else "Mã hoặc tên đơn vị"


def document_upload(request: HttpRequest) -> HttpResponse:
    scope = request_scope(request)
    units = entry_units(scope)
    if not scope.is_admin and not units:
        raise PermissionDenied(REFUSALS["enter"])
    if request.method != "POST":
        initial = {"unit": request.GET.get("don_vi")}
        form = UploadForm(initial=initial, units=units)
        return render(request, "web/document_upload.html", {"form": form, "units": units})
    form = UploadForm(request.POST, request.FILES, units=units)
    if form.is_valid():
        document = store_upload(request, form, scope)
        if document is not None:
            return redirect("web:document", document.pk)
    return render(request, "web/document_upload.html", {"form": form, "units": units})


def store_upload(request: HttpRequest, form: UploadForm, scope: Scope) -> Document | None:
    """Read and import the uploaded file; on any refusal the form carries the message."""
    data = form.cleaned_data
    unit, unit_field = chosen_unit(form, scope)
    if unit is None:
        return None
    upload: UploadedFile = data["file"]
    name = upload.name or "van-ban.txt"
    text = uploaded_text(form, upload, name)
    if text is None:
        return None
    try:
        outcome = import_report(
            unit, name, text, user=acting_user(request), year=data["year"], force=data["force"]
        )
    except ValidationError as error:
        fields = {"file": "file", "unit": unit_field, "year": "year"}
        for key, messages_of in error.message_dict.items():
            for message in messages_of:
                form.add_error(fields.get(key), message)
        return None
    skipped = f", {outcome.skipped} số liệu chưa gắn chỉ tiêu" if outcome.skipped else ""
    messages.success(
        request,
        f"Đã lưu văn bản “{outcome.document.title}” cho {unit.full_name}, năm "
        f"{outcome.document.year}: {outcome.results} kết quả và {outcome.targets} chỉ tiêu "
        f"chờ duyệt{skipped}.",
    )
    return outcome.document


def chosen_unit(form: UploadForm, scope: Scope) -> tuple[Unit | None, str]:
    """The unit picked in the select, or typed as a code or name: (unit, its field)."""
    data = form.cleaned_data
    query = (data.get("unit_code") or "").strip()
    if query:
        try:
            unit = resolve_unit(query, data.get("year"), has_data)
        except UnitNotFound as error:
            mine = [u for u in error.candidates if scope.can_enter(u)]
            if len(mine) != 1:
                form.add_error("unit_code", str(error))
                return None, "unit_code"
            unit = mine[0]  # a name shared with units elsewhere: the one in scope
        field = "unit_code"
    elif data.get("unit") is not None:
        unit = Unit.objects.select_related("parent__parent__parent").get(pk=data["unit"])
        field = "unit"
    else:
        form.add_error("unit", "Hãy chọn đơn vị của văn bản.")
        return None, "unit"
    if not scope.can_view(unit):
        form.add_error(field, f"Không tìm thấy đơn vị “{query}”.")
        return None, field
    if not scope.can_enter(unit):
        form.add_error(field, f"Bạn không có quyền nhập số liệu của {unit.full_name}.")
        return None, field
    return unit, field


def uploaded_text(form: UploadForm, upload: UploadedFile, name: str) -> str | None:
    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
        limit = MAX_DOCUMENT_BYTES // (1024 * 1024)
        form.add_error("file", f"Tệp “{name}” lớn quá {limit} MB.")
        return None
    try:
        document_format(name)
        text = read_document(upload.read(), name)
    except ValidationError as error:
        form.add_error("file", error.messages[0])
        return None
    except UnreadableDocument:
        form.add_error("file", f"Không đọc được tệp “{name}”: tệp hỏng hoặc không đúng định dạng.")
        return None
    if not text.strip():
        form.add_error(
            "file", f"Tệp “{name}” không có chữ (bản scan cần được nhận dạng chữ trước)."
        )
        return None
    return text


# --- the review page ------------------------------------------------------------------


def document_for(request: HttpRequest, document_id: int, need: str = "view") -> Document:
    """The document if its unit is in scope (404 otherwise); 403 when `need` is "enter" and
    the user may only read."""
    document = (
        Document.objects.select_related("unit__parent__parent__parent", "uploaded_by")
        .filter(pk=document_id)
        .first()
    )
    scope = request_scope(request)
    if document is None or not scope.can_view(document.unit):
        raise Http404("Không tìm thấy văn bản.")
    if need == "enter" and not scope.can_enter(document.unit):
        raise PermissionDenied(REFUSALS["enter"])
    return document


def document_detail(request: HttpRequest, document_id: int) -> HttpResponse:
    document = document_for(request, document_id)
    targets, results = document_records(document)
    records: list[Target | Result] = [*results, *targets]
    indicators = {i.code: i for i in Indicator.objects.all()}
    rows = fact_rows(document, records, indicators)
    selected_row = row_of(rows, request.GET.get("fact", ""))
    selected = {selected_row.key} if selected_row else set()
    proposals = proposal_views(document)
    marks = page_highlights(document, rows) + proposal_highlights(proposals)
    highlighted = highlight_html(document.text, marks, selected)
    states = [r.state for r in records]
    context = {
        "document": document,
        "unit": document.unit,
        "text_html": mark_safe(highlighted),  # escaped by highlight_html
        "rows": rows,
        "summaries": summary_rows(document),
        "people": document.extraction.get("people", []) if document.extraction else [],
        "selected": selected_row,
        "proposals": proposals,
        "pending": states.count(State.DRAFT),
        "accepted": states.count(State.ACCEPTED),
        "rejected": states.count(State.REJECTED),
        "can_enter": request_scope(request).can_enter(document.unit),
    }
    return render(request, "web/document.html", context)


def parse_figures(record: Target | Result, data: dict[str, str]) -> dict[str, Decimal | None]:
    """The figures typed in the edit form, read the Vietnamese way."""
    figures: dict[str, Decimal | None] = {}
    errors: dict[str, str] = {}
    for name in EDITABLE["target" if isinstance(record, Target) else "result"]:
        raw = (data.get(name) or "").strip()
        if not raw:
            figures[name] = None
            continue
        try:
            number = parse_decimal(raw)
        except ValueError:
            errors[name] = f"“{raw}” không phải là số (viết như 124.857 hoặc 16,1)."
            continue
        if not number.is_finite() or abs(number) >= BIGGEST_FIGURE:
            errors[name] = f"Số “{raw}” không hợp lệ."
            continue
        figures[name] = number
    if errors:
        raise ValidationError(errors)
    return figures


@require_POST
def draft_action(request: HttpRequest, document_id: int, kind: str, record_id: int) -> HttpResponse:
    """Accept, edit-then-accept or reject one draft read from the document."""
    document = document_for(request, document_id, "enter")
    model = MODELS.get(kind)
    if model is None:
        raise Http404("Không có loại số liệu này.")
    record = (
        model.objects.select_related("indicator", "unit", "document")
        .filter(pk=record_id, document=document)
        .first()
    )
    if record is None:
        raise Http404("Không có số liệu này trong văn bản.")
    action = request.POST.get("action", "")
    if action not in ("accept", "edit", "reject"):
        return HttpResponseBadRequest("Thao tác không hợp lệ.")
    replace = request.POST.get("replace") == "1"
    reason = request.POST.get("reason", "").strip()
    name = f"{record.indicator.name} ({figure_text(record)})"
    try:
        with transaction.atomic():
            if action == "reject":
                reject_draft(record, acting_user(request), reason)
                done = f"Đã loại: {name}."
            else:
                if action == "edit":
                    figures = parse_figures(record, request.POST)
                    edit_draft(record, acting_user(request), figures, reason)
                    name = f"{record.indicator.name} ({figure_text(record)})"
                accept_draft(record, acting_user(request), replace=replace)
                done = f"Đã duyệt: {name}" + (", thay số liệu trước." if replace else ".")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"{record.indicator.name}: {message}")
    else:
        messages.success(request, done)
    url = reverse("web:document", args=[document.pk])
    return redirect(f"{url}?fact={record_ref(record)}#item-{record_ref(record)}")


@require_POST
def accept_all_drafts(request: HttpRequest, document_id: int) -> HttpResponse:
    document = document_for(request, document_id, "enter")
    replace = request.POST.get("replace") == "1"
    try:
        count = accept_all(document, acting_user(request), replace=replace)
    except ValidationError as error:
        messages.error(request, "Chưa duyệt số liệu nào: " + " ".join(error.messages))
    else:
        messages.success(request, f"Đã duyệt {count} số liệu.")
    return redirect("web:document", document.pk)


def provenance(request: HttpRequest, record_type: str, record_id: int) -> HttpResponse:
    """The document a target or result was read from, with its spans highlighted."""
    model = MODELS.get(record_type)
    record = model.objects.select_related("unit").filter(pk=record_id).first() if model else None
    if record is None or not request_scope(request).can_view(record.unit):
        raise Http404("Không tìm thấy số liệu.")
    if record.document_id is None:
        raise Http404("Số liệu này không được đọc từ văn bản.")
    ref = record_ref(record)
    url = reverse("web:document", args=[record.document_id])
    return redirect(f"{url}?fact={ref}#item-{ref}")


urlpatterns = [
    path("van-ban/", documents, name="documents"),
    path("van-ban/tai-len/", document_upload, name="document_upload"),
    path("van-ban/<int:document_id>/", document_detail, name="document"),
    path(
        "van-ban/<int:document_id>/du-thao/<str:kind>/<int:record_id>/",
        draft_action,
        name="draft_action",
    ),
    path("van-ban/<int:document_id>/duyet-tat-ca/", accept_all_drafts, name="accept_all"),
    path("van-ban/nguon/<str:record_type>/<int:record_id>/", provenance, name="provenance"),
]
