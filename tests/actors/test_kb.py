"""The knowledge base files: validation, coverage the issues ask for, GeoNames extension."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.kb import KnowledgeBaseError, load_knowledge_base, read_geonames

GEONAMES_ROWS = [
    "2643743\tLondon\tLondon\tLondinium,Londres,Лондон\t51.50853\t-0.12574\tP\tPPLC\tGB\t\tENG\tGLA\t\t\t8961989\t\t25\tEurope/London\t2024-01-01",
    "2634341\tWick\tWick\tInbhir Uige,wick-town\t58.43\t-3.08\tP\tPPL\tGB\t\tSCT\t\t\t\t7000\t\t10\tEurope/London\t2024-01-01",
    "9999999\tNowhere\tNowhere\t\t1.0\t1.0\tP\tPPL\tZZ\t\t\t\t\t\t100\t\t1\tUTC\t2024-01-01",
]


def test_coverage():
    kb = load_knowledge_base()
    assert {"USA", "ISR", "PSE", "XKX", "TWN", "ESH", "VAT"} <= set(kb.states)
    assert len(kb.states) >= 198 and len(kb.organisations) >= 80 and len(kb.groups) >= 150
    assert {"hamas", "hezbollah", "houthis"} <= set(kb.groups)
    usa = kb.states["USA"]
    assert {"U.S.", "US", "America", "United States of America"} <= set(usa.aliases)
    assert "Washington" in [usa.capital, *usa.capital_aliases]
    assert any(p.name == "Rafah" and p.country == "PSE" for p in kb.places)


def test_office_holders_follow_the_date():
    kb = load_knowledge_base()
    trump = kb.people["donald_trump"]
    assert trump.role_on(date(2019, 1, 1)).sector == "GOV"
    assert trump.role_on(date(2023, 1, 1)).sector != "GOV"
    assert trump.role_on(date(2025, 7, 25)).affiliation == "USA"
    assert kb.people["steve_witkoff"].role_on(date(2025, 7, 25)).affiliation == "USA"
    assert kb.people["steve_witkoff"].role_on(date(2020, 1, 1)) is None


def test_a_bad_entry_names_its_file(tmp_path):
    for name in ("states.yaml", "organisations.yaml", "groups.yaml", "people.yaml", "agents.yaml",
                 "descriptions.yaml"):
        (tmp_path / name).write_text("[]\n")
    (tmp_path / "states.yaml").write_text("- {iso3: usa, iso2: US, name: United States, capital: Washington, region: Americas}\n")
    (tmp_path / "places.tsv").write_text("name\taliases\tcountry\tkind\tlat\tlon\n")
    with pytest.raises(KnowledgeBaseError, match=r"states.yaml: entry 1 \(United States\)"):
        load_knowledge_base(tmp_path)


def test_geonames_rows_extend_the_gazetteer(tmp_path):
    path = tmp_path / "cities500.txt"
    path.write_text("\n".join(GEONAMES_ROWS) + "\n")
    kb = load_knowledge_base()
    places = read_geonames(path, kb)
    assert [(p.name, p.country, p.kind) for p in places] == [("London", "GBR", "capital"), ("Wick", "GBR", "city")]
    assert places[0].aliases == ["Londinium", "Londres"]  # Latin-script alternate names only
    extended = kb.with_places(places)
    assert len(extended.places) == len(kb.places) + sum(
        1 for p in places if (p.name, p.country) not in {(q.name, q.country) for q in kb.places})
    path.write_text("not\ta geonames row\n")
    with pytest.raises(KnowledgeBaseError, match="cities500.txt:1"):
        read_geonames(path, kb)
