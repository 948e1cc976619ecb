"""Names the dashboard shows for codes: CAMEO roots and PLOVER types (from the CAMEO code table) and the
four quad classes (from `data/quad_classes.tsv`)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.coding.codes import load_code_table

QUAD_CLASSES = Path(__file__).parent / "data" / "quad_classes.tsv"


@dataclass(frozen=True)
class QuadClass:
    number: int
    name: str
    stance: str  # cooperation | conflict


@dataclass(frozen=True)
class Labels:
    """cameo_roots (dict[str, str]): root code -> name, in code order.
    plover_types (tuple[str, ...]): every PLOVER type the code table maps to, sorted.
    quad_classes (dict[int, QuadClass]): by number."""

    cameo_roots: dict[str, str]
    plover_types: tuple[str, ...]
    quad_classes: dict[int, QuadClass]

    def stance(self, quad_class: int | None) -> str | None:
        """RETURNS (str | None): "cooperation" or "conflict" for a quad class, None when unknown."""
        known = self.quad_classes.get(quad_class) if quad_class is not None else None
        return known.stance if known else None


@lru_cache(maxsize=1)
def load_labels() -> Labels:
    """RETURNS (Labels): read once from the code table and the quad class file."""
    table = load_code_table()
    roots = {code.code: code.name for code in sorted(table.values(), key=lambda c: c.code) if code.code == code.root}
    plover = tuple(sorted({code.plover_type for code in table.values() if code.plover_type}))
    with QUAD_CLASSES.open(encoding="utf8", newline="") as handle:
        quads = {int(row["quad_class"]): QuadClass(int(row["quad_class"]), row["name"], row["stance"])
                 for row in csv.DictReader(handle, delimiter="\t")}
    return Labels(cameo_roots=roots, plover_types=plover, quad_classes=quads)
