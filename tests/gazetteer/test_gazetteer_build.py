"""The data files: rebuilt byte for byte from the source, and read without Django."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "build_units_data.py"
SOURCE_DIR = Path("/tmp/vp")


def find_source() -> Path | None:
    """The vietnam-provinces 2026.9.0 wheel, or its unpacked folder, under /tmp/vp."""
    wheels = sorted(SOURCE_DIR.glob("vietnam_provinces-2026.9.0-*.whl"))
    if wheels:
        return wheels[0]
    unpacked = SOURCE_DIR / "whl"
    return unpacked if (unpacked / "vietnam_provinces" / "__init__.py").is_file() else None


def packaged(name: str) -> bytes:
    return resources.files("tongket.gazetteer").joinpath("data", name).read_bytes()


def test_build_script_regenerates_identical_files(tmp_path: Path) -> None:
    source = find_source()
    if source is None:
        pytest.skip("the vietnam-provinces 2026.9.0 wheel is not in /tmp/vp")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "legacy: 63 province, 696 district, 10051 commune" in result.stdout
    for name in ("units.csv.gz", "conversion.csv.gz"):
        assert (tmp_path / name).read_bytes() == packaged(name), name


def test_gzip_headers_are_fixed() -> None:
    for name in ("units.csv.gz", "conversion.csv.gz"):
        header = packaged(name)[:10]
        assert header[:2] == b"\x1f\x8b"
        assert header[3] == 0  # no file name or other optional field
        assert header[4:8] == b"\x00\x00\x00\x00"  # mtime 0


def test_the_package_does_not_import_django() -> None:
    code = (
        "import sys\n"
        "import tongket.gazetteer as g\n"
        "g.read_units(); g.read_conversions(); g.read_kinds(); g.split_kind('Xã A')\n"
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
