"""Command-line tasks: ``flask --app datavis <command>``."""
from __future__ import annotations

import click
from flask import Flask

from datavis.store import db


def init_app(app: Flask) -> None:
    @app.cli.command("init-db")
    def init_db() -> None:
        """Create the database tables (idempotent)."""
        db.create_all()
        click.echo(f"tables ready in {db.engine.url.render_as_string(hide_password=True)}")
