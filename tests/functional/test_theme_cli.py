import csv
import json
from pathlib import Path

from ai_workshop.models import Story

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "ai_stories.json"


def labelled_rows(n=20):
    return [
        {key: row[key] for key in ("headline", "story", "made_possible", "strengths")}
        for row in json.loads(DATA.read_text())["stories"][:n]
    ]


def test_suggest_reads_json_and_prints_themes(runner, tmp_path):
    path = tmp_path / "stories.json"
    path.write_text(json.dumps(labelled_rows()))
    result = runner.invoke(args=["themes", "suggest", str(path), "--k", "4"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert len(output["themes"]) == 4
    indexes = sorted(i for theme in output["themes"] for i in theme["stories"])
    assert indexes == list(range(20))
    for theme in output["themes"]:
        assert theme["name"] and theme["representative"] in theme["stories"]


def test_suggest_reads_csv_with_semicolon_strengths(runner, tmp_path):
    path = tmp_path / "stories.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["headline", "story", "made_possible", "strengths"]
        )
        writer.writeheader()
        for row in labelled_rows(12):
            writer.writerow({**row, "strengths": ";".join(row["strengths"])})
    result = runner.invoke(args=["themes", "suggest", str(path)])
    assert result.exit_code == 0, result.output
    assert 3 <= len(json.loads(result.output)["themes"]) <= 8


def test_suggest_with_few_stories_explains(runner, tmp_path):
    path = tmp_path / "few.json"
    path.write_text(json.dumps(labelled_rows(5)))
    output = json.loads(runner.invoke(args=["themes", "suggest", str(path)]).output)
    assert output["themes"] == [] and "too few" in output["message"]


def test_suggest_rejects_a_broken_file(runner, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    result = runner.invoke(args=["themes", "suggest", str(path)])
    assert result.exit_code != 0 and "Not valid JSON" in result.output


def test_import_stories_from_paper(runner, workshop, tmp_path):
    rows = labelled_rows(6) + [
        {"headline": "", "story": "", "strengths": []},
        {"headline": "Too short", "story": "tiny", "strengths": ["patience"]},
    ]
    rows[0]["consent"] = "named"
    path = tmp_path / "paper.json"
    path.write_text(json.dumps(rows))
    result = runner.invoke(args=["workshop", "import-stories", workshop.code, str(path)])
    assert result.exit_code != 0 and "neither a headline nor a story" in result.output
    path.write_text(json.dumps(rows[:6] + rows[7:]))
    result = runner.invoke(args=["workshop", "import-stories", workshop.code, str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 6 stories" in result.output and "story 7: story" in result.output
    stories = Story.query.order_by(Story.id).all()
    assert len(stories) == 6
    assert stories[0].consent == "named" and stories[1].consent == "private"
    assert all(story.participant_id is None for story in stories)
