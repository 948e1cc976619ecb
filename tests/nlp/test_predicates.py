"""The predicate repair on hand-made parses, so the test does not depend on the parser's mistakes."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.nlp.predicates import predicate_repair


def parsed(words, heads, deps, tags, pos):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    return predicate_repair(doc)


def test_a_sentence_read_as_a_noun_phrase_is_a_clause_of_its_past_form():
    # "Police clashed with protesters.", "clashed" hung on "Police" as a participle
    doc = parsed(["Police", "clashed", "with", "protesters", "."], [0, 0, 3, 1, 0],
                 ["ROOT", "acl", "case", "obl", "punct"], ["NNS", "VBN", "IN", "NNS", "."],
                 ["NOUN", "VERB", "ADP", "NOUN", "PUNCT"])
    assert doc[1].dep_ == "ROOT" and doc[0].head.text == "clashed" and doc[0].dep_ == "nsubj"
    assert doc[4].head.text == "clashed" and doc[1].tag_ == "VBD"


def test_with_a_by_agent_or_as_a_headline_the_clause_is_passive():
    by_agent = parsed(["Protesters", "killed", "by", "police", "."], [0, 0, 3, 1, 0],
                      ["ROOT", "acl", "case", "obl:agent", "punct"], ["NNS", "VBN", "IN", "NNS", "."],
                      ["NOUN", "VERB", "ADP", "NOUN", "PUNCT"])
    headline = parsed(["Protesters", "killed", "in", "Cairo"], [0, 0, 3, 1], ["ROOT", "acl", "case", "obl"],
                      ["NNS", "VBN", "IN", "NNP"], ["NOUN", "VERB", "ADP", "PROPN"])
    for doc in (by_agent, headline):
        assert doc[1].dep_ == "ROOT" and doc[0].dep_ == "nsubj:pass" and doc[1].tag_ == "VBN"


def test_a_sentence_with_a_finite_verb_keeps_its_participle():
    # "The troops deployed in Mali were attacked.": "deployed" describes the troops
    doc = parsed(["The", "troops", "deployed", "in", "Mali", "were", "attacked", "."], [1, 6, 1, 4, 2, 6, 6, 6],
                 ["det", "nsubj:pass", "acl", "case", "obl", "aux:pass", "ROOT", "punct"],
                 ["DT", "NNS", "VBN", "IN", "NNP", "VBD", "VBN", "."],
                 ["DET", "NOUN", "VERB", "ADP", "PROPN", "AUX", "VERB", "PUNCT"])
    assert doc[2].dep_ == "acl" and doc[6].dep_ == "ROOT"
