"""The `extract` command, run with click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tongket.extract.command import extract_command

TEXT = "Năm 2023, phường Tân Định kết nạp 9 đảng viên mới; có 12/12 chỉ tiêu đạt và vượt."


def write_inputs(folder: Path) -> list[str]:
    first, second = folder / "first.txt", folder / "second.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT.replace("Tân Định", "Đa Kao"), encoding="utf-8")
    return [str(first), str(second)]


def test_one_file_prints_one_indented_object(tmp_path: Path) -> None:
    result = CliRunner().invoke(extract_command, write_inputs(tmp_path)[:1])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["unit"] == {"kind": "phường", "name": "Tân Định"}
    assert report["summaries"][0]["achieved"] == 12
    assert "\n  " in result.output


def test_several_files_print_json_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(extract_command, write_inputs(tmp_path))
    lines = result.output.splitlines()
    assert [json.loads(line)["unit"]["name"] for line in lines] == ["Tân Định", "Đa Kao"]


def test_out_writes_one_file_per_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(extract_command, [*write_inputs(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir()) == ["first.json", "second.json"]
    written = (out / "second.json").read_text(encoding="utf-8")
    assert "Đa Kao" in written  # ensure_ascii=False
    assert json.loads(written)["facts"][0]["code"] == "new_party_members"


def test_dash_reads_standard_input() -> None:
    result = CliRunner().invoke(extract_command, ["-"], input=TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["year"] == 2023


def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(extract_command, [str(tmp_path / "absent.txt")])
    assert result.exit_code == 1
    assert "Error" in result.output
