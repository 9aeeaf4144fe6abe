"""datavis: questions about CSV datasets answered with charts, through QStash.

``create_app`` reads like a table of contents: configuration, extensions, blueprints,
error handlers, request guards, CLI.
"""
from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    from datavis import cli, config, errors, guards, observability
    from datavis.api import blueprints
    from datavis.extensions import api, qstash
    from datavis.health import bp as health_bp
    from datavis.internal import bp as internal_bp
    from datavis.store import db

    app = Flask(__name__)

    # Configuration: the environment (and .env, except under tests), then the test's own.
    app.config.update(config.from_env(dotenv=not (test_config or {}).get("TESTING")))
    app.config.update(test_config or {})
    spec_options = {"servers": [{"url": app.config["API_URL"]}],
                    "info": {"description": "Ask questions about CSV datasets; answers "
                                            "(chart + insight) arrive in the chat."}}
    if app.config["API_KEYS"]:
        spec_options["components"] = {"securitySchemes": {
            "apiKey": {"type": "http", "scheme": "bearer", "description": "an API key"}}}
        spec_options["security"] = [{"apiKey": []}]
    app.config.update(
        MAX_CONTENT_LENGTH=app.config["MAX_UPLOAD_MB"] * 1024 * 1024,
        API_TITLE="datavis", API_VERSION="1.0", OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/", OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="https://cdn.jsdelivr.net/npm/swagger-ui-dist/",
        API_SPEC_OPTIONS=spec_options,
    )

    # Extensions.
    observability.init_app(app)
    db.init_app(app)
    qstash.init_app(app)
    api.init_app(app)

    # Blueprints: the public API (documented), the QStash receiver, health.
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    app.register_blueprint(internal_bp)
    app.register_blueprint(health_bp)

    # Errors: one JSON shape everywhere.
    errors.register_error_handlers(app)

    # Request guards: body limits, API keys, CORS, proxy headers.
    guards.init_app(app)

    # CLI: `flask --app datavis init-db`, ...
    cli.init_app(app)

    if app.config.get("AUTO_CREATE_DB", True):
        with app.app_context():
            db.create_all()
    return app
