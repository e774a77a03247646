"""Suite-wide fixtures: the test database holds the official units and the demo data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Load both unit structures, the catalogue and the seed wards once per test run."""
    from tongket.demo.loader import load_demo

    with django_db_blocker.unblock():
        load_demo()
    yield


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def login(client: Any) -> Any:
    """`login("vanphong")` logs the test client in as that demo user and returns it.

    Demo users: quantri (admin), vanphong (office of phường An Nhơn, Gia Lai; its scope
    holds the former phường Đập Đá), lanhdao (leader of phường An Nhơn), captren
    (superior: tỉnh Gia Lai).
    """
    from django.contrib.auth import get_user_model

    def log_in(username: str) -> Any:
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return log_in
