"""A pipeline component that attaches a bare verb conjunct to the infinitive it coordinates with.

"urging the U.S. to step up its pressure on Israel to end military operations and commit to a prisoner
exchange": a parser often hangs "commit" on the first verb of the sentence ("went"), which makes the
speaker commit. A conjunct in the base form with no subject or auxiliary of its own cannot coordinate
with a finite verb, and when an infinitive ("to end") stands between it and the verb it hangs on, it
coordinates with that nearest infinitive ("ways to rescue hostages and help the residents"): the
conjunct is attached there. Any pipeline's parse is mended this way, so every later stage reads it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

BASE_FORMS = {"VB", "VBP"}
OWN_CLAUSE = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubj:pass", "expl", "aux", "aux:pass", "auxpass"}
INFINITIVE_LINKS = {"xcomp", "advcl", "acl", "ccomp", "conj"}


@Language.component("coordination_repair")
def coordination_repair(doc: Doc) -> Doc:
    """doc (Doc): a parsed document. RETURNS (Doc): the same, bare verb conjuncts attached to the
    nearest infinitive between them and their head."""
    for token in doc:
        if is_bare_conjunct(token):
            infinitive = nearest_infinitive(token)
            if infinitive is not None:
                token.head = infinitive
    return doc


def is_bare_conjunct(token: Token) -> bool:
    """A verb conjunct in the base form with no subject or auxiliary of its own; "VBP" is also a present
    tense, which may share its head's subject when that is in the present too ("they say ... and hope")."""
    return (token.dep_ == "conj" and token.tag_ in BASE_FORMS and token.head.i < token.i
            and not (token.tag_ == "VBP" and token.head.tag_ == "VBP")
            and not any(child.dep_ in OWN_CLAUSE for child in token.children))


def nearest_infinitive(conjunct: Token) -> Token | None:
    """The infinitive ("to end") nearest before the conjunct, inside its head's clause and after the
    head, that is not already the head; None when there is none."""
    head = conjunct.head
    for candidate in reversed(conjunct.doc[head.i + 1:conjunct.i]):
        if candidate.sent != conjunct.sent or not is_infinitive(candidate):
            continue
        if head not in candidate.ancestors or conjunct in candidate.ancestors:
            continue
        return candidate
    return None


def is_infinitive(token: Token) -> bool:
    """A clause introduced by "to" ("to end", "to rescue", even when the tagger took the verb for a noun)."""
    return token.dep_ in INFINITIVE_LINKS and any(
        child.dep_ in {"mark", "aux"} and child.lower_ == "to" and child.i < token.i for child in token.children)
