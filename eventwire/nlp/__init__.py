"""NLP: the spaCy pipeline every later stage reads (tokens, tags, lemmas, dependencies, entities)."""

from eventwire.nlp.pipeline import BUNDLED_MODEL, load_pipeline

__all__ = ["BUNDLED_MODEL", "load_pipeline"]
