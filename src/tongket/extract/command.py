"""`tongket extract FILE... [--out DIR]`: read reports, write the spec's JSON objects."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tongket.extract.engine import extract_report
from tongket.extract.reader import UnreadableDocument, read_document


def _read_input(name: str) -> str:
    if name == "-":
        return read_document(sys.stdin.buffer.read(), "stdin.txt")
    return read_document(Path(name))


@click.command("extract")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DIR/STEM.json for each input instead of printing.",
)
def extract_command(files: tuple[str, ...], out_dir: Path | None) -> None:
    """Read report FILEs (.txt, .docx, .html, .pdf; - for standard input) and output
    the facts, people, unit and year of each as JSON."""
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for name in files:
        try:
            text = _read_input(name)
        except (OSError, UnreadableDocument) as error:
            raise click.ClickException(str(error)) from error
        report = extract_report(text).to_dict()
        if out_dir is not None:
            stem = "stdin" if name == "-" else Path(name).stem
            target = out_dir / f"{stem}.json"
            target.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        elif len(files) == 1:
            click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(report, ensure_ascii=False))
