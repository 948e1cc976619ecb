"""A pipeline component that mends two ways a parser misreads coordination.

A conjoined subject taken for the sentence: "Brazil and the United States are seeking to deepen a
partnership", "The US, Russia, and Switzerland met": a parser often makes the first noun the root and
the verb a conjunct of it whose subject is the last noun only, which leaves the others out of the act.
A noun root with a verb conjunct whose own subject stands between the two is the verb's subject, and
that subject one more conjunct of it.

A bare verb conjunct attached to the wrong verb:

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

from eventwire.nlp.syntax import NOMINALS, PREDICATE_LINKS, is_to_clause, make_root_over

BASE_FORMS = {"VB", "VBP"}
OWN_CLAUSE = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "csubj:pass", "expl", "aux", "aux:pass", "auxpass"}
SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass"}
INFINITIVE_LINKS = {"xcomp", "advcl", "acl", "ccomp", "conj"}


@Language.component("coordination_repair")
def coordination_repair(doc: Doc) -> Doc:
    """doc (Doc): a parsed document. RETURNS (Doc): the same, conjoined subjects under their verb and bare
    verb conjuncts attached to the nearest infinitive between them and their head."""
    for token in doc:
        verb = split_subject_verb(token)
        if verb is not None:
            join_subjects(token, verb)
    for token in doc:
        if is_bare_conjunct(token):
            infinitive = nearest_infinitive(token)
            if infinitive is not None:
                token.head = infinitive
    return doc


def split_subject_verb(noun: Token) -> Token | None:
    """The verb conjunct of a noun root whose own subject stands between the two ("Brazil and the United
    States are seeking"), else None."""
    if noun.dep_ != "ROOT" or noun.pos_ not in NOMINALS or any(child.dep_ in PREDICATE_LINKS
                                                               for child in noun.children):
        return None
    for verb in noun.children:
        if verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"} and any(
                child.dep_ in SUBJECTS and noun.i < child.i < verb.i for child in verb.children):
            return verb
    return None


def join_subjects(noun: Token, verb: Token) -> None:
    """Make the verb the root, the noun its subject and the verb's own subject a conjunct of the noun;
    what the noun heads after the verb ("..., an official said.") is the verb's."""
    subject = next(child for child in verb.children if child.dep_ in SUBJECTS and noun.i < child.i < verb.i)
    conjunction = [child for child in verb.children if child.dep_ == "cc" and child.i < subject.i]
    make_root_over(noun, verb, subject.dep_)
    subject.head, subject.dep_ = noun, "conj"
    for word in conjunction:
        word.head = subject


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
    return token.dep_ in INFINITIVE_LINKS and is_to_clause(token)
