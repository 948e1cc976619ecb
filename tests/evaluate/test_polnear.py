from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate.polnear import match, read_corpus, scores

TEXT = "Egypt's foreign minister said the talks would resume next week, officials added."


def write_corpus(folder):
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a1.txt").write_text(TEXT)
    source, cue, content = (0, 24), (25, 29), (30, 62)
    (folder / "attributions" / "a1_ab12.ann").write_text(
        f"T1\tSource {source[0]} {source[1]}\t{TEXT[source[0]:source[1]]}\n"
        f"T2\tCue {cue[0]} {cue[1]}\t{TEXT[cue[0]:cue[1]]}\n"
        f"T3\tContent {content[0]} {content[1]}\t{TEXT[content[0]:content[1]]}\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    (folder / "attributions" / "a1_zz99.ann").write_text("")  # a second annotator is ignored


def test_reading_brat_and_one_annotator_per_article(tmp_path):
    write_corpus(tmp_path)
    [article] = read_corpus(tmp_path)
    assert article.gold["Cue"] == [[(25, 29)]] and article.gold["Content"] == [[(30, 62)]]


def test_exact_and_overlap_matching():
    gold = [[(30, 62)]]
    counts = match(gold, [[(30, 55)]], TEXT)  # most of the content's tokens
    assert (counts["exact"], counts["overlap"]) == (0, 1)
    figures = scores({"Content": counts})
    assert figures["content_overlap"]["f1"] == 1.0 and figures["content_exact"]["f1"] == 0.0


def test_evaluate_command_scores_a_folder(tmp_path):
    write_corpus(tmp_path)
    result = CliRunner().invoke(app, ["evaluate", "polnear", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["articles"] == 1 and figures["cue_exact"]["recall"] == 1.0
