"""Imported reports in the browser: upload, review beside the highlighted text, act on drafts."""

from __future__ import annotations

import html
import io
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tongket.documents.models import Document
from tongket.documents.services import document_records, import_report
from tongket.periods import Period
from tongket.results.locks import lock_period
from tongket.results.models import Result, Revision, State, Target
from tongket.results.scorecards import has_data
from tongket.units.lookup import find_units, resolve_unit
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "seeds"


def dap_da_seed() -> Path | None:
    """The seed article about the former phường Đập Đá."""
    if not SEEDS.is_dir():
        return None
    for path in sorted(SEEDS.glob("*.txt")):
        if "phường Đập Đá" in path.read_text(encoding="utf-8"):
            return path
    return None


SEED = dap_da_seed()
needs_seed = pytest.mark.skipif(SEED is None, reason="../shared is not beside the checkout")
ROLES_THAT_ENTER = ["vanphong", "lanhdao", "quantri"]


def seed_text() -> str:
    assert SEED is not None
    return SEED.read_text(encoding="utf-8")


@cache
def unit_id(query: str, year: int | None = None) -> int:
    """Resolving a name scans every unit: once per run is enough."""
    return resolve_unit(query, year, has_data if year else None).pk


def dap_da() -> Unit:
    return Unit.objects.get(pk=unit_id("phường Đập Đá", 2023))


def an_nhon() -> Unit:
    return Unit.objects.get(code="21910", valid_to__isnull=True)  # phường An Nhơn, Gia Lai


def tay_son() -> Unit:
    return Unit.objects.get(pk=unit_id("phường Tây Sơn", 2023))


def office_user() -> User:
    return User.objects.get(username="vanphong")


def imported(unit: Unit | None = None, text: str | None = None) -> Document:
    """The Đập Đá article imported by the office (services, as the CLI would)."""
    outcome = import_report(
        unit or dap_da(),
        "dap-da-2023.txt",
        text if text is not None else seed_text(),
        user=office_user(),
        force=unit is not None,
    )
    return outcome.document


def result_of(document: Document, code: str) -> Result:
    return next(r for r in document_records(document)[1] if r.indicator.code == code)


def upload(client: Any, name: str, data: bytes, **fields: Any) -> Any:
    payload = {"file": SimpleUploadedFile(name, data), **fields}
    return client.post(reverse("web:document_upload"), payload)


def page_text(response: Any) -> str:
    return str(response.content.decode())


def action_url(document: Document, record: Target | Result) -> str:
    kind = "target" if isinstance(record, Target) else "result"
    return reverse("web:draft_action", args=[document.pk, kind, record.pk])


# --- the list -------------------------------------------------------------------------


@needs_seed
@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "captren", "quantri"])
def test_list_shows_documents_in_scope_with_their_counts(login: Any, username: str) -> None:
    document = imported()
    text = page_text(login(username).get(reverse("web:documents")))
    assert reverse("web:document", args=[document.pk]) in text
    assert "dap-da-2023" in text and "Phường Đập Đá" in text
    pending = len(Result.objects.filter(document=document)) + len(
        Target.objects.filter(document=document)
    )
    assert f"<strong>{pending}</strong>" in text
    assert ("Tải văn bản lên" in text) == (username != "captren")


@needs_seed
def test_list_hides_documents_of_units_outside_scope(login: Any) -> None:
    other = import_report(
        tay_son(), "tay-son.txt", seed_text().replace("Đập Đá", "Tây Sơn")
    ).document
    text = page_text(login("vanphong").get(reverse("web:documents")))
    assert reverse("web:document", args=[other.pk]) not in text
    assert reverse("web:document", args=[other.pk]) in page_text(
        login("quantri").get(reverse("web:documents"))
    )


# --- upload ---------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["vanphong", "lanhdao"])
def test_upload_form_offers_the_units_one_may_enter(login: Any, username: str) -> None:
    page = login(username).get(reverse("web:document_upload"))
    text = page_text(page)
    assert page.status_code == 200
    assert f'<option value="{dap_da().pk}">Phường Đập Đá' in text
    assert f'<option value="{an_nhon().pk}">Phường An Nhơn' in text
    assert "Văn bản nói về đơn vị khác — vẫn nhập" in text


def test_upload_form_for_the_administrator_takes_a_code(login: Any) -> None:
    text = page_text(login("quantri").get(reverse("web:document_upload")))
    assert 'name="unit_code"' in text and '<select name="unit"' not in text


