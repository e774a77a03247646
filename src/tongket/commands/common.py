"""What every database command needs: Django set up, errors shown in Vietnamese."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.console import Console

logger = logging.getLogger("tongket.cli")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongket.site.settings")
    import django

    django.setup()


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's user-facing errors into a clean CLI error message."""
    from django.core.exceptions import ValidationError

    from tongket.extract.reader import UnreadableDocument
    from tongket.periods import PeriodError
    from tongket.units.lookup import UnitNotFound

    try:
        yield
    except UnreadableDocument as error:
        logger.warning("unreadable document: %s", error)
        raise click.ClickException(
            "Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng (.txt, .docx, .html, .pdf)."
        ) from error
    except ValidationError as error:
        raise click.ClickException(" ".join(error.messages)) from error
    except (UnitNotFound, PeriodError) as error:
        raise click.ClickException(str(error)) from error


def console() -> Console:
    """Rich output; wide enough for tables when the output is not a terminal (a pipe)."""
    return Console(width=None if sys.stdout.isatty() else 160)
