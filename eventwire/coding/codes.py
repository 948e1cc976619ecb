"""The CAMEO code table: every code with its name, Goldstein weight, quad class and PLOVER mapping,
held once in eventwire/coding/data/cameo_codes.tsv."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "cameo_codes.tsv"


class CodeTableError(ValueError):
    """The code table is malformed; the message names the file and line."""


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    description: str
    goldstein: float | None  # None for codes a user's dictionary brings that the table lacks
    quad_class: int | None
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None
    intent: str | None = None  # the code for promising this act ("will release" -> 0353, express intent to release)
    refusal: str | None = None  # the code for refusing this act ("will not release" -> 1243, refuse to release)
    threat: str | None = None  # the code for threatening this hostile act ("threatened to shell" -> 1384)
    demand: str | None = None  # the code for demanding this act of another ("Libya must hand over" -> 1053)
    mutual: bool = False  # a joint act: conjoined sources with no other target act on each other ("A and B met")


@lru_cache(maxsize=2)
def load_code_table(path: Path = DATA) -> dict[str, CameoCode]:
    """RETURNS (dict[str, CameoCode]): by code. RAISES (CodeTableError): naming file and line."""
    table: dict[str, CameoCode] = {}
    with path.open(encoding="utf8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            try:
                code = CameoCode(code=row["code"], root=row["root"], name=row["name"],
                                 description=row["description"], goldstein=float(row["goldstein"]),
                                 quad_class=int(row["quad_class"]), plover_type=row["plover_type"] or None,
                                 plover_mode=row["plover_mode"] or None, plover_context=row["plover_context"] or None,
                                 intent=row.get("intent_code") or None, refusal=row.get("refusal_code") or None,
                                 threat=row.get("threat_code") or None, demand=row.get("demand_code") or None,
                                 mutual=row.get("mutual") == "y")
            except (KeyError, TypeError, ValueError) as error:
                raise CodeTableError(f"{path}:{line}: {error}") from None
            if not code.code.startswith(code.root) or code.code in table:
                raise CodeTableError(f"{path}:{line}: code {code.code!r} is repeated or not under root {code.root!r}")
            table[code.code] = code
    return table
