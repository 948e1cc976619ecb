"""A pipeline component that makes line breaks sentence boundaries.

News text puts headlines, datelines and paragraphs on lines of their own, often without final
punctuation; a parser trained on running prose would glue them to the next sentence. Setting
`is_sent_start` before the parser runs makes it respect them, for any spaCy pipeline.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("line_break_boundaries")
def line_break_boundaries(doc: Doc) -> Doc:
    """doc (Doc): a tokenized document. RETURNS (Doc): the same, with a sentence start after each line break."""
    for token in doc[1:]:
        if not token.is_space and "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc
