"""In-document coreference: pronouns and definite descriptions resolved to actors named earlier.

A salience model in the spirit of centering: the candidates are the actor mentions of the current
and the two previous sentences that fit the description (a person for "he", a group for "the
movement", actors named together for "the two countries"); the nearest sentence wins, then subjects
and speakers ("according to X") over other roles, then the closest mention.
"""
from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventwire.actors.identity import Mention
from eventwire.actors.kb import Description, KnowledgeBase
from eventwire.nlp.syntax import POSSESSIVE, SUBJECT

SENTENCE_WINDOW = 2
PLURAL_TAGS = {"NNS", "NNPS"}
KINDS_BY_REFERENCE = {  # "agent": an agent whose owner is not stated ("Ethiopian rebels": ---REB)
    "person": {"person"},
    "group": {"group", "organisation", "agent"},
    "state": {"state"},
    "actor": {"group", "organisation", "state", "agent"},
    "plural": {"group", "organisation", "state", "agent"},
}


class DescriptionMatcher:
    """Finds the pronouns and descriptions of the knowledge base's descriptions.yaml in a document."""

    def __init__(self, kb: KnowledgeBase, nlp) -> None:
        self.table: dict[str, Description] = {term: d for d in kb.descriptions for term in d.terms}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("REFERENCE", list(nlp.tokenizer.pipe(self.table)))
        # "the group" also as "the paramilitary group", "the Islamist movement"
        self.definite_heads = {term.split()[1]: term for term in self.table
                               if term.startswith("the ") and len(term.split()) == 2}

    def __call__(self, doc: Doc, taken: set[int]) -> list[tuple[Span, Description]]:
        spans = filter_spans([Span(doc, start, end) for _, start, end in self.matcher(doc)]
                             + self.modified_definites(doc))
        found = [(span, self.table.get(span.text.lower()) or self.table[self.definite_heads[span.root.lower_]])
                 for span in spans if taken.isdisjoint(range(span.start, span.end))]
        return [(span, d) for span, d in found if d.roles is None or role_of(span.root) in d.roles]


    def modified_definites(self, doc: Doc) -> list[Span]:
        """ "the paramilitary group": the definite article, adjectives, and a description's noun."""
        spans = []
        for token in doc:
            if token.lower_ not in self.definite_heads:
                continue
            modifiers = [c for c in token.lefts if c.dep_ not in {"case", "punct", "cc", "mark"}]
            if modifiers and modifiers[0].lower_ == "the" and \
                    all(c.dep_ in {"det", "amod", "compound"} for c in modifiers):
                spans.append(doc[modifiers[0].i:token.i + 1])
        return spans


def resolve_references(mentions: list, references: list[tuple[Span, Description]],
                       sentence_of: dict[int, int]) -> list:
    """RETURNS (list[Mention]): a mention for each reference with an antecedent; a plural reference
    gives one mention per member ("the two countries" -> Qatar, Egypt). sentence_of: the document's
    sentence_numbers."""
    groups = named_together(mentions)
    resolved: list[Mention] = []
    for span, description in references:
        members = refer_back(span, description, mentions + resolved, groups, sentence_of)
        names = " and ".join(m.identity.name or m.span.text for m in members)
        found = [Mention(span, m.identity, f"coreference: {span.text!r} -> {names!r}", antecedent=m)
                 for m in members]
        if len(found) > 1:
            groups.append(found)  # "both countries" ... "their": the pair can be referred to again
        resolved += found
    return resolved


def named_together(mentions: list) -> list[list]:
    """Resolved mentions coordinated with each other ("Qatar and Egypt"), as groups in text order."""
    by_root = {}
    for mention in mentions:
        if mention.identity.key is not None:
            root = mention.span.root
            by_root[root.i] = mention
            if root.dep_ in {"appos", "flat"}:  # "envoy Steve Witkoff": the title is what is coordinated
                by_root.setdefault(root.head.i, mention)
    groups, seen = [], set()
    for mention in mentions:
        root = mention.span.root
        if root.i in seen or root.i not in by_root or not root.conjuncts:
            continue
        members = [by_root[t.i] for t in sorted([root, *root.conjuncts], key=lambda t: t.i) if t.i in by_root]
        seen.update(m.span.root.i for m in members)
        if len(members) > 1:
            groups.append(members)
    return groups


def antecedents(span: Span, description: Description, pool: list, groups: list[list],
                sentence_of: dict[int, int]) -> list:
    kinds = KINDS_BY_REFERENCE[description.refers_to]
    if description.refers_to == "plural":
        pool_ids = {id(m) for m in pool}
        fitting = [g for g in groups if all(id(m) in pool_ids for m in g)
                   and (description.number is None or len(g) == description.number)]
        if fitting:
            return max(fitting, key=lambda g: g[-1].span.start)
        if description.number is not None:
            return []
        pool = [m for m in pool if m.span.root.tag_ in PLURAL_TAGS] or pool
    candidates = [m for m in pool if m.identity.type in kinds]
    if not candidates:
        return []
    here = sentence_of[span.start]
    return [min(candidates, key=lambda m: (here - sentence_of[m.span.start], role_rank(m.span.root),
                                           span.start - m.span.end))]


def role_of(token: Token) -> str | None:
    if token.dep_ in SUBJECT:
        return "subject"
    return "possessor" if token.dep_ in POSSESSIVE else None


def role_rank(token: Token) -> int:
    """0 for subjects and speakers ("according to X"), 1 for other roles."""
    return 0 if token.dep_ in SUBJECT or is_speaker(token) else 1


def is_speaker(token: Token) -> bool:
    markers = [child.lower_ for child in token.children if child.dep_ in {"case", "prep"}]
    if "according" in markers:
        return True
    head = token.head
    return head.lower_ == "to" and head.head.lower_ == "according"


def sentence_numbers(doc: Doc) -> dict[int, int]:
    """Token index -> sentence number."""
    return {token.i: n for n, sent in enumerate(doc.sents) for token in sent}


def refer_back(span: Span, description: Description, earlier: list[Mention], groups: list[list],
               sentence_of: dict[int, int]) -> list[Mention]:
    """The antecedents of a reference among the actor mentions before it, within the sentence window; an
    actor named but not identified ("Ethipian rebels said they ...", a person outside the knowledge base)
    is an antecedent too, so that what the reference does is still its act."""
    here = sentence_of[span.start]
    pool = [m for m in earlier if m.span.end <= span.start and here - sentence_of[m.span.start] <= SENTENCE_WINDOW]
    return antecedents(span, description, pool, groups, sentence_of)
