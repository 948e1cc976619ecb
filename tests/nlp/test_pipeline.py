from __future__ import annotations

import pytest

from eventwire.nlp import BUNDLED_MODEL, load_pipeline
from eventwire.nlp.pipeline import ModelNotFound


def test_bundled_pipeline_loads_from_the_package_with_every_layer():
    nlp = load_pipeline()
    assert BUNDLED_MODEL.is_dir()
    assert {"tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"} <= set(nlp.pipe_names)
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    doc = nlp("The army delegation walked out of the talks in Jeddah on Tuesday.")
    walked = doc[3]
    assert walked.lemma_ == "walk" and walked.pos_ == "VERB" and walked.dep_ == "ROOT"
    assert doc[2].dep_ == "nsubj" and doc[2].head == walked
    assert "Jeddah" in [ent.text for ent in doc.ents]


def test_tokenizer_follows_treebank_conventions():
    nlp = load_pipeline()
    tokens = [t.text for t in nlp.tokenizer("Wow!!! Send an e-mail to the non-Microsoft team *** now?!")]
    assert tokens == ["Wow", "!!!", "Send", "an", "e-mail", "to", "the", "non-Microsoft", "team", "***",
                      "now", "?!"]
    assert [t.text for t in nlp.tokenizer("a long-term plan")] == ["a", "long", "-", "term", "plan"]


def test_any_pipeline_folder_can_be_named(tmp_path):
    import spacy

    blank = spacy.blank("en")
    blank.to_disk(tmp_path / "blank")
    nlp = load_pipeline(str(tmp_path / "blank"))
    assert "sentencizer" in nlp.pipe_names  # added so that sentences are always available
    assert len(list(nlp("One. Two.").sents)) == 2


def test_unknown_pipeline_name_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="en_no_such_model"):
        load_pipeline("en_no_such_model")


def test_sentences_start_after_line_breaks_and_never_after_a_plain_word():
    from eventwire.nlp.boundaries import line_break_boundaries

    nlp = load_pipeline()
    text = "Talks collapse\nHamas chief Haniyeh on Monday rejected the plan. It ended."
    doc = line_break_boundaries(nlp.make_doc(text))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Hamas"] is True  # after a line break
    assert starts["on"] is False and starts["rejected"] is False  # after a word, within a line
    assert starts["It"] is None  # after a full stop the parser decides
    paragraphs = line_break_boundaries(nlp.make_doc("Gaza talks\n\nQatar said"))
    assert [t.is_sent_start for t in paragraphs if not t.is_space] == [True, False, True, False]
    assert len(line_break_boundaries(nlp.make_doc("Talks"))) == 1
    sentences = [s.text for s in nlp("Hamas chief Ismail Haniyeh on Wednesday directly rejected a call from "
                                     "Egypt for his movement to disarm.").sents]
    assert len(sentences) == 1


def test_a_dateline_that_opens_a_line_is_a_sentence_of_its_own():
    from eventwire.nlp.boundaries import line_break_boundaries

    nlp = load_pipeline()
    for text in ("JERUSALEM -- An Israeli court rejected the appeal.", "KHARTOUM, March 16 (Xinhua) -- An Israeli "
                 "court rejected it.", "Talks\nANKARA: An Israeli court rejected it."):
        doc = line_break_boundaries(nlp.make_doc(text))
        assert [t.text for t in doc if t.is_sent_start][-1] == "An", text
    # a line that opens with capitals but is no dateline
    doc = line_break_boundaries(nlp.make_doc("NATO said on Monday - as expected - that it would meet."))
    assert not any(t.is_sent_start for t in doc[1:])
    assert [s.root.text for s in nlp("JERUSALEM -- An Israeli court rejected the appeal.").sents][-1] == "rejected"


def test_loading_the_pipeline_keeps_blas_on_one_thread_per_process():
    from threadpoolctl import threadpool_info

    from eventwire.nlp.pipeline import BLAS_THREADS

    load_pipeline()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == BLAS_THREADS for pool in blas)
