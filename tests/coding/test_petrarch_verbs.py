"""TABARI/PETRARCH verb dictionaries read into eventwire patterns and used by the coder."""
from __future__ import annotations

from eventwire.actors.sources import ActorSources
from eventwire.coding.petrarch_verbs import read_verb_dictionary
from eventwire.model import Article

VERBS = """<!-- a test dictionary -->
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE    # a comment
- NOT * RELATIONS  [112]
- SAID * RELATIONS  [113]
- * &TIETYPES TIES  [065]

--- ARRIVE  [032:033]  ---
ARRIVE
- * IN +  [032:033]
- $ * WITH % [031]
"""

ACTORS = """ARNOR [ARN]
GONDOR [GON]
"""


def write(tmp_path):
    (tmp_path / "test.verbs.txt").write_text(VERBS)
    (tmp_path / "test.actors.txt").write_text(ACTORS)
    return tmp_path


def test_blocks_synsets_and_reverse_codes(tmp_path):
    dictionary = read_verb_dictionary(write(tmp_path) / "test.verbs.txt")
    texts = {(p.code, p.reverse_code, p.text) for p in dictionary.patterns}
    assert ("064", None, "restore {t?}") in texts
    assert ("112", None, "not restore relations {t?}") in texts  # a negation before the verb
    assert ("065", None, "restore military_ties|economic_ties {t?}") in texts  # one phrase, every word needed
    assert ("032", "033", "arrive in {t}") in texts
    assert dictionary.skipped == 2  # other words before the verb; a source slot and a compound actor


def test_dictionary_codes_events_with_reverse(tmp_path):
    from eventwire.engine import Extractor

    extractor = Extractor(sources=ActorSources((write(tmp_path),), (), True))
    [record] = extractor.extract([Article(text="Arnor arrived in Gondor on Monday. Gondor restored economic ties "
                                               "with Arnor.")])
    codes = {a.id: a.cameo_code for a in record.actors}
    events = {(e.cameo, codes[e.source[0]], codes[e.target[0]]) for e in record.events if e.target}
    assert {("032", "ARN", "GON"), ("033", "GON", "ARN"), ("065", "GON", "ARN")} <= events
    assert all(e.goldstein is None for e in record.events if e.cameo == "065")  # not a CAMEO code: no weight


def test_dictionary_words_stand_anywhere_in_their_phrase(tmp_path):
    from eventwire.engine import Extractor

    (tmp_path / "test.verbs.txt").write_text("--- FIRE  [071]  ---\nFIRE\n- * ARTILLERY  [194]\n\n"
                                             "--- RESTORE  [064]  ---\nRESTORE\n- * ECONOMIC TIES  [065]\n")
    (tmp_path / "test.actors.txt").write_text(ACTORS)
    extractor = Extractor(sources=ActorSources((tmp_path,), (), True))
    [record] = extractor.extract([Article(text="Arnor fired two artillery shells at Gondor on Thursday. Gondor "
                                               "restored ties with Arnor. Arnor restored full economic ties "
                                               "with Gondor.")])
    codes = [e.cameo for e in record.events]
    assert codes == ["194", "064", "065"]  # a word before the head counts; a missing one does not
