"""`flask themes suggest`: the theme engine on a file of stories, outside any workshop."""

import json

import click
from flask.cli import AppGroup

from ai_workshop.stories.files import StoryFileError, read_story_file
from ai_workshop.themes import StoryInput, suggest_themes
from ai_workshop.themes.embedders import available_engines, resolve_engine

themes_cli = AppGroup("themes", help="Suggest themes for a file of stories.")


def _fail(message: str) -> None:
    raise click.ClickException(message)


@themes_cli.command("suggest")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--k", type=click.IntRange(2, 12), default=None, help="Number of themes (default: 3-8, chosen)."
)
@click.option("--engine", type=click.Choice(["static", "tfidf", "minilm"]), default=None)
def suggest_command(path: str, k: int | None, engine: str | None) -> None:
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
    result = suggest_themes(stories, k=k, engine=resolve_engine(engine))
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
