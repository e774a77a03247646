"""The scorecard's data files agree with the code that reads them."""

from __future__ import annotations

from string import Formatter

import pytest

from tongket.scorecard import Status
from tongket.scorecard.messages import MESSAGE_FIELDS, load_templates, read_data_rows


def test_statuses_file_has_one_row_per_status() -> None:
    rows = read_data_rows("statuses.csv")
    assert [row["code"] for row in rows] == [status.value for status in Status]
    for row in rows:
        assert set(row) == {"code", "label", "label_title"}
        assert row["label"] and row["label"] == row["label"].strip().lower()
        assert row["label_title"] == row["label"][:1].upper() + row["label"][1:]


def test_messages_file_matches_declared_messages() -> None:
    assert set(load_templates()) == set(MESSAGE_FIELDS)
    assert len(read_data_rows("messages.csv")) == len(MESSAGE_FIELDS)


@pytest.mark.parametrize("code", sorted(MESSAGE_FIELDS))
def test_message_uses_exactly_its_declared_fields(code: str) -> None:
    template = load_templates()[code]
    fields = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    assert fields == MESSAGE_FIELDS[code]
    assert template == template.strip()
