"""The coordination repair on hand-made parses, so the test does not depend on the parser's mistakes."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.nlp.coordination import coordination_repair


def parsed(words, heads, deps, tags=None, pos=None):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    return coordination_repair(doc)


def test_a_bare_conjunct_of_a_finite_verb_joins_the_infinitive_before_it():
    # "He went further to end the war and commit to talks", "commit" hung on "went"
    doc = parsed(["He", "went", "further", "to", "end", "the", "war", "and", "commit", "to", "talks"],
                 [1, 1, 1, 4, 1, 6, 4, 8, 1, 10, 8],
                 ["nsubj", "ROOT", "advmod", "mark", "advcl", "det", "obj", "cc", "conj", "case", "obl"],
                 ["PRP", "VBD", "RB", "TO", "VB", "DT", "NN", "CC", "VBP", "IN", "NNS"])
    assert doc[8].head.text == "end" and doc[8].dep_ == "conj"
    assert doc[4].right_edge.text == "talks" and list(doc[1].subtree)[-1].text == "talks"


def test_a_conjunct_with_its_own_subject_or_tense_stays():
    # "He went to Doha to meet Hamas and he returned": a clause of its own
    doc = parsed(["He", "went", "to", "Doha", "to", "meet", "Hamas", "and", "he", "returned"],
                 [1, 1, 3, 1, 5, 1, 5, 9, 9, 1],
                 ["nsubj", "ROOT", "case", "obl", "mark", "advcl", "obj", "cc", "nsubj", "conj"],
                 ["PRP", "VBD", "IN", "NNP", "TO", "VB", "NNP", "CC", "PRP", "VBD"])
    assert doc[9].head.text == "went"
    # "They say they want to resume talks and hope ...": both in the present, one subject
    doc = parsed(["Officials", "say", "talks", "to", "resume", "and", "hope"],
                 [1, 1, 1, 4, 2, 6, 1],
                 ["nsubj", "ROOT", "obj", "mark", "acl", "cc", "conj"],
                 ["NNS", "VBP", "NNS", "TO", "VB", "CC", "VBP"])
    assert doc[6].head.text == "say"


def test_no_infinitive_in_between_leaves_the_parse_alone():
    doc = parsed(["Egypt", "would", "host", "talks", "and", "help", "Gaza"],
                 [2, 2, 2, 2, 5, 2, 5],
                 ["nsubj", "aux", "ROOT", "obj", "cc", "conj", "obj"],
                 ["NNP", "MD", "VB", "NNS", "CC", "VB", "NNP"])
    assert doc[5].head.text == "host"


def test_a_conjoined_subject_taken_for_the_root_goes_back_under_its_verb():
    # "Brazil and Chile are seeking talks, an official said": "Brazil" made the root, "seeking" its conjunct
    doc = parsed(["Brazil", "and", "Chile", "are", "seeking", "talks", ",", "an", "official", "said"],
                 [0, 4, 4, 4, 0, 4, 9, 8, 9, 0],
                 ["ROOT", "cc", "nsubj", "aux", "conj", "obj", "punct", "det", "nsubj", "parataxis"],
                 pos=["PROPN", "CCONJ", "PROPN", "AUX", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "VERB"])
    seeking = doc[4]
    assert seeking.dep_ == "ROOT" and seeking.head == seeking
    assert (doc[0].dep_, doc[0].head.text) == ("nsubj", "seeking")
    assert (doc[2].dep_, doc[2].head.text) == ("conj", "Brazil") and doc[1].head.text == "Chile"
    assert doc[9].head.text == "seeking"  # what hung on the noun after the verb is the verb's


def test_a_noun_root_that_is_a_predicate_keeps_its_conjunct():
    # "Egypt is the mediator and Qatar hosts the talks": a clause of its own, not a conjoined subject
    doc = parsed(["Egypt", "is", "the", "mediator", "and", "Qatar", "hosts", "talks"],
                 [3, 3, 3, 3, 6, 6, 3, 6],
                 ["nsubj", "cop", "det", "ROOT", "cc", "nsubj", "conj", "obj"],
                 pos=["PROPN", "AUX", "DET", "NOUN", "CCONJ", "PROPN", "VERB", "NOUN"])
    assert doc[3].dep_ == "ROOT" and doc[6].head.text == "mediator"
