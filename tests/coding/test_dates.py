from __future__ import annotations

from datetime import date

import pytest

from eventwire.coding.dates import event_date, period
from eventwire.nlp import load_pipeline

FRIDAY = date(2025, 7, 25)


@pytest.mark.parametrize("text, verb, modality, expected", [
    ("In a message released Thursday, he said talks had failed.", "released", "asserted", "2025-07-24"),
    ("The envoy left Doha on Friday.", "left", "asserted", "2025-07-25"),
    ("New negotiations are expected to begin next week.", "begin", "expected", "2025-07-28/2025-08-03"),
    ("Talks will resume on Monday.", "resume", "planned", "2025-07-28"),
    ("Israel attacked the town on 24 July.", "attacked", "asserted", "2025-07-24"),
    ("The delegation arrived yesterday.", "arrived", "asserted", "2025-07-24"),
    ("Hamas rejected the plan.", "rejected", "asserted", "2025-07-25"),
])
def test_time_expressions_resolve_against_the_article_date(text, verb, modality, expected):
    doc = load_pipeline()(text)
    token = next(t for t in doc if t.text == verb)
    assert event_date(token, FRIDAY, modality) == expected


def test_periods_and_unknown_article_date():
    assert period("last", "month", date(2025, 1, 15)) == "2024-12-01/2024-12-31"
    assert period("this", "week", FRIDAY) == "2025-07-21/2025-07-27"
    doc = load_pipeline()("Talks will resume on Monday.")
    assert event_date(doc[2], None, "planned") is None