def test_superior_may_not_upload(login: Any) -> None:
    client = login("captren")
    assert client.get(reverse("web:document_upload")).status_code == 403
    assert upload(client, "a.txt", b"x", unit=dap_da().pk).status_code == 403
    assert not Document.objects.exists()


@needs_seed
def test_upload_of_the_seed_article_leads_to_its_review(login: Any) -> None:
    client = login("vanphong")
    response = upload(client, "dap-da.txt", seed_text().encode(), unit=dap_da().pk)
    document = Document.objects.get(unit=dap_da())
    assert response.status_code == 302
    assert response["Location"] == reverse("web:document", args=[document.pk])
    assert (document.year, document.uploaded_by) == (2023, office_user())
    assert Result.objects.filter(document=document, state=State.DRAFT).count() >= 7
    text = page_text(client.get(response["Location"]))
    assert "Đã lưu văn bản “dap-da” cho Phường Đập Đá, năm 2023" in text


@needs_seed
def test_upload_by_code_for_the_administrator(login: Any) -> None:
    client = login("quantri")
    response = upload(client, "dap-da.txt", seed_text().encode(), unit_code="phường Đập Đá")
    assert response.status_code == 302
    assert Document.objects.get().unit == dap_da()


@needs_seed
def test_docx_upload_works(login: Any) -> None:
    import docx

    document = docx.Document()
    for paragraph in seed_text().split("\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    response = upload(login("lanhdao"), "bao-cao.docx", buffer.getvalue(), unit=dap_da().pk)
    assert response.status_code == 302
    stored = Document.objects.get(unit=dap_da())
    assert stored.file_format == "docx"
    growth = result_of(stored, "economic_growth")
    assert growth.value == Decimal("16.1")
    assert [stored.text[a:b] for a, b in growth.spans] == ["16,1%"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param(
            "bao-cao.pdf",
            b"\x00\x01garbage, not a PDF at all\xff",
            "Không đọc được tệp “bao-cao.pdf”: tệp hỏng hoặc không đúng định dạng.",
            id="garbage-pdf",
        ),
        pytest.param(
            "bao-cao.xls",
            "Năm 2023 phường Đập Đá".encode(),
            "Định dạng “.xls” chưa hỗ trợ",
            id="unsupported-format",
        ),
        pytest.param(
            "bao-cao.txt",
            "Tốc độ tăng trưởng kinh tế đạt 16,1%.".encode(),
            "Không xác định được năm báo cáo; hãy chỉ rõ năm.",
            id="no-year",
        ),
        pytest.param("trong.txt", b"  \n ", "không có chữ", id="no-text"),
    ],
)
def test_refused_upload_says_why_beside_the_field_and_stores_nothing(
    login: Any, name: str, data: bytes, message: str
) -> None:
    response = upload(login("vanphong"), name, data, unit=dap_da().pk)
    text = html.unescape(page_text(response))
    assert response.status_code == 200
    assert re.search(
        r'<span class="error" id="id_(file|year)_error" role="alert">[^<]*' + re.escape(message),
        text,
    )
    assert not Document.objects.exists()
    assert not Result.objects.filter(state=State.DRAFT).exists()


