"""TABARI/PETRARCH dictionaries: reading the format and resolving actors with them."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.tabari import Dictionaries, DictionaryError, read_actors, read_agents
from eventwire.nlp import load_pipeline

ACTORS = """<!-- test actors -->
NORDLAND [NRD]  # a comment
+NORDLANDIC
SOUTHMARK_ [SMK]
HELGA_BRANDT
+BRANDT
\t[NRD < 950601]
\t[NRDGOV 19950601 - 19990815]
\t[NRDREB > 990816]
THE_TWO_CAPITALS [NRD/SMK]
THE_NO [NOR]
NORDMARK [NMK]
NORDMARK_PALACE [NMKGOV]
KARL_LUND [NRD]
OLD_KINGDOM
\t[--- <800101]
\t[OKD]
"""

AGENTS = """!PERSON! = MAN, MEN
COUNCIL!PERSON! [~LEG]
OFFICIAL [~GOV]
PALACE_GUARD [~GOV]
AID_AGENCY {AID_AGENCIES} [NGO~]
"""


@pytest.fixture()
def dictionaries(tmp_path):
    (tmp_path / "test.actors.txt").write_text(ACTORS)
    (tmp_path / "test.agents.txt").write_text(AGENTS)
    return tmp_path


def test_actor_entries_synonyms_and_dated_codes(dictionaries):
    actors = {a.name: a for a in read_actors(dictionaries / "test.actors.txt")}
    assert actors["NORDLAND"].phrases == ["NORDLAND", "NORDLANDIC"]
    brandt = actors["HELGA_BRANDT"]
    assert brandt.code_on(date(1990, 1, 1)) == "NRD"
    assert brandt.code_on(date(1997, 1, 1)) == "NRDGOV"
    assert brandt.code_on(date(2001, 1, 1)) == "NRDREB"
    assert actors["OLD_KINGDOM"].code_on(date(1970, 1, 1)) is None  # the null code ---
    assert actors["OLD_KINGDOM"].code_on(date(1990, 1, 1)) == "OKD"


def test_agent_entries_plurals_substitutions_and_code_position(dictionaries):
    agents = {a.name: a for a in read_agents(dictionaries / "test.agents.txt")}
    assert sorted(agents["COUNCIL!PERSON!"].phrases) == ["COUNCILMAN", "COUNCILMEN"]
    assert agents["AID_AGENCY"].phrases == ["AID_AGENCY", "AID_AGENCIES"] and agents["AID_AGENCY"].before_owner
    assert (agents["OFFICIAL"].code, agents["OFFICIAL"].before_owner) == ("GOV", False)


def test_resolution_with_dictionaries(dictionaries):
    nlp = load_pipeline()
    resolver = ActorResolver(nlp, dictionaries=Dictionaries.load([dictionaries], nlp))
    text = ("Nordlandic officials met Brandt and the Southmark delegation. "
            "The Southmarkers and the two capitals protested.")
    mentions = resolver.resolve(nlp(text), date(1997, 1, 1))
    codes = {m.span.text: m.identity.cameo_code for m in mentions}
    assert codes["Nordlandic officials"] == "NRDGOV"  # prefix match + agent code appended
    assert codes["Brandt"] == "NRDGOV"  # synonym, dated code
    assert "Southmarkers" not in codes  # SOUTHMARK_ asks for the exact word
    assert sorted(m.identity.cameo_code for m in mentions if m.span.text == "the two capitals") == ["NRD", "SMK"]


def test_a_whole_word_is_not_the_stem_of_another_and_agent_codes_are_not_repeated(dictionaries):
    nlp = load_pipeline()
    resolver = ActorResolver(nlp, dictionaries=Dictionaries.load([dictionaries], nlp))
    mentions = resolver.resolve(nlp("The Nordmark delegation spoke. Nordmark Palace officials left."),
                                date(1997, 1, 1))
    codes = {m.span.text: m.identity.cameo_code for m in mentions}
    assert codes["The Nordmark delegation"] == "NMKGOV"  # NORDMARK, not the stem of THE_NO
    assert codes["Nordmark Palace officials"] == "NMKGOV"  # NMKGOV + GOV: the sector is there already
    mentions = resolver.resolve(nlp("Nordland Prime Minister Karl Lund spoke."), date(1997, 1, 1))
    assert {m.span.text: m.identity.cameo_code for m in mentions}["Karl Lund"] == "NRDGOV"  # coded NRD, titled GOV


def test_bad_dictionary_is_a_clear_error(tmp_path):
    (tmp_path / "bad.actors.txt").write_text("NORDLAND [NRD 1995-06]\n")
    with pytest.raises(DictionaryError, match=r"bad.actors.txt:1"):
        read_actors(tmp_path / "bad.actors.txt")
    with pytest.raises(DictionaryError, match="no such file"):
        Dictionaries.load([tmp_path / "absent"], load_pipeline())


def test_petrarch_validation_dictionaries_load(shared_data):
    nlp = load_pipeline()
    loaded = Dictionaries.load([shared_data / "petrarch"], nlp)
    assert len(loaded.actors) > 100 and len(loaded.agents) > 50
    resolver = ActorResolver(nlp, dictionaries=loaded)
    mentions = resolver.resolve(nlp("Smeagol met Gondor officials."), date(1996, 1, 1))
    assert {m.span.text: m.identity.cameo_code for m in mentions} == {"Smeagol": "HOBGOV", "Gondor officials": "GONGOV"}
