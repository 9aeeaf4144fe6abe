"""datavis: questions about CSV datasets answered with charts, through QStash.

``create_app`` reads like a table of contents: configuration, extensions, blueprints,
error handlers, request guards, CLI. Each step imports what it needs inside its function:
``python -m datavis.qstash_dev`` imports this package and should not pay for Flask, DuckDB
and the rest.
"""
from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    from datavis import cli, errors, guards

    app = Flask(__name__, static_folder=None)  # the page's assets are the web blueprint's
    # "/files//x" is a 404 like any unknown path, not an HTML redirect echoing it.
    app.url_map.merge_slashes = False

    _configure(app, test_config or {})   # the environment (and .env, except under tests), then the test's own
    _init_extensions(app)
    _register_blueprints(app)
    errors.register_error_handlers(app)  # one JSON shape everywhere
    guards.init_app(app)                 # body limits, API keys, CORS, proxy headers
    cli.init_app(app)                    # `flask --app datavis init-db`, ...
    _create_tables(app)
    return app


def _configure(app: Flask, overrides: dict[str, Any]) -> None:
    """The settings, read once; Flask's own keys (TESTING, ...) go to app.config."""
    from datavis import binding, config
    from datavis.extensions import openapi_settings

    settings = config.Settings.from_env(dotenv=not overrides.get("TESTING")).replace(overrides)
    config.init_app(app, settings)
    app.config.update(MAX_CONTENT_LENGTH=settings.max_upload_mb * 1024 * 1024,
                      **openapi_settings(settings))
    app.config.update(overrides)
    # Under `flask run`, the refusal gunicorn.conf.py makes: no public port with dev keys.
    if (host := binding.flask_run_host()) is not None:
        binding.check_bind(settings, [host])


def _init_extensions(app: Flask) -> None:
    """Tracing and logs, metrics, the database, the event hub, the QStash client, smorest."""
    from datavis import metrics, observability
    from datavis.extensions import api, qstash
    from datavis.services import event_hub
    from datavis.store import db

    observability.init_app(app)
    metrics.init_app(app)
    db.init_app(app)
    event_hub.init_app(app)
    qstash.init_app(app)
    api.init_app(app)


def _register_blueprints(app: Flask) -> None:
    """The public API (documented) and its docs page, the QStash receiver, health, the chat
    page, and the operators' /metrics, /ops/api/* and /ops."""
    from datavis.api import blueprints
    from datavis.api.docs import bp as docs_bp
    from datavis.extensions import api
    from datavis.health import bp as health_bp
    from datavis.internal import bp as internal_bp
    from datavis.ops import metrics_bp, ops_bp, ops_page_bp
    from datavis.web import bp as web_bp

    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    for plain in (docs_bp, internal_bp, health_bp, web_bp, metrics_bp, ops_bp, ops_page_bp):
        app.register_blueprint(plain)


def _create_tables(app: Flask) -> None:
    """Missing tables are created (idempotent; gunicorn's master also does it before forking)."""
    from datavis.store import db

    if app.config.get("AUTO_CREATE_DB", True):
        with app.app_context():
            db.create_all()
