"""The report reader is pure Python: importing it (and its command) loads no Django."""

from __future__ import annotations

import subprocess
import sys

CODE = (
    "import sys, tongket.extract, tongket.extract.command; "
    "sys.exit(any(name.split('.')[0] == 'django' for name in sys.modules))"
)


def test_extract_imports_no_django() -> None:
    assert subprocess.run([sys.executable, "-c", CODE], check=False).returncode == 0
