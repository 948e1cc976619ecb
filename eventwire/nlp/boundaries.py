"""A pipeline component that tells the sentence splitter where sentences may and must start.

News text puts headlines, datelines and paragraphs on lines of their own, often without final
punctuation; a parser trained on running prose would glue them to the next sentence, so a line break
starts a sentence. Within a line, a parser also cuts sentences after a plain word ("Hezbollah chief
Hassan Nasrallah | on Wednesday | rejected a call ...", "Majority | Forward, a political group ..."),
which leaves verbs without their subjects; a sentence starts only after punctuation or a word that
ends in a full stop ("U.S."), and there the splitter decides. Setting `is_sent_start` before the
parser makes it respect both, for any spaCy pipeline.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token


@Language.component("line_break_boundaries")
def line_break_boundaries(doc: Doc) -> Doc:
    """doc (Doc): a tokenized document. RETURNS (Doc): the same, with a sentence start after each line
    break and none after a word that is not punctuation and does not end in a full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in previous.text_with_ws:
            token.is_sent_start = True
        elif not may_end_sentence(previous):
            token.is_sent_start = False
    return doc


def may_end_sentence(token: Token) -> bool:
    return token.is_punct or token.is_space or token.text.endswith((".", "!", "?"))
