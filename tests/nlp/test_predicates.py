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


def test_a_past_form_read_as_the_adjective_of_the_next_noun_is_the_predicate():
    # "Army bulldozers demolished Palestinian homes.", read as one list of nouns
    doc = parsed(["Army", "bulldozers", "demolished", "Palestinian", "homes", "and", "shops", "."],
                 [1, 1, 4, 4, 1, 6, 4, 1],
                 ["compound", "ROOT", "amod", "amod", "conj", "cc", "conj", "punct"],
                 ["NN", "NNS", "VBD", "JJ", "NNS", "CC", "NNS", "."],
                 ["NOUN", "NOUN", "VERB", "ADJ", "NOUN", "CCONJ", "NOUN", "PUNCT"])
    assert doc[2].dep_ == "ROOT" and (doc[1].dep_, doc[1].head.i) == ("nsubj", 2)
    assert (doc[4].dep_, doc[4].head.i) == ("obj", 2) and doc[6].head.i == 4 and doc[7].head.i == 2


def test_a_participle_after_a_preposition_describes_its_noun():
    # "Dozens of wounded civilians."
    doc = parsed(["Dozens", "of", "wounded", "civilians", "."], [0, 3, 3, 0, 0],
                 ["ROOT", "case", "amod", "nmod", "punct"], ["NNS", "IN", "VBN", "NNS", "."],
                 ["NOUN", "ADP", "VERB", "NOUN", "PUNCT"])
    assert doc[0].dep_ == "ROOT" and doc[2].dep_ == "amod"


def test_a_noun_phrase_before_a_trailing_attribution_is_the_clause_it_reports():
    # "Police clashed with protesters, officials said.": the parser made "Police clashed ..." the subject
    doc = parsed(["Police", "clashed", "with", "protesters", ",", "officials", "said", "."],
                 [6, 0, 3, 1, 0, 6, 6, 6],
                 ["nsubj", "acl", "case", "obl", "punct", "nsubj", "ROOT", "punct"],
                 ["NNS", "VBN", "IN", "NNS", ",", "NNS", "VBD", "."],
                 ["NOUN", "VERB", "ADP", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"])
    assert (doc[1].dep_, doc[1].head.i) == ("ccomp", 6) and (doc[0].dep_, doc[0].head.i) == ("nsubj", 1)
    assert (doc[5].dep_, doc[5].head.i) == ("nsubj", 6) and doc[3].head.i == 1


def test_reporters_the_parser_joined_to_the_noun_phrase_report_the_clause():
    # "Bulldozers demolished homes, officials and witnesses said.", all one list of nouns under "said"
    doc = parsed(["Bulldozers", "demolished", "homes", ",", "officials", "and", "witnesses", "said", "."],
                 [7, 2, 0, 4, 0, 6, 4, 7, 7],
                 ["nsubj", "amod", "conj", "punct", "conj", "cc", "conj", "ROOT", "punct"],
                 ["NNS", "VBD", "NNS", ",", "NNS", "CC", "NNS", "VBD", "."],
                 ["NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "CCONJ", "NOUN", "VERB", "PUNCT"])
    assert (doc[1].dep_, doc[1].head.i) == ("ccomp", 7) and (doc[0].head.i, doc[2].dep_) == (1, "obj")
    assert (doc[4].dep_, doc[4].head.i) == ("nsubj", 7) and doc[6].head.i == 4


def test_an_attribution_swallowed_by_the_clause_before_it_reports_that_clause():
    # "Jets struck homes, killing civilians, officials reported.": "reported" hung on "civilians" and
    # "officials" joined to them
    doc = parsed(["Jets", "struck", "homes", ",", "killing", "civilians", ",", "officials", "reported", "."],
                 [1, 1, 1, 4, 2, 4, 7, 5, 5, 1],
                 ["nsubj", "ROOT", "obj", "punct", "acl", "obj", "punct", "conj", "acl", "punct"],
                 ["NNS", "VBD", "NNS", ",", "VBG", "NNS", ",", "NNS", "VBD", "."],
                 ["NOUN", "VERB", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"])
    assert doc[8].dep_ == "ROOT" and (doc[1].dep_, doc[1].head.i) == ("ccomp", 8)
    assert (doc[7].dep_, doc[7].head.i) == ("nsubj", 8) and doc[5].head.i == 4


def test_a_closing_verb_with_a_subject_of_its_own_stays_where_it_is():
    # "Police arrested the men, who fled.": a relative clause, not an attribution
    doc = parsed(["Police", "arrested", "the", "men", ",", "who", "fled", "."], [1, 1, 3, 1, 6, 6, 3, 1],
                 ["nsubj", "ROOT", "det", "obj", "punct", "nsubj", "relcl", "punct"],
                 ["NNS", "VBD", "DT", "NNS", ",", "WP", "VBD", "."],
                 ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"])
    assert doc[1].dep_ == "ROOT" and doc[6].dep_ == "relcl"


def test_an_infinitive_read_as_the_adjective_of_a_noun_after_it_is_a_clause_with_that_object():
    # "Qatar pledged to expel exiled leaders.", "expel" an adjective of "leaders", "leaders" the clause
    doc = parsed(["Qatar", "pledged", "to", "expel", "exiled", "leaders", "."], [1, 1, 5, 5, 5, 1, 1],
                 ["nsubj", "ROOT", "case", "amod", "amod", "xcomp", "punct"],
                 ["NNP", "VBD", "TO", "VB", "JJ", "NNS", "."],
                 ["PROPN", "VERB", "PART", "VERB", "ADJ", "NOUN", "PUNCT"])
    assert (doc[3].dep_, doc[3].head.i) == ("xcomp", 1) and (doc[5].dep_, doc[5].head.i) == ("obj", 3)
    assert (doc[2].dep_, doc[2].head.i) == ("mark", 3) and doc[4].head.i == 5
    # a capitalised word the tagger took for a base form is left alone ("commitments to European security")
    doc = parsed(["commitments", "to", "European", "common", "security"], [0, 4, 4, 4, 0],
                 ["ROOT", "case", "amod", "amod", "nmod"], ["NNS", "TO", "VB", "JJ", "NN"],
                 ["NOUN", "PART", "VERB", "ADJ", "NOUN"])
    assert doc[2].dep_ == "amod"