def test_too_big_a_file_is_refused(login: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tongket.web.views.imports.MAX_DOCUMENT_BYTES", 10)
    response = upload(login("vanphong"), "a.txt", b"Nam 2023 " * 5, unit=dap_da().pk)
    assert "lớn quá" in page_text(response)
    assert not Document.objects.exists()


@needs_seed
def test_report_about_another_unit_needs_force(login: Any) -> None:
    client = login("vanphong")
    nhon_hau = Unit.objects.get(pk=unit_id("xã Nhơn Hậu", 2023))
    response = upload(client, "dap-da.txt", seed_text().encode(), unit=nhon_hau.pk)
    text = page_text(response)
    assert "Văn bản nói về phường Đập Đá, không phải Xã Nhơn Hậu." in text
    assert not Document.objects.exists()
    response = upload(client, "dap-da.txt", seed_text().encode(), unit=nhon_hau.pk, force="on")
    assert response.status_code == 302
    assert Document.objects.get().unit == nhon_hau


@needs_seed
def test_unit_that_did_not_exist_in_the_year_is_refused(login: Any) -> None:
    response = upload(
        login("vanphong"), "a.txt", seed_text().encode(), unit=an_nhon().pk, force="on"
    )
    assert "Phường An Nhơn không tồn tại trong kỳ năm 2023" in page_text(response)
    assert not Document.objects.exists()


@needs_seed
def test_same_document_twice_is_refused(login: Any) -> None:
    client = login("vanphong")
    assert upload(client, "a.txt", seed_text().encode(), unit=dap_da().pk).status_code == 302
    response = upload(client, "b.txt", seed_text().encode(), unit=dap_da().pk)
    assert "Văn bản này đã được nhập cho Phường Đập Đá." in page_text(response)
    assert Document.objects.count() == 1


@needs_seed
def test_unit_outside_scope_is_refused(login: Any) -> None:
    client = login("vanphong")
    response = upload(client, "a.txt", seed_text().encode(), unit=tay_son().pk)
    assert "Hãy chọn một lựa chọn hợp lệ" in page_text(response)
    code = tay_son().code
    response = upload(client, "a.txt", seed_text().encode(), unit_code=code, year=2023)
    assert f"Không tìm thấy đơn vị “{code}”." in page_text(response)
    assert not Document.objects.exists()


@needs_seed
def test_a_name_shared_by_several_units_resolves_within_scope(login: Any) -> None:
    client = login("vanphong")
    assert len(find_units("phường An Nhơn")) > 1
    response = upload(
        client, "a.txt", seed_text().encode(), unit_code="phường An Nhơn", year=2025, force="on"
    )
    assert response.status_code == 302
    assert Document.objects.get().unit == an_nhon()


# --- the review page ------------------------------------------------------------------


@needs_seed
def test_review_page_marks_the_exact_text_of_every_fact(login: Any) -> None:
    document = imported()
    text = page_text(login("vanphong").get(reverse("web:document", args=[document.pk])))
    facts = document.extraction["facts"]
    assert facts
    for number, fact in enumerate(facts):
        start, end = fact["spans"][0]
        quoted = html.escape(document.text[start:end], quote=False)
        mark = re.search(
            rf'<mark id="f-{number}" data-facts="[^"]*" class="[^"]*">([^<]*)</mark>', text
        )
        assert mark is not None, fact
        assert mark.group(1) == quoted
    assert "16,1%" in document.text and '">16,1%</mark>' in text
    assert '<a href="#f-0" data-fact="f-0" class="fact-link">Tốc độ tăng trưởng kinh tế</a>' in text


@needs_seed
def test_review_page_shows_summaries_people_and_the_accepted_figure_in_place(
    login: Any,
) -> None:
    document = imported()
    text = page_text(login("vanphong").get(reverse("web:document", args=[document.pk])))
    assert "14/15 chỉ tiêu" in text and 'data-facts="s-0"' in text
    assert "Mai Việt Trung" in text and "Bí thư Thị ủy" in text
    assert "Đã có số liệu được duyệt: <strong>16,1%</strong>" in text
    assert "Duyệt và thay thế" in text
    assert "Duyệt tất cả" in text
    assert '<script src="/static/tongket/imports.js" defer></script>' in text


@needs_seed
def test_fact_without_an_indicator_is_shown_greyed(login: Any) -> None:
    document = imported()
    start = document.text.index("Văn hóa - xã hội")
    document.extraction["facts"].append(
        {
            "label": "số nhà văn hóa",
            "code": None,
            "value": 7,
            "unit": "nhà",
            "spans": [[start, start + 2]],
        }
    )
    document.save()
    text = page_text(login("vanphong").get(reverse("web:document", args=[document.pk])))
    number = len(document.extraction["facts"]) - 1
    assert f'<li class="fact unknown" id="item-f-{number}"' in text
    assert "7 nhà — không có chỉ tiêu trong danh mục" in text
    assert f'<mark id="f-{number}" data-facts="f-{number}' in text and "hl-unknown" in text


@needs_seed
@pytest.mark.parametrize("username", ROLES_THAT_ENTER)
def test_those_who_enter_get_the_actions(login: Any, username: str) -> None:
    document = imported()
    growth = result_of(document, "economic_growth")
    text = page_text(login(username).get(reverse("web:document", args=[document.pk])))
    assert f'action="{action_url(document, growth)}"' in text
    assert "Sửa rồi duyệt" in text and "Loại số liệu này" in text


@needs_seed
def test_superior_reads_without_actions_and_may_not_act(login: Any) -> None:
    document = imported()
    growth = result_of(document, "economic_growth")
    client = login("captren")
    page = client.get(reverse("web:document", args=[document.pk]))
    assert page.status_code == 200 and "16,1%" in page_text(page)
    assert "Duyệt và thay thế" not in page_text(page)
    response = client.post(action_url(document, growth), {"action": "accept", "replace": "1"})
    assert response.status_code == 403
    accept_all = reverse("web:accept_all", args=[document.pk])
    assert client.post(accept_all, {"replace": "1"}).status_code == 403
    growth.refresh_from_db()
    assert growth.state == State.DRAFT


@needs_seed
def test_document_of_a_unit_outside_scope_is_not_found(login: Any) -> None:
    document = imported(tay_son(), seed_text())
    growth = result_of(document, "economic_growth")
    client = login("vanphong")
    assert client.get(reverse("web:document", args=[document.pk])).status_code == 404
    assert client.post(action_url(document, growth), {"action": "accept"}).status_code == 404
    assert login("quantri").get(reverse("web:document", args=[document.pk])).status_code == 200


@needs_seed
def test_accept_into_an_occupied_place_needs_replace(login: Any) -> None:
    document = imported()
    growth = result_of(document, "economic_growth")
    old = Result.objects.get(
        unit=dap_da(),
        indicator=growth.indicator,
        year=2023,
        period_kind="year",
        state=State.ACCEPTED,
    )
    client = login("vanphong")
    response = client.post(action_url(document, growth), {"action": "accept"}, follow=True)
    assert "Đã có số liệu được duyệt cho chỉ tiêu và kỳ này" in page_text(response)
    growth.refresh_from_db()
    assert growth.state == State.DRAFT
    response = client.post(action_url(document, growth), {"action": "accept", "replace": "1"})
    assert response["Location"].endswith(f"?fact=result-{growth.pk}#item-result-{growth.pk}")
    growth.refresh_from_db()
    old.refresh_from_db()
    assert (growth.state, old.state) == (State.ACCEPTED, State.REJECTED)
    accept = Revision.objects.get(record_type="result", record_id=growth.pk, action="accept")
    assert accept.user == office_user()
    text = page_text(client.get(response["Location"]))
    assert "Đã duyệt: Tốc độ tăng trưởng kinh tế (16,1%), thay số liệu trước." in text
    assert 'class="hl-fact selected">16,1%</mark>' in text


@needs_seed
def test_reject_keeps_the_draft_with_its_reason(login: Any) -> None:
    document = imported()
    water = result_of(document, "clean_water_rate")
    response = login("lanhdao").post(
        action_url(document, water), {"action": "reject", "reason": "Đọc nhầm"}, follow=True
    )
    assert "Đã loại: Tỷ lệ dân số sử dụng nước sạch (99,6%)." in page_text(response)
    water.refresh_from_db()
    assert water.state == State.REJECTED
    revision = Revision.objects.get(record_type="result", record_id=water.pk)
    assert (revision.action, revision.reason) == ("reject", "Đọc nhầm")
    assert revision.user == User.objects.get(username="lanhdao")


@needs_seed
def test_edit_then_accept_records_the_correction(login: Any) -> None:
    document = imported()
    growth = result_of(document, "economic_growth")
    response = login("vanphong").post(
        action_url(document, growth),
        {
            "action": "edit",
            "value": "16,2",
            "percent_of_plan": "",
            "reason": "Theo Chi cục Thống kê",
            "replace": "1",
        },
        follow=True,
    )
    assert "Đã duyệt: Tốc độ tăng trưởng kinh tế (16,2%)" in page_text(response)
    growth.refresh_from_db()
    assert (growth.value, growth.state) == (Decimal("16.2"), State.ACCEPTED)
    actions = Revision.objects.filter(record_type="result", record_id=growth.pk)
    assert [r.action for r in actions.order_by("id")] == ["update", "accept"]
    update = actions.get(action="update")
    assert update.before is not None and update.after is not None
    assert (update.before["value"], update.after["value"], update.reason) == (
        "16.1",
        "16.2",
        "Theo Chi cục Thống kê",
    )


@needs_seed
def test_edit_of_a_target_reads_vietnamese_numbers(login: Any) -> None:
    document = imported()
    target = next(t for t in document_records(document)[0])
    login("vanphong").post(
        action_url(document, target), {"action": "edit", "amount": "1.500", "replace": "1"}
    )
    target.refresh_from_db()
    assert (target.amount, target.state) == (Decimal(1500), State.ACCEPTED)


@needs_seed
@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("abc", "“abc” không phải là số", id="not-a-number"),
        pytest.param("140", "phải nằm trong khoảng 0–100%", id="rate-above-100"),
        pytest.param("nan", "không hợp lệ", id="nan"),
    ],
)
def test_bad_edit_changes_nothing(login: Any, value: str, message: str) -> None:
    document = imported()
    water = result_of(document, "clean_water_rate")
    response = login("vanphong").post(
        action_url(document, water), {"action": "edit", "value": value, "replace": "1"}, follow=True
    )
    assert message in html.unescape(page_text(response))
    water.refresh_from_db()
    assert (water.value, water.state, water.version) == (Decimal("99.6"), State.DRAFT, 1)
    assert not Revision.objects.filter(record_type="result", record_id=water.pk).exists()


