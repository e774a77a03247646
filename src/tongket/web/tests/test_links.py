"""The fast URL maker builds exactly what `reverse` builds."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tongket.web.links import url_maker


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("web:history", ("result", 5)),
        ("web:history", ("target", 123456)),
        ("web:trend", (7, "new_party_members")),
        ("web:scorecard", (42, "2023-h1")),
        ("web:unit", (1,)),
    ],
)
def test_url_maker_matches_reverse(name: str, args: tuple[object, ...]) -> None:
    assert url_maker(name, len(args))(*args) == reverse(name, args=list(args))
