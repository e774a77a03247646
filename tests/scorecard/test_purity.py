"""The scorecard is pure Python: importing it must not import Django."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import tongket.scorecard
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(",".join(loaded))
"""


def test_importing_the_scorecard_does_not_import_django() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == ""


def test_package_docstring_example_runs() -> None:
    import doctest

    import tongket.scorecard

    outcome = doctest.testmod(tongket.scorecard)
    assert outcome.attempted > 0
    assert outcome.failed == 0
