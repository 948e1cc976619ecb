"""A pipeline component that mends a sentence the parser read as one noun phrase.

"Police clashed with protesters.", "Four protesters killed by police.": a parser often takes a past form
without an auxiliary for a participle describing the noun ("forces [who were] clashed ..."), which leaves
the sentence with no predicate and its act with no actor. A reduced participle needs a clause around it;
a sentence whose root is a noun and that has no finite verb of its own is a clause of that verb, the noun
its subject: in the passive when a "by" phrase names the agent or when it is a headline (no full stop:
"Protesters killed in Cairo"), else, in running text, in the active.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.nlp.syntax import NOMINALS, PREDICATE_LINKS, make_root_over

PAST_FORMS = {"VBN", "VBD"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SENTENCE_ENDS = {".", "!"}


@Language.component("predicate_repair")
def predicate_repair(doc: Doc) -> Doc:
    """doc (Doc): a parsed document. RETURNS (Doc): the same, with each sentence that is a noun phrase
    around a past form made a clause of that verb."""
    for sentence in list(doc.sents):
        verb = misread_predicate(sentence)
        if verb is not None:
            make_predicate(sentence, verb)
    return doc


def misread_predicate(sentence: Span) -> Token | None:
    """The past form the parser hung on the noun root of a sentence with no finite verb, else None."""
    root = sentence.root
    if root.pos_ not in NOMINALS:
        return None
    if any(child.dep_ in PREDICATE_LINKS or child.dep_ == "expl" for child in root.children):
        return None
    verbs = [child for child in root.rights if child.dep_ == "acl" and child.tag_ in PAST_FORMS]
    if not verbs or any(token.tag_ in FINITE_TAGS for token in sentence if token not in verbs):
        return None
    verb = verbs[0]
    if any(child.dep_ in {"aux", "aux:pass", "auxpass", "mark", "nsubj", "nsubj:pass"} for child in verb.children):
        return None
    return verb


def is_passive_reading(sentence: Span, verb: Token) -> bool:
    """A "by" phrase on the verb, or a headline (no full stop at the end)."""
    words = [token for token in sentence if not token.is_space]
    return words[-1].text not in SENTENCE_ENDS or any(
        case.lower_ == "by" for child in verb.children for case in child.children if case.dep_ == "case")


def make_predicate(sentence: Span, verb: Token) -> None:
    """Make the verb the root and the sentence's noun root its subject (active or passive); what the noun
    heads after the verb is the verb's."""
    passive = is_passive_reading(sentence, verb)
    make_root_over(sentence.root, verb, "nsubj:pass" if passive else "nsubj")
    verb.tag_ = "VBN" if passive else "VBD"
