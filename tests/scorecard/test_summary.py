from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tongket.catalogue import Direction, UnitClass
from tongket.scorecard import (
    Comparator,
    Evaluation,
    Result,
    Status,
    Target,
    evaluate_target,
    summarize,
)

D = Decimal


def target(
    code: str,
    unit_class: UnitClass,
    amount: Decimal | None,
    direction: Direction = Direction.HIGHER,
    comparator: Comparator | None = None,
) -> Target:
    return Target(code, code, "test", direction, unit_class, amount, comparator)


# Phường Đập Đá, 2023: "có 14/15 chỉ tiêu đạt và vượt kế hoạch đề ra … vẫn còn chỉ tiêu
# thu ngân sách không đạt so kế hoạch". The figures are the article's; the plans are made up.
DAP_DA_2023: list[tuple[Target, Result]] = [
    (target("economic_growth", UnitClass.PERCENT, D("15")), Result(value=D("16.1"))),
    (target("clean_water_rate", UnitClass.PERCENT, D("99.5")), Result(value=D("99.6"))),
    (target("waste_collection_rate", UnitClass.PERCENT, D("100")), Result(value=D("100"))),
    (target("civilized_streets", UnitClass.COUNT, D("12")), Result(value=D("12"))),
    (target("poverty_rate_reduction", UnitClass.PERCENT, D("1")), Result(value=D("3.25"))),
    (target("health_insurance_coverage", UnitClass.PERCENT, D("95")), Result(value=D("98.4"))),
    (
        target("new_party_members", UnitClass.COUNT, D("15")),
        Result(value=D("15"), percent_of_plan=D("100")),
    ),
    (target("party_org_good_rate", UnitClass.PERCENT, D("100")), Result(value=D("100"))),
    (
        target("state_budget_revenue", UnitClass.MONEY, None),
        Result(assessed=Status.NOT_MET),
    ),
    (target("jobs_created", UnitClass.COUNT, D("250")), Result(value=D("263"))),
    (
        target("poverty_rate", UnitClass.PERCENT, D("2"), Direction.LOWER),
        Result(value=D("1.8")),
    ),
    (
        target(
            "child_malnutrition_rate", UnitClass.PERCENT, D("5"), Direction.LOWER, Comparator.LT
        ),
        Result(value=D("4.2")),
    ),
    (target("cultural_families_rate", UnitClass.PERCENT, D("90")), Result(value=D("92.1"))),
    (target("military_recruitment", UnitClass.COUNT, D("20")), Result(value=D("20"))),
    (target("administrative_on_time_rate", UnitClass.PERCENT, D("98")), Result(value=D("100"))),
]


def test_dap_da_2023_is_14_of_15() -> None:
    summary = summarize(evaluate_target(t, r) for t, r in DAP_DA_2023)

    assert summary.text() == "14/15 chỉ tiêu đạt và vượt"
    assert (summary.achieved, summary.total) == (14, 15)
    assert [e.target.code for e in summary.unmet] == ["state_budget_revenue"]
    assert summary.unmet[0].reason == "theo đánh giá: không đạt"
    assert summary.no_data == ()
    assert len(summary.exceeded) + len(summary.met) == 14
    assert summary.estimates == 0


def test_no_data_counts_in_the_total_but_not_as_achieved() -> None:
    evaluations = [evaluate_target(t, r) for t, r in DAP_DA_2023[:8]]
    evaluations.append(evaluate_target(DAP_DA_2023[9][0], None))
    summary = summarize(evaluations)
    assert summary.text() == "8/9 chỉ tiêu đạt và vượt"
    assert summary.unmet == ()
    assert [e.target.code for e in summary.no_data] == ["jobs_created"]


def test_estimates_are_counted() -> None:
    growth = DAP_DA_2023[0][0]
    summary = summarize(
        [
            evaluate_target(growth, Result(value=D("16.1"), is_estimate=True)),
            evaluate_target(growth, Result(percent_of_plan=D("110"), is_estimate=True)),
            evaluate_target(growth, Result(value=D("16.1"))),
        ]
    )
    assert summary.estimates == 2


def test_empty_summary() -> None:
    summary = summarize([])
    assert summary.text() == "chưa có chỉ tiêu"
    assert (summary.achieved, summary.total, summary.estimates) == (0, 0, 0)


def evaluation_with(status: Status, is_estimate: bool) -> Evaluation:
    growth = DAP_DA_2023[0][0]
    return Evaluation(growth, None, status, None, is_estimate, "")


@given(st.lists(st.builds(evaluation_with, st.sampled_from(Status), st.booleans()), max_size=40))
def test_summary_counts_add_up(evaluations: list[Evaluation]) -> None:
    summary = summarize(iter(evaluations))

    assert summary.total == len(evaluations)
    assert summary.achieved + len(summary.unmet) + len(summary.no_data) == summary.total
    assert summary.achieved == sum(e.status.is_achieved for e in evaluations)
    assert all(e.status is Status.NOT_MET for e in summary.unmet)
    assert all(e.status is Status.NO_DATA for e in summary.no_data)
    assert summary.estimates == sum(e.is_estimate for e in evaluations)
    assert summary.text() == (
        f"{summary.achieved}/{summary.total} chỉ tiêu đạt và vượt"
        if evaluations
        else "chưa có chỉ tiêu"
    )
