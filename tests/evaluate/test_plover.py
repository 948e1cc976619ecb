from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate.plover import read_dyads, type_matches

ROWS = [
    ("1", "<s>Turkey</s> imposed sanctions on <t>Sweden</t> on Monday.", "COERCE"),  # PLOVER: sanctions coerce
    ("2", "<s>Israeli jets</s> struck targets in <t>Gaza</t> on Monday.", "ASSAULT"),
    ("3", "<s>Egypt</s> praised <t>Qatar</t> for its work.", "SUPPORT"),
]


def write(tmp_path):
    path = tmp_path / "dyads.tsv"
    lines = ["\tsentence_id\tmarked_sentence\tgold_root"] + [f"\t{i}\t{m}\t{g}" for i, m, g in ROWS]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_marked_spans_become_offsets(tmp_path):
    [first, *_] = read_dyads(write(tmp_path))
    assert first.text == "Turkey imposed sanctions on Sweden on Monday."
    assert first.text[slice(*first.source)] == "Turkey" and first.text[slice(*first.target)] == "Sweden"
    assert type_matches("RETREAT", "YIELD") and not type_matches("AGREE", "YIELD")


def test_evaluate_plover_dyads(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "plover-dyads", str(write(tmp_path)), "--json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["dyads"] == 3
    assert figures["end_to_end_dyad_found"] >= 2 / 3 and figures["type_accuracy_given_dyad"] >= 2 / 3


def test_plover_gold_standard_records_become_dyads(tmp_path):
    from eventwire.evaluate.plover import read_gsr

    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([
        {"id": "doc", "event": "DOCUMENT"},
        {"id": "1", "event": "DEMAND", "text": "Libya asked Great Britain for aid.",
         "source": [{"actorText": "Libya", "code": "LBY"}], "target": ["", {"actorText": "Great Britain"}]},
        {"id": "2", "event": "AGREE", "text": "No actor here.", "source": [{"actorText": "Chad"}],
         "target": [{"actorText": "Niger"}]}]))
    [dyad] = read_gsr(path)
    assert dyad.gold == "REQUEST" and dyad.text[slice(*dyad.target)] == "Great Britain"
    result = CliRunner().invoke(app, ["evaluate", "plover-gsr", str(path), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["dyads"] == 1


def test_a_gold_file_with_no_dyad_is_a_usage_error_naming_it(tmp_path):
    no_columns = tmp_path / "plain.tsv"
    no_columns.write_text("x\ty\n1\t2\n")
    not_json = tmp_path / "gsr.txt"
    not_json.write_text("not json")
    for kind, path in (("plover-dyads", no_columns), ("plover-gsr", not_json), ("plover-dyads", tmp_path / "none.tsv")):
        result = CliRunner().invoke(app, ["evaluate", kind, str(path)])
        assert result.exit_code == 2 and str(path) in result.stderr, (kind, result.stderr)
