from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_extract_prints_one_json_record_per_article(example_article):
    result = run("extract", example_article, "--date", "2025-03-04")
    assert result.exit_code == 0, result.stderr
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["published"] == "2025-03-04"
    assert record["sentences"] and record["actors"]
    assert record["events"] == [] or isinstance(record["events"], list)


def test_shared_example_gives_sentences_and_named_actors(shared_example):
    result = run("extract", shared_example, "--date", "2025-07-25")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    mentions = {a["text"] for a in record["actors"]}
    assert {"Hamas", "Qatar", "Egypt"} <= mentions
    assert len(record["sentences"]) >= 20


def test_table_format_is_a_readable_summary(example_article):
    result = run("extract", example_article, "--date", "2025-03-04", "--format", "table")
    assert result.exit_code == 0
    assert "published 2025-03-04" in result.stdout
    assert "Actors" in result.stdout and "Jeddah" in result.stdout


def test_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path, example_article):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": example_article.read_text()}) + "\n{broken\n")
    out = tmp_path / "out.jsonl"
    result = run("extract", empty, corpus, tmp_path / "missing.txt", "--date", "2025-03-04", "--output", out)
    assert result.exit_code == 1
    assert f"{empty}: E002" in result.stderr
    assert f"{corpus}:2: E008" in result.stderr
    assert "missing.txt: E001" in result.stderr
    assert len(out.read_text().splitlines()) == 1


def test_bad_date_and_unknown_model_are_usage_errors(example_article):
    assert run("extract", example_article, "--date", "25/07/2025").exit_code == 2
    result = run("extract", example_article, "--model", "en_no_such_model")
    assert result.exit_code == 2 and "en_no_such_model" in result.stderr


def test_installed_command_reads_stdin(example_article):
    text = example_article.read_text()
    done = subprocess.run([sys.executable, "-m", "eventwire", "extract", "-", "--date", "2025-03-04"],
                          input=text, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["text"] == text.strip()


def test_table_output_does_not_interpret_markup_in_article_text(tmp_path):
    path = tmp_path / "markup.txt"
    path.write_text("[bold red]Egypt[/bold red] and Qatar urged both sides to return to the talks in Cairo "
                    "on Monday, officials said.")
    result = run("extract", path, "--date", "2025-03-04", "--format", "table")
    assert result.exit_code == 0
    assert "[/bold red]" in result.stdout  # shown as written, not read as markup


def test_quotes_command_groups_by_speaker(shared_example):
    result = run("quotes", shared_example, "--date", "2025-07-25")
    assert result.exit_code == 0, result.stderr
    assert "Steve Witkoff" in result.stdout and "[According to, indirect]" in result.stdout


def test_evaluate_with_a_model_that_does_not_exist_is_a_usage_error(tmp_path):
    dyads = tmp_path / "dyads.tsv"
    dyads.write_text("\tsentence_id\tmarked_sentence\tgold_root\n\t1\t<s>Turkey</s> hit <t>Syria</t>.\tASSAULT\n")
    result = CliRunner().invoke(app, ["evaluate", "plover-dyads", str(dyads), "--model", "no-such-model"])
    assert result.exit_code == 2 and "no-such-model" in result.stderr
