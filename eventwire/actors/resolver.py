"""Find every actor mention in a parsed document and resolve it to an identity.

Layers, each adding mentions the earlier ones did not cover:
1. agent phrases: a generic agent noun with what it belongs to ("Israeli officials", "Netanyahu's
   office", "the Trump administration", "officials from Egypt", "Hamas' Political Bureau");
2. names: phrases of loaded TABARI/PETRARCH dictionaries first, then the knowledge base's (states,
   organisations, groups, office holders, demonyms, capitals, places);
3. named entities the knowledge base does not know, kept with `key` null unless the text states an
   affiliation in a title or an appositive ("Izzat Al-Rishq, a senior official within Hamas' Political
   Bureau"), which is then learned for later mentions of the same name;
4. in-document coreference for pronouns and descriptions (eventwire.actors.coref).

Each mention carries the reason it resolved as it did, shown by `eventwire actors`.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.actors.coref import DescriptionMatcher, refer_back, resolve_references, sentence_numbers
from eventwire.actors.identity import (
    Identity,
    Mention,
    affiliated_person,
    affiliation_identity,
    organisation_identity,
    person_identity,
    place_identity,
    state_identity,
)
from eventwire.actors.kb import KnowledgeBase, load_knowledge_base
from eventwire.actors.matchers import ActorMatchers, Target, is_acronym
from eventwire.actors.tabari import Dictionaries
from eventwire.coding.dates import names_a_time
from eventwire.nlp.syntax import OBJECT, POSSESSIVE, SUBJECT, appositives, possessor, prepositional_objects

# Entity labels of the bundled model (Universal NER) and of spaCy's OntoNotes models.
ACTOR_TYPE_BY_LABEL = {"PER": "person", "PERSON": "person", "ORG": "organisation", "LOC": "location",
                       "GPE": "location", "NORP": "group"}
AFFILIATION_PREPOSITIONS = {"of", "from", "for", "within", "in"}
MODIFIER_DEPS = {"amod", "compound", "nmod:poss", "poss", "nmod", "nmod:desc", "flat", "nn", "det", "nummod"}
TITLE_WINDOW = 8  # tokens before a name searched for a title ("US Deputy Secretary of Energy X")
TITLE_DEPS = {"compound", "flat", "amod", "nmod", "nmod:desc", "nn", "appos", "flat:name"}
PERSON_LABELS = {"PER", "PERSON"}
# prepositions whose object is someone acted on or acting ("against Oommen Chandy", "by Pltavchenko")
PERSON_PREPOSITIONS = {"with", "to", "against", "toward", "towards", "upon", "from", "by"}
NAME_PART_DEPS = {"flat", "flat:name", "compound"}
# Dictionary codes that do not start with a state's code.
NON_STATE_CODE_PREFIXES = {"IGO", "NGO", "IMG", "MNC", "UAF"}


def is_name(token: Token, names: dict) -> bool:
    """Whether a token belongs to a known name, a named person or another name the recognizer found
    ("President Umbardacil", whatever label the name got)."""
    return token.i in names or token.ent_type_ in PERSON_LABELS or token.pos_ == "PROPN" and bool(token.ent_type_)


def is_unresolved(identity: Identity) -> bool:
    """A name found (by the recognizer, or a person with no role on the day) that no entry resolves."""
    return identity.key is None and identity.type in ACTOR_TYPE_BY_LABEL.values()


def whole_name(ent: Span) -> Span:
    """A person entity extended over the rest of the name the parser joined to it ("Ahmed Farouk" +
    "Zayed" when the recognizer stopped early)."""
    end = ent.end
    doc = ent.doc
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].dep_ in NAME_PART_DEPS \
            and ent.start <= doc[end].head.i < end:
        end += 1
    return doc[ent.start:end] if end > ent.end else ent


def unrecognised_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Proper names (or acronyms the tagger took for nouns) that the recognizer left out and that stand
    as a verb's subject or object, or as the object of a preposition that points at someone ("Dehghan
    had refused", "found Barbarin guilty", "an investigation against Oommen Chandy"), with the name
    words joined to them; not dates or other entities, not words already in a mention."""
    found = []
    for token in doc:
        if not (token.pos_ == "PROPN" or token.pos_ == "NOUN" and is_acronym(token.text)) or token.ent_type_ \
                or token.i in taken or not token.text[:1].isupper() or not token.is_alpha or not is_argument(token) \
                or names_a_time(token.text):  # "threatened Monday to resume": a day the recognizer missed
            continue
        parts = [token] + [t for t in token.children if t.dep_ in NAME_PART_DEPS and t.pos_ == "PROPN"]
        start, end = min(t.i for t in parts), max(t.i for t in parts) + 1
        # a name an actor modifies ("the Egyptian Centre of ...") is that actor's: the coder reads it so
        modified = any(t.i in taken for t in token.children if t.dep_ in MODIFIER_DEPS)
        if end - start == len(parts) and not modified and not any(t.ent_type_ or t.i in taken for t in parts):
            found.append(doc[start:end])
    return found


