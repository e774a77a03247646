"""The demo data reproduces the seed articles' scorecards, from the library and the CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tongket.cli import main
from tongket.demo.loader import load_demo
from tongket.periods import Period
from tongket.results.models import Target
from tongket.results.scorecards import build_scorecard, has_data
from tongket.units.lookup import resolve_unit

pytestmark = pytest.mark.django_db

SEED_SCORECARDS = [
    ("phường Đập Đá", 2023, "14/15 chỉ tiêu đạt và vượt", ["Thu ngân sách nhà nước trên địa bàn"]),
    ("phường Tây Sơn", 2023, "11/11 chỉ tiêu đạt và vượt", []),
    ("phường Thanh Sơn", 2021, "12/14 chỉ tiêu đạt và vượt", None),
    ("phường Chánh Lộ", 2023, "17/17 chỉ tiêu đạt và vượt", []),
    ("phường Hà Khánh", 2023, "12/12 chỉ tiêu đạt và vượt", []),
]


@pytest.mark.parametrize(
    ("name", "year", "summary", "unmet"), SEED_SCORECARDS, ids=[s[0] for s in SEED_SCORECARDS]
)
def test_seed_scorecards_match_their_articles(
    name: str, year: int, summary: str, unmet: list[str] | None
) -> None:
    card = build_scorecard(resolve_unit(name, year, has_data), Period(year))
    assert card.summary.text() == summary
    if unmet is not None:
        assert [row.indicator.name for row in card.unmet_rows] == unmet


def test_thanh_son_misses_production_value_at_93_percent() -> None:
    card = build_scorecard(resolve_unit("phường Thanh Sơn", 2021, has_data), Period(2021))
    unmet = {row.indicator.code: row for row in card.unmet_rows}
    assert "production_value" in unmet
    assert unmet["production_value"].evaluation is not None
    assert unmet["production_value"].evaluation.is_estimate


def test_demo_is_idempotent() -> None:
    before = Target.objects.count()
    report = load_demo()
    assert report.targets == 0
    assert Target.objects.count() == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["phường Đập Đá", "2023"], "14/15 chỉ tiêu đạt và vượt"),
        (["21910", "2023"], "14/15 chỉ tiêu đạt và vượt"),
        (["phường Tây Sơn", "2023"], "11/11 chỉ tiêu đạt và vượt"),
        (["phường Thanh Sơn", "2021"], "12/14 chỉ tiêu đạt và vượt"),
        (["phường Chánh Lộ", "2023"], "17/17 chỉ tiêu đạt và vượt"),
    ],
)
def test_cli_scorecard(args: list[str], expected: str) -> None:
    outcome = CliRunner().invoke(main, ["scorecard", *args], terminal_width=160)
    assert outcome.exit_code == 0, outcome.output
    assert expected in outcome.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["xã Tây Sơn", "2023"], "hãy chọn theo mã"),
        (["phường Không Có", "2023"], "Không tìm thấy đơn vị"),
        (["phường Đập Đá", "1900"], "Năm 1900 nằm ngoài khoảng"),
        (["phường Đập Đá", "2023-q7"], "Số kỳ 7 không hợp lệ"),
    ],
)
def test_cli_scorecard_refuses_bad_input(args: list[str], message: str) -> None:
    outcome = CliRunner().invoke(main, ["scorecard", *args], terminal_width=160)
    assert outcome.exit_code == 1
    assert message in outcome.output
