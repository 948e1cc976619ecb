"""Engine: run the stages over articles, in one process or across several."""

from eventwire.engine.extract import Extractor, extract_records

__all__ = ["Extractor", "extract_records"]