def is_argument(token: Token) -> bool:
    if token.dep_ in SUBJECT | OBJECT:
        return True
    return token.dep_.startswith(("obl", "nmod")) and any(
        child.dep_ == "case" and child.lower_ in PERSON_PREPOSITIONS for child in token.children)


class NameMatch(NamedTuple):
    span: Span
    identity: Identity
    target: Target


class ActorResolver:
    """Resolves the actor mentions of documents parsed by `nlp` against a knowledge base."""

    def __init__(self, nlp: Language, kb: KnowledgeBase | None = None,
                 dictionaries: Dictionaries | None = None) -> None:
        """dictionaries: TABARI/PETRARCH actor and agent dictionaries; their phrases win over the
        knowledge base's where both match."""
        self.kb = kb or load_knowledge_base()
        self.matchers = ActorMatchers(self.kb, nlp)
        self.descriptions = DescriptionMatcher(self.kb, nlp)
        self.dictionaries = dictionaries

    def resolve(self, doc: Doc, day: date | None = None) -> list[Mention]:
        """doc (Doc): parsed text. day: the article's date, for office holders. RETURNS mentions in text order."""
        matches = self.name_matches(doc, day)
        names: dict[int, NameMatch] = {}
        for match in matches:
            for token in match.span:
                names.setdefault(token.i, match)
        mentions: list[Mention] = []
        taken: set[int] = set()

        def add(mention: Mention) -> None:
            mentions.append(mention)
            # a possessive pronoun inside a mention ("its delegation") still needs its own antecedent
            taken.update(t.i for t in mention.span if not (t.pos_ == "PRON" and t.dep_ in POSSESSIVE))

        agents = self.agent_terms(doc)
        agent_heads = {term.root.i: sector for term, sector in agents}
        for term, sector in agents:
            if self.is_agent_phrase(term, names, agent_heads):
                for mention in self.agent_phrases(term, sector, names, agent_heads):
                    add(mention)
        named = set(taken)
        for match in matches:  # several matches share a span where a dictionary code names several actors
            if named.isdisjoint(range(match.span.start, match.span.end)):
                add(self.name_mention(match))
        for ent in doc.ents:
            actor_type = ACTOR_TYPE_BY_LABEL.get(ent.label_)
            ent = whole_name(ent) if actor_type == "person" else ent
            if actor_type and taken.isdisjoint(range(ent.start, ent.end)):
                add(Mention(ent, Identity(None, ent.text, None, None, None, actor_type),
                            f"named entity ({ent.label_}) not in the knowledge base"))
        for name in unrecognised_names(doc, taken):  # "Dehghan had refused", "the Eritrean based OLF reached"
            kind = "organisation" if is_acronym(name.text) else "person"
            add(Mention(name, Identity(None, name.text, None, None, None, kind),
                        f"proper name in an argument slot, not found by the recognizer; taken for a {kind}"))
        mentions.sort(key=lambda m: m.span.start)
        self.stated_affiliations(mentions, names, agent_heads)
        sentence_of = sentence_numbers(doc)
        mentions += resolve_references(mentions, self.descriptions(doc, taken), sentence_of)
        self.owners_by_reference(mentions)
        self.definite_agents(mentions, sentence_of)
        mentions.sort(key=lambda m: m.span.start)
        return mentions

    # -- knowledge-base names ---------------------------------------------------------------

    def name_matches(self, doc: Doc, day: date | None) -> list[NameMatch]:
        """Dictionary phrases first (when dictionaries are loaded), then knowledge-base names around them."""
        matches = self.dictionary_matches(doc, day)
        covered = {token.i for match in matches for token in match.span}
        for span, targets in self.matchers.find_names(doc):
            target = self.named_on(targets, day)
            if target is not None and covered.isdisjoint(range(span.start, span.end)):
                matches.append(NameMatch(span, self.identify(span, target, day), target))
        return matches

    def named_on(self, targets: list[Target], day: date | None) -> Target | None:
        """The entry a name stands for: the first by kind; of several people sharing a name ("Bush",
        "Clinton"), the one in office on the day (a role outside the ELI sector), else nobody."""
        people = [t for t in targets if t.kind == "person"]
        if targets[0].kind != "person" or len(people) == 1:
            return targets[0]
        in_office = [t for t in people if (role := self.kb.people[t.id].role_on(day)) and role.sector != "ELI"]
        return in_office[0] if len(in_office) == 1 else None

    def dictionary_matches(self, doc: Doc, day: date | None) -> list[NameMatch]:
        if self.dictionaries is None:
            return []
        matches = []
        for span, actor in self.dictionaries.actor_trie.find(doc):
            codes = actor.code_on(day)
            for code in codes.split("/") if codes else []:  # None: the null code `---` on that date
                matches.append(self.dictionary_match(span, actor.name, code))
        return matches

    def dictionary_match(self, span: Span, name: str, code: str) -> NameMatch:
        state = self.kb.states.get(code[:3])
        readable = name.replace("_", " ").strip()
        key = code[:3] if code[:3] not in NON_STATE_CODE_PREFIXES else readable.lower()
        identity = Identity(key=key, name=readable.title(), country=code[:3] if state else None,
                            sector=code[3:6] or None, cameo_code=code, type="state" if state else "organisation",
                            kb_id=f"dictionary:{name}", code_base=code)
        return NameMatch(span, identity, Target("dictionary", name))

    def name_mention(self, match: NameMatch) -> Mention:
        identity = self.metonymy(match)
        if match.target.kind == "dictionary":
            reason = f"dictionary: {match.target.id} [{identity.cameo_code}]"
        elif match.target.kind == "place":
            place = self.kb.places[int(match.target.id)]
            reason = f"gazetteer: {place.name} ({place.kind}, {place.country})"
        elif identity is not match.identity:
            reason = f"{match.target.kind} {match.span.text!r} acting for the government of {identity.name}"
        else:
            reason = f"knowledge base: {match.target.kind} {match.target.id}"
        return Mention(match.span, identity, reason)

    def agent_terms(self, doc: Doc) -> list[tuple[Span, str]]:
        """Agent nouns with their sector: dictionary agents first, then the knowledge base's around them."""
        terms: list[tuple[Span, str]] = []
        if self.dictionaries is not None:
            terms = [(span, agent.code + ("~" if agent.before_owner else ""))
                     for span, agent in self.dictionaries.agent_trie.find(doc)]
        covered = {token.i for span, _ in terms for token in span}
        terms += [(span, sector) for span, sector in self.matchers.find_agents(doc)
                  if covered.isdisjoint(range(span.start, span.end))]
        return sorted(terms, key=lambda item: item[0].start)

    def identify(self, span: Span, target: Target, day: date | None) -> Identity:
        kb = self.kb
        if target.kind in {"state", "demonym"}:
            return state_identity(kb.states[target.id])
        if target.kind == "metonym":
            return state_identity(kb.states[target.id], "GOV")
        if target.kind == "organ":  # "the IDF": ISR + MIL
            iso3, sector = target.id.split()
            return state_identity(kb.states[iso3], sector)
        if target.kind == "capital":
            return place_identity(span.text, kb.states[target.id])
        if target.kind == "place":
            place = kb.places[int(target.id)]
            return place_identity(place.name, kb.states[place.country])
        if target.kind == "person":
            return person_identity(kb, kb.people[target.id], day)
        return organisation_identity(kb.organisations.get(target.id) or kb.groups[target.id])

    def metonymy(self, match: NameMatch) -> Identity:
        """A capital or a seat of government that acts ("Washington said", "the Kremlin's response")
        stands for the state's government."""
        root = match.span.root
        seat = match.target.kind == "capital" or (
            match.target.kind == "place" and self.kb.places[int(match.target.id)].kind == "building")
        if seat and (root.dep_ in SUBJECT or root.dep_ in POSSESSIVE) and match.identity.country:
            return state_identity(self.kb.states[match.identity.country], "GOV")
        return match.identity

    def as_owner(self, identity: Identity) -> Identity:
        """What an actor means when something belongs to it: a capital or place stands for its state,
        a person for what they are affiliated with ("Netanyahu's office" -> Israel)."""
        if identity.type == "location" and identity.country:
            return state_identity(self.kb.states[identity.country])
        if identity.type == "person" and identity.affiliation:
            return affiliation_identity(self.kb, identity.affiliation, None) or identity
        return identity

    # -- agent phrases ----------------------------------------------------------------------

    def is_agent_phrase(self, term: Span, names: dict[int, NameMatch], agent_heads: dict[int, str]) -> bool:
        """Whether an agent term names an actor of its own. Not when it is part of a known name ("State
        Department"), an adjective ("official visit", "military operations"), a title or appositive of a
        name ("President Trump", "X, a senior official"), or the modifier of another noun ("army delegation",
        "the paramilitary group")."""
        head = term.root
        if any(t.i in names for t in term) or head.pos_ not in {"NOUN", "PROPN"}:
            return False
        describes = head.head
        if head.dep_ in TITLE_DEPS and is_name(describes, names):
            return False  # "President Trump", "X, a senior official"
        if any(child.dep_ in {"appos", "flat"} and is_name(child, names) for child in head.children):
            return False  # "special envoy Steve Witkoff" parsed with the name in apposition to the title
        # "army delegation", "the paramilitary group": the noun it modifies speaks
        return head.dep_ not in {"compound", "amod"}

    def agent_phrases(self, term: Span, sector: str, names: dict[int, NameMatch],
                      agent_heads: dict[int, str]) -> list[Mention]:
        """A generic agent noun and what it belongs to: Israeli officials -> ISRGOV. Coordinated owners
        give one mention each: "U.S. and Russian negotiators" -> USAGOV ("U.S. and Russian negotiators"),
        RUSGOV ("Russian negotiators")."""
        head = term.root
        sector = next((agent_heads[c.i] for c in head.lefts if c.dep_ == "compound" and c.i in agent_heads), sector)
        modifiers = [t.left_edge.i for t in head.lefts if t.dep_ in MODIFIER_DEPS and t.i < term.start]
        start = min([term.start, *modifiers])
        while start < term.start and term.doc[start].dep_ in {"case", "punct", "cc"}:
            start += 1  # "Hundreds of UN troops" parsed with "of" on "UN": the phrase starts at "UN"
        span = term.doc[start:term.end]
        owners = self.owners_of(head, term, names)
        if not owners:
            if term.text.lower() in self.matchers.owned_only and possessor(head) is None:
                return []  # "an office in London" is no actor
            # CAMEO writes an actor of unknown country with "---" before its sector: "---REB"
            return [Mention(span, Identity(None, None, None, sector, f"---{sector.strip('~')}", "agent"),
                            f"agent {term.text.lower()!r} ({sector}), owner not stated")]
        mentions = []
        for n, owner in enumerate(owners):
            if owner.span.end > span.end:  # "officials from Egypt"
                own_span = term.doc[span.start:owner.span.end]
            else:
                own_span = span if n == 0 else term.doc[owner.span.start:span.end]
            identity = self.as_owner(owner.identity).with_sector(sector)
            reason = f"agent {term.text.lower()!r} ({sector}) of {owner.span.text!r}"
            mentions.append(Mention(own_span, identity, reason))
        return mentions

    def owners_of(self, head: Token, term: Span, names: dict[int, NameMatch]) -> list[NameMatch]:
        """The known names an agent noun belongs to: its possessor, a modifier, or a prepositional
        object, with the names coordinated with it."""
        owner = self.owner_of(head, term, names)
        if owner is None:
            return []
        owners = [owner]
        for conjunct in owner.span.root.conjuncts:
            if conjunct.i in names and names[conjunct.i] not in owners:
                owners.append(names[conjunct.i])
        return sorted(owners, key=lambda o: o.span.start)

    def owner_of(self, head: Token, term: Span, names: dict[int, NameMatch]) -> NameMatch | None:
        """The known name an agent noun belongs to: its possessor, a modifier, or a prepositional object
        (or a name that object itself belongs to)."""
        stated = possessor(head)
        if stated is not None and stated.pos_ == "PRON":
            return None  # "its delegation": the owner is whoever "its" refers to (owners_by_reference)
        for owner in [stated] + [t for t in head.lefts if t.i < term.start] + [t for t in term if t != head]:
            if owner is None:
                continue
            for token in owner.subtree:
                if token.i in names:
                    return names[token.i]
        for preposition, noun in prepositional_objects(head):
            if preposition not in AFFILIATION_PREPOSITIONS:
                continue
            # "the mayor of Nablus", or one place further: "the mayor of the West Bank city of Nablus"
            inner = [t for t in noun.lefts if t.dep_ in NAME_PART_DEPS | {"amod"}] + [
                child for prep, child in prepositional_objects(noun) if prep in AFFILIATION_PREPOSITIONS]
            for candidate in [noun, *inner]:
                if candidate.i in names:
                    return names[candidate.i]
        return None

    def owners_by_reference(self, mentions: list[Mention]) -> None:
        """ "its delegation", "their negotiating team": an agent owned by a pronoun takes the identity the
        pronoun resolved to, seen through the agent's sector."""
        by_token = {m.span.start: m for m in mentions if m.identity.key is not None and len(m.span) == 1}
        for mention in mentions:
            if mention.identity.type != "agent":
                continue
            pronoun = possessor(mention.span.root)
            if pronoun is not None and pronoun.i in by_token:
                owner = self.as_owner(by_token[pronoun.i].identity)
                sector = mention.identity.sector
                mention.identity = owner.with_sector(sector)
                mention.reason = f"agent {mention.span.root.lower_!r} ({sector}) of {pronoun.text!r} = {owner.name}"

    def definite_agents(self, mentions: list[Mention], sentence_of: dict[int, int]) -> None:
        """ "the army" after "Sudan's army": a definite agent with no owner is the latest earlier agent
        named by the same noun whose owner the text stated; failing that, a definite description
        ("the paramilitary group") refers back like one (eventwire.actors.coref)."""
        ordered = sorted(mentions, key=lambda m: m.span.start)
        for n, mention in enumerate(ordered):
            head = mention.span.root
            if mention.identity.type != "agent" or not any(c.lower_ == "the" for c in head.children):
                continue
            nouns = {head.lower_} | {c.lower_ for c in head.children if c.dep_ == "compound"}
            earlier = next((m for m in reversed(ordered[:n]) if m.identity.key is not None
                            and m.span.root.lower_ in nouns), None)
            if earlier is not None:
                mention.identity = earlier.identity
                mention.reason = f"the same {head.lower_!r} as {earlier.span.text!r} before it"
                continue
            description = self.descriptions.table.get(f"the {head.lower_}")
            found = refer_back(mention.span, description, ordered[:n], [], sentence_of) if description else []
            if len(found) == 1:
                antecedent = found[0]
                mention.identity = antecedent.identity
                mention.antecedent = antecedent
                mention.reason = f"coreference: {mention.span.text!r} -> {antecedent.identity.name}"

    # -- affiliations stated in the text ----------------------------------------------------

    def stated_affiliations(self, mentions: list[Mention], names: dict[int, NameMatch],
                            agent_heads: dict[int, str]) -> None:
        """Give unresolved people the affiliation a title or appositive states, and learn it for the
        other mentions of the same name ("Al-Rishq" after "Izzat Al-Rishq, a senior Hamas official"); a
        known actor with no sector of its own takes its title's ("Bree Prime Minister Romendacil", a name
        a dictionary codes BRE: BREGOV)."""
        learned: dict[str, Mention] = {}
        for mention in mentions:
            identity = mention.identity
            if is_unresolved(identity) and (identity.type == "person" or self.title_words(mention.span)):
                stated = self.title(mention.span, names, agent_heads) or self.appositive(mention, mentions)
                if stated is not None:
                    owner, sector, reason = stated
                    mention.identity = affiliated_person(mention.span.text, owner, sector)
                    mention.reason = reason
                    learned[mention.span.text] = learned[mention.span[-1].text] = mention
            elif identity.sector is None and identity.code_base is not None and identity.type != "state":
                sector = self.title_sector(self.title_words(mention.span), agent_heads)
                if sector is not None:
                    mention.identity = identity.with_sector(sector)
                    mention.reason += f"; title ({sector})"
        for mention in mentions:
            if is_unresolved(mention.identity):
                source = learned.get(mention.span.text) or learned.get(mention.span[-1].text)
                if source is not None:
                    mention.identity = source.identity
                    mention.reason = f"same name as {source.span.text!r}, resolved by {source.reason}"

    def title_words(self, name: Span) -> list[Token]:
        """The words right before a name that describe it: its title and the title's owner ("US Deputy
        Secretary of Energy Jeffrey Kupfer"), at most TITLE_WINDOW words away."""
        return sorted(t for c in name.root.lefts if c.i < name.start and c.dep_ in TITLE_DEPS
                      for t in c.subtree if name.start - TITLE_WINDOW <= t.i < name.start)

    def title_sector(self, titles: list[Token], agent_heads: dict[int, str]) -> str | None:
        """The sector of a name's title words: an agent term ("Prime Minister", a dictionary's
        MINISTER [~GOV]), else a one-word agent noun."""
        return next((agent_heads[t.i] for t in titles if t.i in agent_heads), None) or next(
            (self.matchers.agent_sectors[t.lower_] for t in titles if t.lower_ in self.matchers.agent_sectors), None)

    def title(self, name: Span, names: dict[int, NameMatch],
              agent_heads: dict[int, str]) -> tuple[Identity, str, str] | None:
        """ "Egyptian Foreign Minister X", "Hamas spokesman X": a title with an owner right before the name."""
        titles = self.title_words(name)
        sector = self.title_sector(titles, agent_heads)
        owner = next((names[t.i] for t in titles if t.i in names), None)
        if owner is None or sector is None:
            return None
        return self.as_owner(owner.identity), sector.strip("~"), f"title {name.doc[titles[0].i:name.start].text!r}"

    def appositive(self, person: Mention, mentions: list[Mention]) -> tuple[Identity, str | None, str] | None:
        """The first resolved mention inside an appositive of the name, and the sector its noun names."""
        for appos in appositives(person.span.root):
            inside = range(appos.left_edge.i, appos.right_edge.i + 1)
            owner = next((m for m in mentions if m.span.start in inside and m.identity.key is not None), None)
            if owner is not None:
                sector = self.matchers.agent_sectors.get(appos.lower_) or owner.identity.sector
                words = [t for t in appos.doc[inside.start:inside.stop] if not t.is_punct]
                phrase = appos.doc[words[0].i:words[-1].i + 1].text
                return self.as_owner(owner.identity), sector, f"appositive {phrase!r}"
        return None
