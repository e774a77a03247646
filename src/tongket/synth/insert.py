"""A fast INSERT of many rows of one model, rows given as plain tuples.

`bulk_create` prepares every value of every row through its field (about 70 µs a row
here, most of a national run); synthetic rows differ only in a few ids and numbers, so
the columns that are the same for all rows are prepared once, through the model's own
fields and defaults, and the rest are passed as they are (ints, bools, Decimals, text,
which every backend takes as they are). Column names and quoting come from the model.
PostgreSQL gets the rows through COPY (one statement per call); other backends through
`executemany` of one single-row INSERT (SQLite runs it in C).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from django.db import connection, models
from django.utils import timezone


class RowInsert:
    """INSERT INTO model (variable…, every other column) VALUES (…) for many rows."""

    def __init__(
        self, model: type[models.Model], variable: Sequence[str], fixed: Mapping[str, Any]
    ) -> None:
        meta = model._meta
        now = timezone.now()
        others = [
            field
            for field in meta.concrete_fields
            if not field.primary_key and field.name not in variable
        ]
        self.constants = tuple(
            field.get_db_prep_save(self.fixed_value(field, fixed, now), connection)
            for field in others
        )
        fields = [cast("models.Field[Any, Any]", meta.get_field(name)) for name in variable]
        fields += others
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(field.column)) for field in fields)
        self.table = quote(meta.db_table)
        self.columns = columns
        marks = ", ".join(["%s"] * len(fields))
        self.insert_sql = f"INSERT INTO {self.table} ({columns}) VALUES ({marks})"

    @staticmethod
    def fixed_value(field: models.Field[Any, Any], fixed: Mapping[str, Any], now: Any) -> Any:
        if field.name in fixed:
            return fixed[field.name]
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        return field.get_default()

    def write(self, rows: Sequence[tuple[Any, ...]]) -> int:
        """Insert `rows` (the variable columns, in order); returns how many."""
        constants = self.constants
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                statement = f"COPY {self.table} ({self.columns}) FROM STDIN"
                with cursor.cursor.copy(statement) as copy:
                    for row in rows:
                        copy.write_row((*row, *constants))
            else:
                cursor.executemany(self.insert_sql, [(*row, *constants) for row in rows])
        return len(rows)
