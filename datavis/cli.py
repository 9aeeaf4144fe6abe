"""Command-line tasks: ``flask --app datavis <command>``."""
from __future__ import annotations

import datetime as dt

import click
from flask import Flask

from datavis.queueing import worker
from datavis.services import maintenance
from datavis.store import db


def init_app(app: Flask) -> None:
    worker.init_app(app)  # flask --app datavis worker (QUEUE_BACKEND=rq)

    @app.cli.command("init-db")
    def init_db() -> None:
        """Create the database tables (idempotent)."""
        db.create_all()
        click.echo(f"tables ready in {db.engine.url.render_as_string(hide_password=True)}")

    @app.cli.command("sweep")
    @click.option("--older-than", default=600, show_default=True,
                  help="only touch what is at least this many seconds old")
    def sweep(older_than: int) -> None:
        """Publish stranded tasks; remove leftovers of interrupted uploads."""
        result = maintenance.sweep(dt.timedelta(seconds=older_than))
        click.echo(" ".join(f"{key}={value}" for key, value in result.items()))
