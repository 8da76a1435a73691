"""AI Workshop: a live Appreciative Inquiry session from the projector to the plan."""

from pathlib import Path

from flask import Flask

from ai_workshop.catalogs import compile_stale_catalogs
from ai_workshop.config import load_config, persistent_secret_key
from ai_workshop.db.engine import configure_sqlite, engine_options, read_body_first
from ai_workshop.db.ids import IdConverter
from ai_workshop.extensions import babel, csrf, db, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_mapping(load_config(app.instance_path))
    if config:
        app.config.from_mapping(config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = persistent_secret_key(app.instance_path)
    app.config.setdefault(
        "SQLALCHEMY_ENGINE_OPTIONS", engine_options(app.config["SQLALCHEMY_DATABASE_URI"])
    )
    compile_stale_catalogs()
    register_extensions(app)
    app.url_map.converters["int"] = IdConverter  # before any route is added
    register_security(app)
    register_blueprints(app)
    refuse_undeclared_routes(app)
    register_errors(app)
    register_cli(app)
    register_template_helpers(app)
    trust_proxies(app)
    return app


def trust_proxies(app: Flask) -> None:
    """Behind PROXY_HOPS reverse proxies, the person's address is the one the proxies
    forward (X-Forwarded-For); without it, a header anyone can send is never believed.
    The scheme is gunicorn's to trust (FORWARDED_ALLOW_IPS)."""
    hops = app.config.get("PROXY_HOPS") or 0
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=0, x_host=0, x_port=0, x_prefix=0)


def register_extensions(app: Flask) -> None:
    from ai_workshop import models  # noqa: F401  (tables must be known to Alembic and create_all)
    from ai_workshop.api.views import load_stage, state_json
    from ai_workshop.auth.loader import init_login
    from ai_workshop.live import init_live
    from ai_workshop.web.language import select_locale
    from ai_workshop.web.ratelimit import init_ratelimit

    db.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            configure_sqlite(db.engine)
    app.before_request(read_body_first)
    migrate.init_app(app, db, render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    init_login(app, login_manager)
    init_live(app, load_stage=load_stage, state_json=state_json)
    init_ratelimit(app)


def register_security(app: Flask) -> None:
    from ai_workshop.web.cookies import init_secure_cookies
    from ai_workshop.web.security_headers import init_security_headers

    init_security_headers(app)
    init_secure_cookies(app)


def register_blueprints(app: Flask) -> None:
    from ai_workshop.api import (
        contributions,  # noqa: F401  (adds its routes to the api blueprint)
        tables,  # noqa: F401  (adds its routes to the api blueprint)
        teams,  # noqa: F401  (adds its routes to the api blueprint)
    )
    from ai_workshop.api.views import bp as api_bp
    from ai_workshop.auth.views import bp as auth_bp
    from ai_workshop.board.views import bp as board_bp
    from ai_workshop.checkins.views import bp as checkins_bp
    from ai_workshop.home.views import bp as home_bp
    from ai_workshop.live.stream import bp as live_bp
    from ai_workshop.phone import (
        table_page,  # noqa: F401  (adds its routes to the phone blueprint)
        team_page,  # noqa: F401  (adds its route to the phone blueprint)
    )
    from ai_workshop.phone.check_in import bp as check_in_bp
    from ai_workshop.phone.contribute import bp as contribute_bp
    from ai_workshop.phone.views import bp as phone_bp
    from ai_workshop.plan.views import bp as plan_bp
    from ai_workshop.plan.views import leader_bp
    from ai_workshop.projector.views import bp as projector_bp
    from ai_workshop.web.language import bp as language_bp
    from ai_workshop.workshops import (  # noqa: F401  (add routes to the workshops blueprint)
        privacy_views,
        session_views,
        sharing_views,
        table_views,
    )
    from ai_workshop.workshops.views import bp as workshops_bp

    blueprints = (
        home_bp, auth_bp, workshops_bp, board_bp, phone_bp, contribute_bp, projector_bp, live_bp,
        api_bp, plan_bp, leader_bp, language_bp, checkins_bp, check_in_bp,
    )  # fmt: skip
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)


def refuse_undeclared_routes(app: Flask) -> None:
    """Every route says who may use it; one that does not is refused at start-up."""
    from ai_workshop.web.access import refuse_undeclared_routes

    refuse_undeclared_routes(app)


def register_errors(app: Flask) -> None:
    from ai_workshop.web.error_pages import init_error_pages

    init_error_pages(app)


def register_cli(app: Flask) -> None:
    from ai_workshop.auth.commands import create_facilitator_command
    from ai_workshop.backups.commands import backup_command, restore_command
    from ai_workshop.board.commands import themes_cli
    from ai_workshop.demo.commands import demo_command
    from ai_workshop.plan.commands import plan_cli
    from ai_workshop.workshops.commands import workshop_cli

    commands = (
        create_facilitator_command, workshop_cli, themes_cli, plan_cli, demo_command,
        backup_command, restore_command,
    )  # fmt: skip
    for command in commands:
        app.cli.add_command(command)


def register_template_helpers(app: Flask) -> None:
    from ai_workshop.phases.registry import phase_template
    from ai_workshop.stories.drawn import init_story_drawings
    from ai_workshop.stories.templating import init_story_templating
    from ai_workshop.web.language import language_switch, page_language, quoted
    from ai_workshop.web.template_helpers import init_template_helpers

    init_template_helpers(app)
    app.jinja_env.globals["page_language"] = page_language
    app.jinja_env.globals["language_switch"] = language_switch
    app.jinja_env.filters["quoted"] = quoted
    init_story_templating(app)
    init_story_drawings(app)
    app.jinja_env.globals["phase_template"] = phase_template
