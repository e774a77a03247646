"""The `tongket` command: units, catalogue, import and drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tongket.cli import main
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "seeds"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), terminal_width=200)


def test_units_show_lineage_both_ways() -> None:
    outcome = run("units", "show", "21910")
    assert outcome.exit_code == 0, outcome.output
    assert "Phường An Nhơn, Tỉnh Gia Lai" in outcome.output
    assert "Hình thành từ: Phường Đập Đá, Thị xã An Nhơn, Tỉnh Bình Định" in outcome.output
    assert "Đã chuyển thành: Phường An Nhơn, Tỉnh Gia Lai" in outcome.output


def test_units_search_ignores_diacritics() -> None:
    outcome = run("units", "search", "dap da")
    assert "Phường Đập Đá, Thị xã An Nhơn, Tỉnh Bình Định" in outcome.output


def test_units_add_an_earlier_unit_with_its_lineage() -> None:
    outcome = run(
        "units", "add", "582", "phường", "Cũ Thử",
        "--became", "22750", "--on", "01/11/2024", "--basis", "Nghị quyết thử",
    )  # fmt: skip
    assert outcome.exit_code == 0, outcome.output
    unit = Unit.objects.get(name="Cũ Thử")
    assert unit.valid_to is not None and unit.valid_to.isoformat() == "2024-10-31"
    shown = run("units", "show", "phường Cũ Thử")
    assert "Đã chuyển thành: Phường Phủ Hà" in shown.output


def test_units_add_refuses_a_subunit_under_a_province() -> None:
    outcome = run("units", "add", "01", "thôn", "Đông")
    assert outcome.exit_code == 1
    assert "chỉ thêm được dưới một đơn vị cấp xã" in outcome.output


def test_catalog_lists_every_indicator() -> None:
    outcome = run("catalog")
    assert "new_party_members" in outcome.output
    assert "Tỷ lệ hộ nghèo" in outcome.output


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the checkout")
def test_import_report_then_review_drafts() -> None:
    seed = SEEDS / "004_be9e75f00004d690.txt"
    outcome = run("import-report", str(seed), "--unit", "phường Thanh Sơn", "--year", "2021")
    assert outcome.exit_code == 0, outcome.output
    assert "chờ duyệt" in outcome.output
    listing = run("drafts", "list", "--unit", "22750")
    assert listing.exit_code == 0
    listing = run("drafts", "list")
    assert "2.317,8 tỷ đồng" in listing.output
    ids = [word for word in listing.output.split() if word[:1] in "KC" and word[1:].isdigit()]
    assert ids
    rejected = run("drafts", "reject", ids[0], "--reason", "thử")
    assert rejected.exit_code == 0, rejected.output
    again = run("drafts", "reject", ids[0])
    assert again.exit_code == 1
    assert "Chỉ loại được" in again.output


def test_import_report_refuses_an_unknown_unit(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.txt"
    report.write_text("Năm 2023 phường Đập Đá có 14/15 chỉ tiêu đạt.", encoding="utf-8")
    outcome = run("import-report", str(report), "--unit", "phường Không Có")
    assert outcome.exit_code == 1
    assert "Không tìm thấy đơn vị" in outcome.output


def test_result_entered_from_the_cli_changes_the_scorecard() -> None:
    outcome = run("result", "phường Đập Đá", "state_budget_revenue", "2023", "--assessed", "dat")
    assert outcome.exit_code == 0, outcome.output
    assert "phiên bản 2" in outcome.output
    assert "15/15 chỉ tiêu đạt và vượt" in run("scorecard", "phường Đập Đá", "2023").output


def test_target_with_vietnamese_number() -> None:
    outcome = run("target", "21910", "state_budget_revenue", "2026", "124.857.000.000")
    assert outcome.exit_code == 0, outcome.output
    shown = run("target", "21910", "health_insurance_coverage", "2026", "95,5")
    assert shown.exit_code == 0, shown.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["result", "21910", "no_such_code", "2026", "5"], "Không có chỉ tiêu mã “no_such_code”"),
        (["result", "21910", "jobs_created", "2026", "năm"], "Giá trị “năm” không phải là số"),
        (["result", "21910", "clean_water_rate", "2026", "101"], "phải nằm trong khoảng 0–100%"),
        (["result", "21910", "new_party_members", "2026", "--", "-2"], "Số lượng không được âm"),
        (
            ["result", "phường Đập Đá", "jobs_created", "2026", "5"],
            "không tồn tại trong kỳ năm 2026",
        ),
        (["target", "21910", "jobs_created", "2200", "5"], "Năm 2200 không hợp lệ"),
    ],
)
def test_bad_figures_are_refused_in_vietnamese(args: list[str], message: str) -> None:
    outcome = run(*args)
    assert outcome.exit_code == 1
    assert message in outcome.output


def test_import_report_refuses_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "bao-cao.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    outcome = run("import-report", str(broken), "--unit", "phường Đập Đá")
    assert outcome.exit_code == 1
    assert "Không đọc được tệp" in outcome.output
