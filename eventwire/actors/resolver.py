"""Find actor mentions in a parsed document.

Named entities of the kinds that can act politically (people, organisations, places standing for
states) become `Actor` records; their identity fields stay empty until a knowledge base resolves them.
"""
from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import Actor

# Entity labels of the bundled model (Universal NER) and of spaCy's OntoNotes models.
ACTOR_TYPE_BY_LABEL = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organisation",
    "LOC": "location",
    "GPE": "location",
    "NORP": "group",
}


def find_actors(doc: Doc) -> list[Actor]:
    """doc (Doc): a parsed document. RETURNS (list[Actor]): its actor mentions in text order."""
    actors = []
    for ent in doc.ents:
        actor_type = ACTOR_TYPE_BY_LABEL.get(ent.label_)
        if actor_type is None:
            continue
        actors.append(Actor(id=f"a{len(actors) + 1}", text=ent.text, start=ent.start_char,
                            end=ent.end_char, type=actor_type))
    return actors
