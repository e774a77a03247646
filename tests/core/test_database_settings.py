"""SQLite by default, in WAL mode with a busy timeout; DATABASE_URL switches to PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

from tongket.site.settings import database_config


def test_sqlite_file_runs_in_wal_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, django_db_blocker: Any
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_config()
    config["NAME"] = str(tmp_path / "tongket.sqlite3")
    defaults: dict[str, Any] = {"ATOMIC_REQUESTS": False, "AUTOCOMMIT": True, "CONN_MAX_AGE": 0,
                "CONN_HEALTH_CHECKS": False, "TIME_ZONE": None, "TEST": {}}  # fmt: skip
    wrapper = DatabaseWrapper({**defaults, **config})
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
    finally:
        wrapper.close()
    assert config["OPTIONS"]["timeout"] >= 5


def test_database_url_switches_to_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
    config = database_config()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("127.0.0.1", 5432, "test")
