"""The bundled lexicon and code table: complete, consistent, and good enough on the shared example."""
from __future__ import annotations

import json
from collections import Counter

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.coding.codes import load_code_table
from eventwire.coding.lexicon import DATA_DIR, read_noun_patterns, read_patterns


def test_code_table_covers_every_root_with_plover_and_goldstein():
    table = load_code_table()
    assert {f"{n:02d}" for n in range(1, 21)} <= set(table)
    assert len(table) >= 300
    assert table["164"].quad_class == 4 and -10 <= table["164"].goldstein <= 10
    assert all(code.plover_type for code in table.values() if not code.root == "01")


def test_verb_lexicon_has_thousands_of_patterns_over_every_root():
    patterns = read_patterns(DATA_DIR / "verbs.yaml")
    nouns = read_noun_patterns(DATA_DIR / "nouns.yaml")
    assert len(patterns) + len(nouns) >= 3000
    roots = Counter(p.code[:2] for p in patterns)
    assert set(roots) == {f"{n:02d}" for n in range(1, 21)}
    codes = load_code_table()
    assert all(p.code in codes for p in patterns + nouns)


def test_the_shared_example_gives_the_required_events(shared_example):
    reference = shared_example.with_suffix(".expected.json")
    result = CliRunner().invoke(app, ["evaluate", "eventwire", str(reference), "--date", "2025-07-25", "--json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["required_found"] >= 7, figures


def test_conflict_sentences_with_the_bundled_lexicon(extractor):
    from datetime import date

    from eventwire.model import Article

    text = ("Israeli jets struck targets in Gaza on Monday. Russian forces shelled Kharkiv overnight. "
            "Kenyan police arrested 20 protesters in Nairobi. The Sudanese army killed five RSF fighters "
            "near El Fasher. Turkey imposed sanctions on Sweden.")
    [record] = extractor.extract([Article(text=text, published=date(2025, 6, 2))])
    codes = {a.id: a.cameo_code for a in record.actors}
    events = {(e.cameo_root, tuple(codes[i] for i in e.source), tuple(codes[i] for i in e.target))
              for e in record.events}
    assert ("19", ("ISRMIL",), ("PSE",)) in events
    assert ("19", ("RUSMIL",), ("UKR",)) in events
    assert any(root == "17" and source == ("KENCOP",) for root, source, _ in events)
    assert ("19", ("SDNMIL",), ("SDNREB",)) in events
    assert ("16", ("TUR",), ("SWE",)) in events
    assert all(e.location is not None for e in record.events if e.cameo_root == "19")


def test_a_required_word_says_more_than_an_open_slot():
    from eventwire.coding.lexicon import parse_pattern

    named = parse_pattern("114", "summon {t} to complain|protest", "test")
    open_act = parse_pattern("100", "summon {t} to {act}", "test")
    assert named.specificity > open_act.specificity
    assert parse_pattern("112", "accuse {t} of", "test").specificity < parse_pattern(
        "1121", "accuse {t} of corruption", "test").specificity
