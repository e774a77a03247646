"""The `tongket` command: a thin layer over the library."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from tongket.commands import data as data_commands
from tongket.commands import documents as document_commands
from tongket.commands import figures as figure_commands
from tongket.commands import recommendations as recommendation_commands
from tongket.commands import synth as synth_commands
from tongket.commands import units as unit_commands
from tongket.commands.common import setup_django
from tongket.extract.command import extract_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tongket")
def main() -> None:
    """Tổng kết — chỉ tiêu, kết quả và tổng kết năm của xã, phường."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int, help="threads per process")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="processes; more than 1 uses gunicorn (one per CPU core suits a busy server)",
)
def serve(host: str, port: int, threads: int, workers: int) -> None:
    """Serve the web application (waitress, or gunicorn with --workers)."""
    setup_django()
    from django.core.management import call_command

    from tongket.commands.serving import serve_application
    from tongket.demo.loader import demo_logins_in_use

    call_command("collectstatic", interactive=False, verbosity=0)
    from tongket.site.wsgi import application

    click.echo(f"Tổng kết đang chạy tại http://{host}:{port}/  (Ctrl+C để dừng)")
    for username, password, role in demo_logins_in_use():
        click.echo(f"Tài khoản mẫu: {username} / {password}  ({role})")
    serve_application(application, host, port, threads, workers)


@main.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (migrate, createsuperuser, …)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tongket manage", *args])


def register(*commands: Any) -> None:
    for command in commands:
        main.add_command(command)


register(
    unit_commands.units,
    data_commands.setup,
    data_commands.demo,
    data_commands.catalog,
    data_commands.scorecard,
    figure_commands.target_command,
    figure_commands.result_command,
    document_commands.import_report_command,
    document_commands.drafts,
    recommendation_commands.recommendations_command,
    synth_commands.synth,
)

main.add_command(extract_command, name="extract")

if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongket.site.settings")
    sys.exit(main())