@needs_seed
def test_locked_period_refuses_acceptance(login: Any) -> None:
    document = imported()
    growth = result_of(document, "economic_growth")
    lock_period(dap_da(), Period(2023), User.objects.get(username="lanhdao"))
    response = login("vanphong").post(
        action_url(document, growth), {"action": "accept", "replace": "1"}, follow=True
    )
    assert "đã được chốt" in page_text(response)
    growth.refresh_from_db()
    assert growth.state == State.DRAFT


@needs_seed
def test_accept_all_is_all_or_nothing(login: Any) -> None:
    document = imported()
    client = login("vanphong")
    url = reverse("web:accept_all", args=[document.pk])
    response = client.post(url, follow=True)
    assert "Chưa duyệt số liệu nào" in page_text(response)
    assert not Result.objects.filter(document=document, state=State.ACCEPTED).exists()
    response = client.post(url, {"replace": "1"}, follow=True)
    targets, results = document_records(document)
    assert f"Đã duyệt {len(targets) + len(results)} số liệu." in page_text(response)
    assert {r.state for r in [*targets, *results]} == {State.ACCEPTED}
    assert "Duyệt tất cả" not in page_text(response)


@needs_seed
def test_actions_refuse_what_does_not_belong(login: Any) -> None:
    document = imported()
    growth = result_of(document, "economic_growth")
    client = login("vanphong")
    other = reverse("web:draft_action", args=[document.pk, "result", growth.pk + 100000])
    assert client.post(other, {"action": "accept"}).status_code == 404
    wrong_kind = reverse("web:draft_action", args=[document.pk, "plan", growth.pk])
    assert client.post(wrong_kind, {"action": "accept"}).status_code == 404
    assert client.post(action_url(document, growth), {"action": "delete"}).status_code == 400
    assert client.get(action_url(document, growth)).status_code == 405


