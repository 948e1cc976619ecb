from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate.petrarch import read_records

# Well-formed nesting (unit-test style) and the GSR style, whose <Sentence .../> closes at once.
RECORDS = """<Validation><Sentences>
<Sentence date="20080804" id="A-1" category="TEST">
<!-- a comment with <EventCoding sourcecode="XXX" targetcode="YYY" eventcode="010"/> inside -->
<EventCoding sourcecode="ISR" targetcode="PSE" eventcode="190"></EventCoding>
<Text>
Israel shelled the Gaza &amp; Strip.
</Text>
</Sentence>
<Sentence date="20140101" id="B-1" evaluate="true"/>
<EventCoding eventcode="057" sourcecode="UKR" targetcode="IGOEUREEC" />
<Text>Ukraine ratified a sweeping agreement with the European Union on Tuesday.</Text>
<Sentence date="20140101" id="C-1" evaluate="false"/>
<Text>Left out.</Text>
<Sentence date="19950101" id="D-1">
<EventCoding error="ERROR"></EventCoding>
<Text>An error test.</Text>
</Sentence>
<Sentence date="19950101" id="E-1">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happened.</Text>
"""


def test_records_read_leniently(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text(RECORDS)
    records = read_records(path)
    assert [r.id for r in records] == ["A-1", "B-1", "E-1"]
    assert records[0].text == "Israel shelled the Gaza & Strip." and records[0].codings == [("ISR", "PSE", "190")]
    assert records[1].day.isoformat() == "2014-01-01" and records[2].codings == []


def test_evaluate_petrarch_compares_country_and_sector(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text(RECORDS)
    result = CliRunner().invoke(app, ["evaluate", "petrarch", str(path), "--code-length", "6", "--json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["records"] == 3 and figures["gold"] == 2
    assert figures["matched"] >= 1  # Ukraine -> IGOEUR 057 (the gold's IGOEUREEC cut to six characters)


def test_unreadable_gold_is_a_usage_error(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text("<Validation></Validation>")
    result = CliRunner().invoke(app, ["evaluate", "petrarch", str(path)])
    assert result.exit_code == 2 and "no <Sentence>" in result.stderr
