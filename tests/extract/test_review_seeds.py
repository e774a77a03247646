"""The review reader on the seed articles (skipped when /work/shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tongket.extract.review import ReviewReading, read_review

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")


def seed(number: str) -> tuple[str, ReviewReading]:
    paths = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not paths:
        pytest.skip(f"seed {number} not available")
    text = paths[0].read_text(encoding="utf-8")
    return text, read_review(text)


def test_000_recommendation_and_concluding_chair() -> None:
    text, reading = seed("000")
    assert reading.conference is not None
    assert reading.conference.chairs == ("Mai Việt Trung",)
    [recommendation] = reading.recommendations
    assert recommendation.assignee == "UBND thị xã"
    assert recommendation.report_back_to == "Thường trực Thị ủy"
    assert recommendation.text in text[slice(*recommendation.span)]
    assert reading.directions == ()


def test_001_awards_and_party_figures() -> None:
    text, reading = seed("001")
    awards = [
        (c.form, c.awarding_body, c.recipient_kind, c.count, c.recipient_name)
        for c in reading.commendations
    ]
    assert awards == [
        ("ky_niem_chuong", None, "person", 1, "Phạm Duy Phong"),
        ("giay_khen", "Đảng bộ phường Tây Sơn", "collective", 2, None),
        ("giay_khen", "Đảng bộ phường Tây Sơn", "person", 11, None),
        ("giay_khen", "UBND phường", "collective", 5, None),
        ("giay_khen", "UBND phường", "person", 12, None),
    ]
    assert reading.commendations[0].title == "Vì sự nghiệp Dân vận"
    assert text[slice(*reading.commendations[3].span)] == "5 tập thế"
    party = reading.party
    assert party is not None
    assert (party.cells_total, party.cells_good, party.cells_excellent, party.cells_failed) == (
        13, 13, 2, 0,
    )  # fmt: skip
    members = (party.members_total, party.members_official, party.members_probationary)
    assert members == (312, 308, 4)
    assert party.members_date is not None
    assert (party.members_date.day, party.members_date.month, party.members_date.year) == (
        8, 12, 2023,
    )  # fmt: skip
    assert party.admitted == 7
    assert reading.conference is not None and reading.conference.kind == "review"


def test_002_working_session_and_directions() -> None:
    text, reading = seed("002")
    conference = reading.conference
    assert conference is not None
    assert conference.kind == "working_session"
    assert conference.opinions_count == 8
    assert conference.chairs == ("Trần Việt Hùng",)
    assert len(reading.directions) == 5
    assert {direction.year for direction in reading.directions} == {2024}
    for direction in reading.directions:
        assert text[slice(*direction.span)] == direction.text
    assert reading.directions[3].text == "Tăng cường, củng cố quốc phòng, an ninh"


def test_003_review_conference() -> None:
    _, reading = seed("003")
    conference = reading.conference
    assert conference is not None
    assert conference.kind == "review"
    assert conference.opinions_count == 8
    assert conference.chairs == ("Lê Việt Dũng", "Đoàn Thị Hoa Kiều")
    assert conference.date is not None
    assert (conference.date.day, conference.date.month, conference.date.year) == (13, 12, 2023)
    assert conference.time_of_day == "sáng"
    [award] = reading.commendations
    assert (award.form, award.recipient_kind, award.awarding_body) == (
        "bang_khen", "collective", "Chủ tịch UBND tỉnh",
    )  # fmt: skip
    assert award.recipient_name == "Nhân dân và cán bộ phường Chánh Lộ"


def test_004_working_session_and_recommendations() -> None:
    _, reading = seed("004")
    conference = reading.conference
    assert conference is not None
    assert conference.kind == "working_session"
    assert conference.time_of_day == "sáng"
    assert conference.date is not None
    assert (conference.date.day, conference.date.month) == (11, 5)
    assert conference.chairs == ("Bùi Văn Phú",)
    assert [(r.text, r.assignee) for r in reading.recommendations][:1] == [
        ("sửa chữa trụ sở UBND phường", "phòng tài chính")
    ]


def test_every_span_is_inside_its_seed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        reading = read_review(text).to_dict()
        spans = [item["span"] for key in ("commendations", "recommendations", "directions")
                 for item in reading[key]]  # fmt: skip
        if reading["conference"]:
            spans.append(reading["conference"]["span"])
        if reading["party"]:
            spans.extend(reading["party"]["spans"])
        for start, end in spans:
            assert 0 <= start < end <= len(text)
