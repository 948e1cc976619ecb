"""The tabular form of records: flatten and assemble are inverses, and rows fit the schemas."""
from eventwire.tables import SCHEMAS, assemble, flatten, to_arrow


def test_rows_round_trip_through_arrow(extractor):
    text = ("Hamas pushed back against criticism from the United States on Friday. "
            "\"We will not return,\" he said. Israel withdrew its delegation from Doha.")
    from eventwire.model import Article
    record = extractor.extract([Article(text=text)])[0].to_dict()
    assert record["events"] and record["actors"]
    rows = flatten(record, {"eventwire_version": "test", "model": "m", "lexicon": "l", "coded_at": None})
    tables = {name: to_arrow(name, rows[name]) for name in SCHEMAS}
    assert tables["articles"].column("eventwire_version").to_pylist() == ["test"]
    events = tables["events"].to_pylist()
    assert events[0]["evidence"] == text[events[0]["evidence_start"]:events[0]["evidence_end"]]
    back = assemble(*(tables["articles"].to_pylist()), tables["actors"].to_pylist(), events,
                    tables["quotes"].to_pylist())
    assert back == record
