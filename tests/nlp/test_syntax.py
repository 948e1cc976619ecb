"""Reading the parse: who acts for a verb, on hand-made parses."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.nlp.syntax import subjects_of

WORDS = ["Rebels", "shelled", "a", "district", "overnight", ",", "killing", "civilians", "."]
TAGS = ["NNS", "VBD", "DT", "NN", "RB", ",", "VBG", "NNS", "."]
POS = ["NOUN", "VERB", "DET", "NOUN", "ADV", "PUNCT", "VERB", "NOUN", "PUNCT"]
DEPS = ["nsubj", "ROOT", "det", "obj", "advmod", "punct", "acl", "obj", "punct"]


def parsed(words, heads, deps, tags, pos):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_participle_set_off_by_a_comma_after_the_object_is_done_by_the_verbs_subject():
    # "Rebels shelled a district overnight, killing civilians.", ", killing ..." hung on "district"
    doc = parsed(WORDS, [1, 1, 3, 1, 3, 6, 3, 6, 1], DEPS, TAGS, POS)
    assert [t.text for t in subjects_of(doc[6])] == ["Rebels", "district"]


def test_a_participle_right_after_the_object_describes_it():
    # "Rebels issued a statement calling for talks.": the statement speaks first, for whoever issued it
    doc = parsed(["Rebels", "issued", "a", "statement", "calling", "for", "talks", "."], [1, 1, 3, 1, 3, 6, 4, 1],
                 ["nsubj", "ROOT", "det", "obj", "acl", "case", "obl", "punct"],
                 ["NNS", "VBD", "DT", "NN", "VBG", "IN", "NNS", "."],
                 ["NOUN", "VERB", "DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"])
    assert [t.text for t in subjects_of(doc[4])] == ["statement", "Rebels"]
