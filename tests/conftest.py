"""Shared fixtures: the real bundled pipeline, the shipped example, and paths to shared data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
# The learned attribution tagger is built per machine (training/train_attributions.sh): the tests run the
# rules alone, whatever this machine has built, and test the tagger where asked (tests/quotes/test_learned.py).
BUILT_TAGGER = os.environ.get("EVENTWIRE_ATTRIBUTION_MODEL")
os.environ["EVENTWIRE_ATTRIBUTION_MODEL"] = str(ROOT / "tests" / "no-attribution-model")


@pytest.fixture(scope="session")
def extractor():
    from eventwire.engine import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def example_article() -> Path:
    return EXAMPLES / "sudan-talks-walkout.txt"


@pytest.fixture(scope="session")
def shared_example() -> Path:
    path = SHARED / "examples" / "gaza-talks-collapse.txt"
    if not path.exists():
        pytest.skip(f"shared example not available at {path}")
    return path


@pytest.fixture(scope="session")
def resolver():
    from eventwire.actors import ActorResolver
    from eventwire.nlp import load_pipeline

    return ActorResolver(load_pipeline())


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.exists():
        pytest.skip(f"shared data not available at {path}")
    return path
