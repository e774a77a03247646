"""What every database command needs: Django set up, errors shown in Vietnamese."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import click


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongket.site.settings")
    import django

    django.setup()


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's user-facing errors into a clean CLI error message."""
    from django.core.exceptions import ValidationError

    from tongket.periods import PeriodError
    from tongket.units.lookup import UnitNotFound

    try:
        yield
    except ValidationError as error:
        raise click.ClickException(" ".join(error.messages)) from error
    except (UnitNotFound, PeriodError) as error:
        raise click.ClickException(str(error)) from error
