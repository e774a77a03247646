"""The cycle core is pure Python: importing it must not import Django; its examples run."""

from __future__ import annotations

import doctest
import subprocess
import sys
from types import ModuleType

import pytest

import tongket.cycle
from tongket.cycle import awards, conferences, ratings, workflow

CHECK = """
import sys
import tongket.cycle
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(",".join(loaded))
"""


def test_importing_the_cycle_does_not_import_django() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == ""


@pytest.mark.parametrize(
    "module",
    [tongket.cycle, ratings, workflow, awards, conferences],
    ids=lambda module: module.__name__,
)
def test_docstring_examples_run(module: ModuleType) -> None:
    outcome = doctest.testmod(module)
    assert outcome.attempted > 0
    assert outcome.failed == 0


def test_every_exported_name_exists() -> None:
    for name in tongket.cycle.__all__:
        assert hasattr(tongket.cycle, name), name
