"""Vietnamese formats and settings read from the environment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import formats, translation

from tongket.site.env import env_bool, env_int, env_list


def test_numbers_and_dates_are_vietnamese() -> None:
    with translation.override("vi"):
        assert formats.number_format(Decimal("124857"), use_l10n=True, force_grouping=True) == (
            "124.857"
        )
        assert formats.number_format(Decimal("2317.8"), 1, use_l10n=True) == "2.317,8"
        assert formats.date_format(dt.date(2024, 1, 8), "SHORT_DATE_FORMAT") == "08/01/2024"
        assert formats.sanitize_separators("2.317,8") == "2317.8"


def test_env_helpers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TK_FLAG", "yes")
    monkeypatch.setenv("TK_NUMBER", "12")
    monkeypatch.setenv("TK_LIST", "a, b,,c")
    assert env_bool("TK_FLAG", False) is True
    assert env_int("TK_NUMBER", 1) == 12
    assert env_list("TK_LIST", []) == ["a", "b", "c"]
    assert env_bool("TK_MISSING", True) is True
    monkeypatch.setenv("TK_FLAG", "maybe")
    with pytest.raises(ValueError):
        env_bool("TK_FLAG", False)
