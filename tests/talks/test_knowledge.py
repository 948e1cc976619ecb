"""The talks data files: valid, read as the tracker uses them, and reported by name when broken."""
from __future__ import annotations

import shutil

import pytest

from eventwire.talks import TalksDataError, TalksKnowledge, load_knowledge
from eventwire.talks.knowledge import DATA_DIR


def test_signals_by_code_modality_and_negation():
    knowledge = load_knowledge()
    assert knowledge.signal("164", "asserted", False) == "suspended"
    assert knowledge.signal("164", "planned", False) == "suspended"  # "would be stepping away"
    assert knowledge.signal("164", "hypothetical", False) is None
    assert knowledge.signal("046", "asserted", True) == "suspended"  # "refused to negotiate"
    assert knowledge.signal("046", "asserted", False) == "active"
    assert knowledge.signal("0871", "asserted", False) == "agreement"
    assert knowledge.signal("111", "asserted", False) is None


def test_transitions():
    knowledge = load_knowledge()
    assert knowledge.transition(None, "proposed") == "proposed"
    assert knowledge.transition("suspended", "active") == "resumed"
    assert knowledge.transition("active", "active") is None
    assert knowledge.transition("active", "proposed") is None


def test_issues_and_positions():
    knowledge = load_knowledge()
    assert knowledge.issues_in("commit to a prisoner exchange and a ceasefire") == ["ceasefire", "prisoners"]
    assert knowledge.issues_in("a contract") == []  # whole words only ("tract" is no issue)
    assert knowledge.position("1123") == "accusation" and knowledge.position("020") == "demand"


def test_a_broken_file_is_named(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    (folder / "signals.yaml").write_text("statuses:\n  - signal: paused\n    codes: ['164']\n", encoding="utf8")
    with pytest.raises(TalksDataError, match="signals.yaml"):
        TalksKnowledge(folder)