# --- provenance -----------------------------------------------------------------------


@needs_seed
def test_accepted_value_links_back_to_its_highlighted_text(login: Any) -> None:
    document = imported()
    growth = result_of(document, "economic_growth")
    client = login("vanphong")
    client.post(action_url(document, growth), {"action": "accept", "replace": "1"})
    history = page_text(client.get(reverse("web:history", args=["result", growth.pk])))
    link = reverse("web:provenance", args=["result", growth.pk])
    assert f'<a href="{link}">Xem trong văn bản gốc</a>' in history
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("web:document", args=[document.pk])
        + f"?fact=result-{growth.pk}#item-result-{growth.pk}"
    )
    text = page_text(client.get(response["Location"]))
    start, end = growth.spans[0]
    assert f'class="hl-fact selected">{document.text[start:end]}</mark>' in text
    assert "Đang xem nguồn của số liệu" in text


@needs_seed
def test_provenance_is_refused_outside_scope_and_without_a_document(login: Any) -> None:
    document = imported(tay_son(), seed_text())
    growth = result_of(document, "economic_growth")
    assert (
        login("vanphong").get(reverse("web:provenance", args=["result", growth.pk])).status_code
        == 404
    )
    typed = Result.objects.filter(unit=dap_da(), document__isnull=True).first()
    assert typed is not None
    assert (
        login("vanphong").get(reverse("web:provenance", args=["result", typed.pk])).status_code
        == 404
    )
