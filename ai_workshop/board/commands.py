"""`flask themes suggest`: the engine on a file of stories; `flask themes embed`: read ahead."""

import json
import os

import click
from flask.cli import AppGroup

from ai_workshop.stories.files import StoryFileError, read_story_file
from ai_workshop.themes import StoryInput, suggest_themes
from ai_workshop.themes.embedders import available_engines, resolve_engine

themes_cli = AppGroup("themes", help="Suggest themes for a file of stories; read stories ahead.")


def _fail(message: str) -> None:
    raise click.ClickException(message)


@themes_cli.command("suggest")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--k", type=click.IntRange(2, 12), default=None, help="Number of themes (default: 3-8, chosen)."
)
@click.option(
    "--engine", type=click.Choice(["static", "tfidf", "minilm", "multilingual"]), default=None
)
@click.option("--language", default="en", help="The stories' language: it picks the engine.")
def suggest_command(path: str, k: int | None, engine: str | None, language: str) -> None:
    """Print suggested themes for a file of stories as JSON."""
    try:
        rows = read_story_file(path)
    except StoryFileError as error:
        _fail(str(error))
    if engine and engine not in available_engines():
        _fail(f"The {engine} engine is not installed here.")
    stories = [
        StoryInput(row["headline"], row["story"], row["made_possible"], tuple(row["strengths"]))
        for row in rows
    ]
    result = suggest_themes(stories, k=k, engine=resolve_engine(engine, language))
    output = {
        "themes": [
            {
                "name": theme.name,
                "strengths": theme.strengths,
                "stories": sorted(theme.members),
                "representative": theme.representative,
                "also": sorted(theme.secondary),
                "cohesion": theme.cohesion,
            }
            for theme in result.themes
        ],
        "engine": result.engine,
    }
    if result.too_few:
        output["message"] = result.message
    click.echo(json.dumps(output, indent=2, ensure_ascii=False))


@themes_cli.command("embed")
@click.option("--watch", is_flag=True, help="Keep reading stories as they arrive.")
@click.option("--engine", type=click.Choice(["static", "minilm", "multilingual"]), default=None)
def embed_command(watch: bool, engine: str | None) -> None:
    """Read every story not yet read by the theme engine, and store its vectors."""
    from flask import current_app

    from ai_workshop.board import embedding_worker

    plan = embedding_worker.engines_for_rooms(engine or current_app.config.get("THEMES_ENGINE"))
    described = ", ".join(plan)
    if watch:
        click.echo(f"Reading stories with the {described} engine as they arrive.")
        parent = os.getppid()
        # Reading stories can wait; the room's requests cannot: on a laptop with two cores
        # the workers come first.
        if hasattr(os, "nice"):
            os.nice(10)
        # Started by gunicorn's master: stop with it, even when it was killed outright.
        embedding_worker.watch(plan, should_stop=lambda: os.getppid() != parent)
        return
    done = sum(embedding_worker.embed_all(name, languages) for name, languages in plan.items())
    click.echo(f"{done} stories read with the {described} engine.")
