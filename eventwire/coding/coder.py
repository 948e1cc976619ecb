"""Event coding: from a parsed document and its resolved actor mentions, the events it reports.

For each verb the lexicon knows, the most specific matching pattern gives the CAMEO code; the source
is the verb's subject (or the by-agent of a passive, or the subject of the clause that controls it:
"decided to withdraw", "went further by urging"), the target fills the pattern's slot; both are split
over conjunctions ("Qatar and Egypt") and read through nouns that stand for an actor ("Hamas' stance",
"criticism from U.S. officials"). A requested act ("urged the U.S. to step up pressure on Israel")
is an event of its own, by the one asked, with modality `demanded`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from eventwire.actors.identity import Mention, mentions_by_token
from eventwire.actors.kb import KnowledgeBase, load_knowledge_base
from eventwire.coding.codes import CameoCode, load_code_table
from eventwire.coding.dates import FUTURE_AUXILIARIES, event_date
from eventwire.coding.lexicon import ANY_TARGET, DATA_DIR, read_noun_patterns, read_patterns
from eventwire.coding.location import Gazetteer, dateline_place, event_location
from eventwire.coding.matcher import (COMPLEMENT_DEPS, NounMatch, NounMatcher, VerbMatch, VerbMatcher, direct_object,
                                       is_negated, is_one_of)
from eventwire.coding.petrarch_verbs import VerbDictionary
from eventwire.model import Event, TextSpan
from eventwire.nlp.syntax import (SUBJECT, appositives, is_passive, is_to_clause, noun_phrase_tokens, phrase_tokens,
                                  possessor, prepositional_objects, subjects_of)

OWNER_PREPOSITIONS = {"of", "from", "by"}
EVENT_SETTING_PREPOSITIONS = {"in", "during"}  # "killed in an air strike", "wounded during clashes"
RECIPIENT_PREPOSITIONS = {"with", "to", "against", "at", "on", "toward", "towards", "upon", "into"}
REPORTED_CLAUSE_DEPS = {"ccomp", "parataxis"}
ASKED_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl"}  # "demanded that the US cancel", "called for Israel to halt"
APPEAL_ROOTS = {"02", "10"}  # appeal, demand: the act is asked of the target
THREAT_ROOTS = {"13"}  # threaten: the act is the speaker's, if ...
VIOLENT_ROOTS = {"18", "19", "20"}  # assault, fight, mass violence: declared, they are threats (138x)
ACT_ROOTS = APPEAL_ROOTS | THREAT_ROOTS | {"03"}  # codes whose clause is an act of its own: asked, threatened, promised


@dataclass
class CodingContext:
    """What the coder needs beside the document: actor ids by mention, sentence starts, the date."""

    actor_ids: dict[int, str]  # id(mention) -> actor id
    sentence_starts: list[int]
    day: date | None
    cue_tokens: set[int] = field(default_factory=set)  # tokens of attribution cues (eventwire.quotes)


@dataclass(frozen=True)
class Places:
    """What locating an event needs: the document's mentions by token, its dateline place, the gazetteer."""

    by_token: dict[int, list[Mention]]
    dateline: Mention | None
    gazetteer: Gazetteer


class EventCoder:
    """lexicon_dir: folder with verbs.yaml and nouns.yaml; defaults to the bundled lexicon.
    verb_dictionaries: TABARI/PETRARCH verb dictionaries whose patterns join the lexicon's verb patterns,
        or replace them when `dictionaries_only`."""

    def __init__(self, lexicon_dir: Path = DATA_DIR, kb: KnowledgeBase | None = None,
                 verb_dictionaries: list[VerbDictionary] = (), dictionaries_only: bool = False) -> None:
        verbs, nouns = lexicon_dir / "verbs.yaml", lexicon_dir / "nouns.yaml"
        self.codes: dict[str, CameoCode] = dict(load_code_table())
        for dictionary in verb_dictionaries:
            self.codes.update(dictionary.codes(self.codes))
        self.gazetteer = Gazetteer(kb or load_knowledge_base())
        own = [] if dictionaries_only or not verbs.exists() else read_patterns(verbs)
        self.verbs = VerbMatcher([p for p in own if p.code in self.codes]
                                 + [p for d in verb_dictionaries for p in d.patterns])
        self.nouns = NounMatcher([p for p in read_noun_patterns(nouns) if p.code in self.codes]
                                 if nouns.exists() else [])
        support = yaml.safe_load(lexicon_file(lexicon_dir, "support_verbs.yaml").read_text(encoding="utf8")) or {}
        self.support_verbs = frozenset(support.get("verbs", []))
        self.undoing_verbs = frozenset(support.get("undoing", []))
        self.receiving_verbs = frozenset(support.get("receiving", []))
        # verbs whose object names their event
        self.carrying_verbs = self.support_verbs | self.undoing_verbs | self.receiving_verbs
        self.walkouts = Walkouts.load(lexicon_file(lexicon_dir, "walkouts.yaml"))

    def code(self, doc: Doc, mentions: list[Mention], context: CodingContext) -> list[Event]:
        """RETURNS (list[Event]): the events of the document, in text order, numbered e1, e2, ..."""
        by_token = mentions_by_token(mentions)
        places = Places(by_token, dateline_place(mentions), self.gazetteer)
        events: list[Event] = []
        requested: set[int] = set()  # verbs coded as the act another verb asks for
        absorbed: set[int] = set()  # verbs a pattern of another verb names ("summoned ... to complain")
        covered: set[int] = set()  # nouns a verb event already read ("withdraw its delegation")
        for token in words_with_actors(doc, by_token):  # an event needs an actor for its source
            if token.pos_ in {"NOUN", "PROPN"} and token.i not in covered:
                events += self.nominal_event(token, by_token, context, places, len(events))
            if token.pos_ not in {"VERB", "AUX"} and token.dep_ != "ROOT" or token.i in requested \
                    or token.i in absorbed:
                continue
            match = self.verbs.match(token)
            supported = self.supported_event(token, match, by_token, context, places, requested, len(events))
            if supported is not None:  # "Denmark announced a suspension of aid to Egypt"
                events.append(supported)
                covered.update(t.i for t in direct_object(token).subtree)
                continue
            match = match or self.verbs.usual_match(token)
            if match is not None and is_report(match, context.cue_tokens):
                events += self.reported_requests(token, by_token, context, places, len(events))
                continue
            if match is None:
                continue
            for read in (direct_object(token), match.target):  # "hold talks with Hamas" is one event
                if read is not None:
                    covered.update(t.i for t in read.subtree)
            # a clause the pattern names: the act asked, threatened or promised ("urged Saudi Arabia to press
            # the military"), else part of the event ("summoned the ambassador to complain")
            named = [c for c in token.children if c.dep_ in COMPLEMENT_DEPS
                     and any(nouns and is_one_of(c, nouns) for _, nouns in match.pattern.obliques)]
            named_acts = named if match.pattern.code[:2] in ACT_ROOTS else []
            absorbed.update(c.i for c in named if c not in named_acts)
            modality = "demanded" if asked_within(token, requested) else modality_of(token)
            # "Egypt's call to release the hostages": Egypt asks; who is asked is not named
            clause = governors(token, {"conj", "xcomp"})[-1]
            asked_of_nobody = modality == "demanded" and clause_noun(clause) is not None
            sources = [] if asked_of_nobody else self.first_actors(subjects_of(token), by_token) \
                or self.event_agents(token, by_token)
            targets = self.targets_of(match, by_token, sources)
            if is_statement(match.pattern.code) and not targets:
                continue  # a statement to no actor ("speaking to journalists") is the quote's, not an event
            if reads_nothing_alone(match, sources, targets):
                continue
            code, targets = self.threatened(match, sources, targets, by_token)
            # the act the pattern names, else, for an appeal or demand, a clause with a subject of its own
            asked = match.complement if match.complement is not None else \
                self.asked_clause(token) if match.pattern.code[:2] in APPEAL_ROOTS else None
            if not targets and code.root in APPEAL_ROOTS and asked is not None:  # "demanded that the US cancel"
                targets = self.asked_subjects(asked, by_token, sources)
            built = []
            for side, others_of_side in self.sides(code, sources, targets):
                event = self.build(code, token, match.pattern.specificity, side, others_of_side, match.negated,
                                   modality, context, places, len(events))
                if event is not None:
                    events.append(event)
                    built.append(event)
            if not built:
                continue
            if match.pattern.reverse_code and targets:  # the target's side of it: hosting the visit
                reverse = self.build(self.codes[match.pattern.reverse_code], token, match.pattern.specificity,
                                     targets, sources, match.negated, built[0].modality, context, places, len(events))
                events += [reverse] if reverse is not None else []
            # a clause no pattern names is an asked act only when someone is asked
            acts = [asked, *asked.conjuncts] if asked is not None and (asked is match.complement or targets) \
                else named_acts
            actors, modality = act_of(match.pattern.code, sources, targets)
            for verb in acts:  # "urged the U.S. to step up pressure on Israel and commit to ...": the U.S. is asked
                requested.add(verb.i)
                # an act asked or promised that no pattern reads whole is read by its usual code; a
                # threatened one is the threat's ("threatened to deliver blows": no delivery of aid)
                act = self.verbs.match(verb) or (self.verbs.usual_match(verb) if match.pattern.code[:2]
                                                 not in THREAT_ROOTS else None)
                if act is None:
                    continue
                for read in (direct_object(verb), act.target):
                    if read is not None:  # "to step up its pressure on Israel": one (asked) event
                        covered.update(t.i for t in read.subtree)
                act_targets = self.targets_of(act, by_token, actors)
                if reads_nothing_alone(act, actors, act_targets):
                    continue
                more = self.event(act, actors, act_targets, modality, context, places, len(events))
                if more is not None:
                    events.append(more)
        resolve_counterparts(events, {context.actor_ids[id(m)]: side_key(m) for m in mentions
                                      if id(m) in context.actor_ids}, doc, self.walkouts)
        return events

    def nominal_event(self, noun: Token, by_token: dict[int, list[Mention]], context: CodingContext,
                      places: Places, count: int) -> list[Event]:
        match = self.nouns.match(noun)
        if match is None:
            return []
        # a noun whose source slot is empty is its owner's act: "Israeli airstrikes on Gaza", "US sanctions"
        sources = self.actors_at(match.source, by_token) or self.owners(noun, by_token, 1)
        targets = self.slot_actors(match.target, by_token, sources)
        code = self.codes[match.pattern.code]
        event = self.build(code, noun, match.pattern.specificity, sources, targets, False, "asserted", context,
                           places, count)
        return [event] if event is not None else []

    def reported_requests(self, verb: Token, by_token: dict[int, list[Mention]], context: CodingContext,
                          places: Places, count: int) -> list[Event]:
        """ "Paet said the EU must be ready to mediate": saying that someone must or should act asks it of
        them, from the speaker (a demand or an appeal, by the auxiliary: modality.yaml); the act itself is
        coded as demanded of them."""
        speakers = self.first_actors(subjects_of(verb), by_token)
        events: list[Event] = []
        for clause in (child for child in verb.children if child.dep_ in REPORTED_CLAUSE_DEPS):
            code = next((MODALITY_WORDS.obligation_auxiliaries[aux.lower_] for aux in clause.children
                         if aux.dep_ == "aux" and aux.lower_ in MODALITY_WORDS.obligation_auxiliaries), None)
            if code is None or not speakers:
                continue
            asked = not_the_sources(self.first_actors(subjects_of(clause), by_token), speakers)
            if not asked:
                continue
            event = self.build(self.codes[code], verb, 1, speakers, asked, False, "asserted", context, places,
                               count + len(events))
            events += [event] if event is not None else []
        return events

    @staticmethod
    def asked_clause(verb: Token) -> Token | None:
        """The clause that names the act an appeal or demand asks, where no pattern names it: a clause with a
        subject of its own after the verb ("demanded that the US cancel plans", "called for Israel to halt
        strikes"), not a passive one (its subject is not who is asked) nor a clause of time or cause ("after
        Israel struck"); a clause before the verb is what was said ("..., a senior official said")."""
        return next((clause for clause in verb.rights if clause.dep_ in ASKED_CLAUSE_DEPS
                     and (clause.dep_ != "advcl" or is_to_clause(clause)) and not is_passive(clause)
                     and any(child.dep_ in SUBJECT for child in clause.children)), None)

    def asked_subjects(self, clause: Token, by_token: dict[int, list[Mention]],
                       sources: list[Mention]) -> list[Mention]:
        """Who an appeal or demand with no target asks: the own subject of the clause that names the act
        (none for a passive clause: its subject is acted on)."""
        if is_passive(clause):
            return []
        return not_the_sources(self.first_actors([c for c in clause.children if c.dep_ in SUBJECT], by_token),
                               sources)

    @staticmethod
    def sides(code: CameoCode, sources: list[Mention], targets: list[Mention],
              ) -> list[tuple[list[Mention], list[Mention]]]:
        """Who acts on whom: the sources on the targets; for a joint act with no target of its own ("the
        UK and the EU signed a trade deal", "Israel and Hamas fought"), or only a place ("Russia and Ukraine
        met in Istanbul": where, not with whom), each source on the others."""
        whom = [m for m in targets if m.identity.type != "location"]
        if whom or not code.mutual or len({side_key(m) for m in sources}) < 2:
            return [(sources, targets)]
        return [([m], [o for o in sources if side_key(o) != side_key(m)]) for m in sources]

    def threatened(self, match: VerbMatch, sources: list[Mention], targets: list[Mention],
                   by_token: dict[int, list[Mention]]) -> tuple[CameoCode, list[Mention]]:
        """The code and targets of a matched verb; a threat to do a hostile act is the threat of that act, on
        the act's targets when the threat names none ("threatened to shell Iraqi towns": 1384), those of an act
        no pattern reads being the first other actor of its phrase ("threatened to resume attacks in Israel")."""
        code = self.codes[match.pattern.code]
        if code.root not in THREAT_ROOTS or match.complement is None:
            return code, targets
        act = self.verbs.match(match.complement)
        targets = targets or (self.targets_of(act, by_token, sources) if act is not None else
                              self.first_other_actors(phrase_tokens(match.complement), by_token, sources))
        if act is None or not self.codes[act.pattern.code].threat:
            return code, targets
        return self.codes[self.codes[act.pattern.code].threat], targets

    def code_between(self, doc: Doc, source: tuple[int, int], target: tuple[int, int]) -> CameoCode | None:
        """What the source does to the target, both given as character spans of one sentence ("<s>Zarif</s>
        has condemned <t>a U.S. Supreme Court decision</t>"): of the words on the dependency path between
        them, from the top of the clause down, the first verb or noun a pattern reads whole, else the
        first whose word alone the lexicon knows; a statement ("said") only when nothing else is there.
        With no event word on the path (the target inside the source's phrase, or a parse that left the
        two in separate trees), the source's clause, else the target's, is read from its verb down.
        Refused and planned acts as in `build`, except that a hostile act threatened or planned is its
        threat ("threatened to break relations", "says it will begin a new offensive against": 13x), the
        one code PLOVER and CAMEO give it; coded events keep such an act with modality `planned` instead.
        None when the spans are not in the text or no event word is found."""
        spans = [doc.char_span(*chars, alignment_mode="expand") for chars in (source, target)]
        if None in spans or not len(spans[0]) or not len(spans[1]):
            return None
        inside = {t.i for span in spans for t in span}
        # from the top of the clause down: "students staged demonstrations to demand reforms by Suharto" is
        # a protest that demands, not a demand
        readings = self.event_readings(top_down(t for t in path_between(spans[0].root, spans[1].root)
                                                if t.i not in inside))
        if not readings:  # the target inside the source's phrase ("rebels in Deraa said they will lay down
            # their weapons"): what the source's clause does, from its top down (or, where the parse left the
            # source outside any clause, the target's)
            clause = next(([t, *t.ancestors][-1] for span in spans for t in span.root.ancestors
                           if t.pos_ in {"VERB", "AUX"}), None)
            readings = self.event_readings(top_down(t for t in clause.subtree if t.i not in inside)) if clause else []
        # a statement on the path ("said", "announced") frames the act between the two, and so does a verb the
        # lexicon knows only by its word when it reports a clause ("concluded that the US must allocate ..."):
        # they are the last resort
        for token, code in sorted(readings, key=lambda reading: self.frames(*reading)):
            verb = next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), token)
            undone = verb is not token and verb.lemma_.lower() in self.undoing_verbs and bool(self.codes[code].refusal)
            found, _ = refused(self.codes[code], is_negated(verb) != undone, self.codes)  # a noun goes with its verb
            modality = modality_of(verb)
            planned = modality == "planned"
            if found.threat and (planned or self.threatens(verb)):  # "says it will begin a new offensive against"
                return self.codes[found.threat]
            if found.demand and modality == "demanded":  # "said Libya must hand over the suspects": 1053
                return self.codes[found.demand]
            return self.codes[found.intent] if found.intent and planned else found
        return None

    def frames(self, token: Token, code: str) -> bool:
        """Whether a reading only frames another act: a statement, or a verb read by its word alone that
        reports a clause, unless its code asks, threatens, promises, accuses or rejects ("demanded that")."""
        if is_statement(code):
            return True
        reports = any(child.dep_ in REPORTED_CLAUSE_DEPS for child in token.children)
        return reports and code[:2] not in ACT_ROOTS | {"11", "12"} and self.event_word_code(token, True) is None

    def threatens(self, verb: Token) -> bool:
        """Whether the verb is the act of a threat ("threatened to break relations with Russia")."""
        head = verb.head if verb.dep_ in COMPLEMENT_DEPS and verb.head != verb else None
        match = self.verbs.match(head) if head is not None else None
        return match is not None and match.complement == verb and self.codes[match.pattern.code].root in THREAT_ROOTS

    def event_readings(self, tokens: list[Token]) -> list[tuple[Token, str]]:
        """(token, code) for the event words among the tokens, in the order code_between trusts them:
        the words a pattern reads whole, in the tokens' order, then the words read by themselves alone."""
        readings = [(token, self.event_word_code(token, whole)) for whole in (True, False) for token in tokens]
        return [(token, code) for token, code in readings if code is not None]

    def event_word_code(self, token: Token, whole: bool) -> str | None:
        """The code a verb or noun has by a pattern matched whole (a support verb, by its object's), or
        (whole=False) by its word alone."""
        matcher = self.verbs if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT" else \
            self.nouns if token.pos_ in {"NOUN", "PROPN"} else None
        if matcher is None or not whole:
            return matcher.usual_code(token) if matcher is not None else None
        match = matcher.match(token)
        carried = self.carried(token, match) if matcher is self.verbs else None
        if carried is not None:  # "will extend the night-time curfew in Abidjan": the curfew's code
            _, code, undoing = carried
            return code.refusal if undoing else code.code
        return match.pattern.code if match is not None else None

    def carried(self, verb: Token, verb_match: VerbMatch | None) -> tuple[NounMatch, CameoCode, bool] | None:
        """(noun match, its code, whether the verb undoes it) for the event a support or undoing verb's
        object names; None when the verb is neither, its object names no event, a verb pattern at least
        as specific reads the verb, or an undoing verb's object has no refusal ("rejected Israel's attack
        on Gaza": the attack is not undone; the verb codes the rejection)."""
        obj = direct_object(verb)
        lemma = verb.lemma_.lower()
        if obj is None or lemma not in self.carrying_verbs:
            return None
        match = self.nouns.match(obj, support=verb, target_given=lemma in self.receiving_verbs)
        if match is None or verb_match is not None and not is_statement(verb_match.pattern.code) \
                and verb_match.pattern.specificity > match.pattern.specificity:
            return None
        code, undoing = self.codes[match.pattern.code], lemma in self.undoing_verbs
        return None if undoing and not code.refusal else (match, code, undoing)

    def supported_event(self, verb: Token, verb_match: VerbMatch | None, by_token: dict[int, list[Mention]],
                        context: CodingContext, places: Places, requested: set[int], count: int) -> Event | None:
        """The event a support verb's object names ("launched attacks on India", "filed a lawsuit
        against"), by the noun's own source or else the verb's subject, with the verb's negation and
        modality; an undoing verb's object is refused ("cancelled a planned visit to Washington": 125).
        None when the verb is neither, its object names no event, or a verb pattern at least as specific
        reads the verb ("imposed sanctions on")."""
        carried = self.carried(verb, verb_match) if verb.i not in requested else None
        if carried is None:
            return None
        match, code, undoing = carried
        subjects = self.first_actors(subjects_of(verb), by_token)
        if verb.lemma_.lower() in self.receiving_verbs:  # "Obama faces pressure from Congress": Congress acts
            # the giver: the noun's source or owner, or a "from" phrase the parser hung on the verb
            sources = self.actors_at(match.source, by_token) or self.owners(match.noun, by_token, 1) \
                or self.actors_after(verb, {"from", "by"}, by_token)
            targets = others(subjects, sources)
            if not sources or not targets:
                return None
            return self.build(code, match.noun, match.pattern.specificity, sources, targets, is_negated(verb),
                              modality_of(verb), context, places, count)
        # who refuses is the verb's subject ("Egypt rejected Israel's offer of talks"); who carries out, the
        # noun's own source if it names one ("Israel's forces launched attacks")
        owners = self.actors_at(match.source, by_token)
        sources = subjects if undoing else owners or subjects
        targets = self.slot_actors(match.target, by_token, sources)
        if undoing and owners:
            targets = owners  # refusing what its owner offered or asked ("rejected Israel's offer of talks")
        modality = "demanded" if asked_within(verb, requested) else modality_of(verb)
        return self.build(code, match.noun, match.pattern.specificity, sources, targets, is_negated(verb) != undoing,
                          modality, context, places, count)

    def event_agents(self, verb: Token, by_token: dict[int, list[Mention]]) -> list[Mention]:
        """For a passive verb with no agent, a "by" phrase the parser hung on one of its phrases ("were
        released from captivity by the government"), else whoever did the event it happened in ("were killed
        in an Israeli air strike", "killed in an air strike by government forces"): the actors of an event
        noun in an "in" or "during" phrase, its own or its owner's."""
        if not is_passive(verb):
            return []
        for _, noun in prepositional_objects(verb):
            found = self.actors_after(noun, {"by"}, by_token)
            if found:
                return found
        for preposition, noun in prepositional_objects(verb):
            if preposition in EVENT_SETTING_PREPOSITIONS and self.nouns.usual_code(noun) is not None:
                match = self.nouns.match(noun, target_given=True)
                found = self.actors_at(match.source if match else None, by_token) or self.owners(noun, by_token, 1)
                if found:
                    return found
        return []

    def clause_targets(self, match: VerbMatch, by_token: dict[int, list[Mention]],
                       sources: list[Mention]) -> list[Mention]:
        """For a pattern without a target slot, the actor the clause acts on, as dictionary coders read
        it: the direct object's actors, else those of an object of a preposition that points at someone
        ("fired at Russia", "an agreement with the EU"), on the verb or on its object; not a noun the
        pattern itself names ("speak to reporters": the press is the pattern's, not a target)."""
        verb = match.verb
        direct = direct_object(verb)
        found = not_the_sources(self.actors_at(direct, by_token), sources) if direct is not None else []
        if found:
            return found
        named = [nouns for _, nouns in match.pattern.obliques if nouns]
        for head in (head for head in (verb, direct) if head is not None):
            for preposition, noun in prepositional_objects(head):
                if preposition in RECIPIENT_PREPOSITIONS and not any(is_one_of(noun, nouns) for nouns in named):
                    found = self.actors_at(noun, by_token)
                    if found:
                        return found
        if match.usual or is_statement(match.pattern.code):
            return []
        # else, for a verb the lexicon knows, the first other actor in its phrase, wherever it hangs
        # ("welcomed the resumption of ties with Osgiliath", "criticised the closure of guest houses in
        # Bree"), as dictionary coders read it
        return self.first_other_actors(phrase_tokens(verb), by_token, sources, named)

    def targets_of(self, match: VerbMatch, by_token: dict[int, list[Mention]], sources: list[Mention],
                   ) -> list[Mention]:
        """The targets of a matched verb: its pattern's slot, else (no slot, or a slot with no actor) what
        its clause acts on."""
        if match.pattern.target_after in (None, ANY_TARGET):
            return self.clause_targets(match, by_token, sources)
        if is_statement(match.pattern.code):
            return self.actors_at(match.target, by_token)
        # a slot that names no actor ("filed a lawsuit against X over an opinion piece", the slot read at
        # "over"): what the clause acts on
        found = not_the_sources(self.slot_actors(match.target, by_token, sources), sources)
        if found and all(m.identity.type == "location" for m in found):
            # "will meet Erdogan in Ankara": the place says where, the object whom; an object the pattern
            # names is a thing, whom its owner says ("struck Hamas targets in Gaza", but not "withdrew its
            # delegation from Doha", the source's own)
            direct = direct_object(match.verb)
            if direct is not None and match.target is not direct:
                whom = self.owners(direct, by_token, 1) if match.pattern.objects else self.actors_at(direct, by_token)
                found = [m for m in not_the_sources(whom, sources) if m.identity.type != "location"] or found
        return found or self.clause_targets(match, by_token, sources)

    def first_other_actors(self, tokens: list[Token], by_token: dict[int, list[Mention]], sources: list[Mention],
                           named: list[frozenset[str]] = ()) -> list[Mention]:
        """The actors of the first of the tokens that stands for an actor not of the sources' own side,
        skipping the nouns a pattern names."""
        for token in tokens:
            if token.i in by_token and not any(is_one_of(token, nouns) for nouns in named) \
                    and others(by_token[token.i], sources):
                return self.actors_at(token, by_token)
        return []

    def slot_actors(self, token: Token | None, by_token: dict[int, list[Mention]],
                    sources: list[Mention]) -> list[Mention]:
        """The actors a pattern's target word stands for: its own ("attacked Israel", "Hamas' stance"),
        else the first other actor of its phrase ("attacked an army base in western Afghanistan")."""
        if token is None:
            return []
        return self.actors_at(token, by_token) or self.first_other_actors(noun_phrase_tokens(token), by_token,
                                                                          sources)

    def first_actors(self, candidates: list[Token], by_token: dict[int, list[Mention]]) -> list[Mention]:
        """The actors of the first candidate that stands for any ("This week's events, in which the U.S.
        decided": the parser gave "decided" two subjects)."""
        for candidate in candidates:
            found = self.actors_at(candidate, by_token)
            if found:
                return found
        return []

    def event(self, match: VerbMatch, sources: list[Mention], targets: list[Mention], modality: str,
              context: CodingContext, places: Places, count: int) -> Event | None:
        return self.build(self.codes[match.pattern.code], match.verb, match.pattern.specificity, sources, targets,
                          match.negated, modality, context, places, count)

    def build(self, code: CameoCode, trigger: Token, specificity: int, sources: list[Mention],
              targets: list[Mention], negated: bool, modality: str, context: CodingContext, places: Places,
              count: int) -> Event | None:
        """An event record, or None when no source actor is known. A cooperative act that is refused
        ("did not accept", "refused to release") is coded as the refusal (12x: 1243), no longer negated;
        an act that is promised or intended ("will release", "agreed to withdraw") as the intent to do
        it (0353, 0356) and an act of violence ("will strike Iraq", "wants to attack") as the threat of it
        (1384), as CAMEO codes declared intentions, its modality staying `planned`."""
        code, negated = refused(code, negated, self.codes)
        if modality == "planned" and code.intent:
            code = self.codes[code.intent]
        elif modality == "planned" and code.root in VIOLENT_ROOTS and code.threat and not negated:
            code = self.codes[code.threat]
        ids = context.actor_ids
        source_ids = unique(ids[id(m)] for m in sources if id(m) in ids)
        target_ids = [i for i in unique(ids[id(m)] for m in targets if id(m) in ids) if i not in source_ids]
        if not source_ids:
            return None
        sentence = max(n for n, start in enumerate(context.sentence_starts) if start <= trigger.idx) \
            if context.sentence_starts else 0
        return Event(
            id=f"e{count + 1}", sentence=sentence,
            trigger=TextSpan(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            source=source_ids, target=target_ids, cameo=code.code, cameo_root=code.root,
            plover=code.plover_type, plover_mode=code.plover_mode, quad_class=code.quad_class,
            goldstein=code.goldstein, negated=negated, modality=modality,
            date=event_date(trigger, context.day, modality),
            location=event_location(trigger, places.by_token, places.gazetteer, places.dateline),
            confidence=round(min(0.95, 0.5 + 0.1 * specificity + 0.1 * bool(target_ids)), 2))

    def actors_at(self, token: Token | None, by_token: dict[int, list[Mention]], depth: int = 2) -> list[Mention]:
        """The actors a token stands for, over its conjuncts: the mention it is part of, else the one it is
        in apposition with ("the US commander in Iraq, General David Petraeus,"), else the owner of the
        noun ("Hamas' stance", "criticism from U.S. officials", "the remarks made by Trump"); each mention
        once, though several of its words be conjuncts ("Sudan and South Sudan" parsed with "South" and
        "Sudan" both conjoined)."""
        if token is None:
            return []
        found: list[Mention] = []
        for part in [token, *token.conjuncts]:
            if part is not token and part.i in by_token and token.i not in by_token and token.pos_ == "NOUN":
                continue  # "from the talks, Qatar and Egypt have said": a parse that joins a thing and actors
            if part.i in by_token:
                found += by_token[part.i]
            elif depth > 0:
                named = [m for a in appositives(part) for m in by_token.get(a.i, [])]
                found += named or self.owners(part, by_token, depth - 1)
        return list({id(mention): mention for mention in found}.values())

    def owners(self, noun: Token, by_token: dict[int, list[Mention]], depth: int) -> list[Mention]:
        owner = possessor(noun)
        if owner is not None:
            return self.actors_at(owner, by_token, depth)
        clauses = [c for c in noun.children if c.dep_ in {"acl", "acl:relcl", "relcl"}]
        for head in [noun, *clauses]:  # "criticism from U.S. officials", "the remarks made by Trump"
            found = self.actors_after(head, OWNER_PREPOSITIONS, by_token, depth)
            if found:
                return found
        # an actor named by the words before the noun: "Chinese hackers", "a Daesh explosives factory"
        return next((by_token[t.i] for t in noun.lefts if t.dep_ in {"amod", "compound"} and t.i in by_token
                     and any(m.identity.key for m in by_token[t.i])), [])


    def actors_after(self, head: Token, prepositions: set[str], by_token: dict[int, list[Mention]],
                     depth: int = 2) -> list[Mention]:
        """The actors of the first object of one of the prepositions hanging on the head that stands for any."""
        for preposition, noun in prepositional_objects(head):
            found = self.actors_at(noun, by_token, depth) if preposition in prepositions else []
            if found:
                return found
        return []


def side_key(mention: Mention) -> str:
    """Who a mention stands for, to tell sides apart: its identity key, else its words."""
    return mention.identity.key or mention.span.text.lower()


def is_statement(code: str) -> bool:
    """A public statement (01x): its target is whom it is made to, never an actor inside what it is about
    ("announced a suspension of air links with Serbia": Serbia is the suspension's)."""
    return code.startswith("01")


def refused(code: CameoCode, negated: bool, codes: dict[str, CameoCode]) -> tuple[CameoCode, bool]:
    """(code, negated) for an act, a negated cooperative act read as its refusal ("will not accept
    refugees": 12x, not negated); other acts unchanged."""
    return (codes[code.refusal], False) if negated and code.refusal else (code, negated)


def path_between(start: Token, end: Token) -> list[Token]:
    """The tokens on the dependency path between two tokens, both excluded, from `end`'s side: up from
    `end` to the lowest head they share, then down to `start`. Empty across sentences."""
    above_start, above_end = [start, *start.ancestors], [end, *end.ancestors]
    shared = next((token for token in above_end if token in above_start), None)
    if shared is None:
        return []
    return above_end[1:above_end.index(shared) + 1] + above_start[1:above_start.index(shared)][::-1]


def top_down(tokens: Iterable[Token]) -> list[Token]:
    """The tokens, those nearest the root of their tree first."""
    return sorted(tokens, key=lambda token: sum(1 for _ in token.ancestors))


def others(targets: list[Mention], sources: list[Mention]) -> list[Mention]:
    """The targets that stand for someone other than every source: another mention, of another identity or
    of the same state's other side ("the government accepts the demands of protesters": NPLGOV, NPLOPP;
    but "Israel ... its army" is one side)."""
    return [m for m in targets if m not in sources and not any(same_side(m, source) for source in sources)]


def not_the_sources(targets: list[Mention], sources: list[Mention]) -> list[Mention]:
    """The targets that are not the sources themselves: the same mention, or a reference back to one
    ("Mordor and Bree welcomed their resumption of ties with Osgiliath": "their" is the subjects')."""
    named = {id(first_named(source)) for source in sources}
    return [m for m in targets if id(first_named(m)) not in named]


def first_named(mention: Mention) -> Mention:
    """The mention a reference finally refers back to; the mention itself when it refers to none."""
    while mention.antecedent is not None:
        mention = mention.antecedent
    return mention


def same_side(one: Mention, other: Mention) -> bool:
    """Whether two mentions stand for the same actor: one identity key, and one sector unless either
    names none."""
    a, b = one.identity, other.identity
    return a.key is not None and a.key == b.key and (a.sector is None or b.sector is None or a.sector == b.sector)


def words_with_actors(doc: Doc, by_token: dict[int, list[Mention]]) -> Iterator[Token]:
    """The words of the sentences that name an actor."""
    for sentence in doc.sents:
        if any(n in by_token for n in range(sentence.start, sentence.end)):
            yield from sentence


def reads_nothing_alone(match: VerbMatch, sources: list[Mention], targets: list[Mention]) -> bool:
    """A verb read by its word alone is an event only between two different actors, and never a statement."""
    return match.usual and (is_statement(match.pattern.code) or not others(targets, sources))


def lexicon_file(lexicon_dir: Path, name: str) -> Path:
    """A lexicon folder's own file of that name, else the bundled one."""
    return lexicon_dir / name if (lexicon_dir / name).exists() else DATA_DIR / name


def act_of(code: str, sources: list[Mention], targets: list[Mention]) -> tuple[list[Mention], str]:
    """Who would do the act a verb's clause names, and its modality: the one asked, for an appeal or
    demand ("urged the U.S. to step up pressure": the U.S., demanded); the speaker, for a threat
    (hypothetical) or an intent, promise or decision (planned)."""
    if code[:2] in APPEAL_ROOTS:
        return targets, "demanded"
    return sources, "hypothetical" if code[:2] in THREAT_ROOTS else "planned"


@dataclass(frozen=True)
class Walkouts:
    """What makes an event a walk-out from talks (eventwire/coding/data/walkouts.yaml)."""

    codes: frozenset[str]
    nouns: frozenset[str]

    @classmethod
    def load(cls, path: Path) -> Walkouts:
        data = yaml.safe_load(path.read_text(encoding="utf8")) or {}
        return cls(frozenset(map(str, data.get("codes", []))), frozenset(data.get("nouns", [])))


def resolve_counterparts(events: list[Event], keys: dict[str, str], doc: Doc, walkouts: Walkouts) -> None:
    """Give a walk-out from talks that names no target ("Israel's team would be stepping away from the
    talks") the actor its source deals with most in the article's other events, either way round."""
    for event in events:
        if event.target or event.cameo not in walkouts.codes:
            continue
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None or not any(t.lemma_.lower() in walkouts.nouns or t.lower_ in walkouts.nouns
                                      for t in trigger.root.subtree):
            continue
        walkers = {keys.get(actor) for actor in event.source}
        dealings: Counter = Counter()
        for other in events:
            if other is event:
                continue
            for mine, theirs in ((other.source, other.target), (other.target, other.source)):
                if walkers & {keys.get(a) for a in mine}:
                    dealings.update(a for a in theirs if keys.get(a) not in walkers)
        if dealings:
            best = max(dealings.values())
            event.target = [actor for actor, count in dealings.items() if count == best][:1]


def is_report(match: VerbMatch, cue_tokens: set[int]) -> bool:
    """ "X said (that) ...", "described their statements as ...": a public statement that introduces
    what was said is an attribution (eventwire.quotes); the events are what it reports, not the saying.
    Cues that are events in their own right (accuse, urge, reject) keep their codes."""
    return is_statement(match.pattern.code) and (match.verb.i in cue_tokens or any(
        child.dep_ in REPORTED_CLAUSE_DEPS for child in match.verb.children))


def governors(verb: Token, links: set[str], limit: int | None = None) -> list[Token]:
    """The verb and the verbs above it, climbing while each is attached by one of `links` (at most
    `limit` in all)."""
    chain = [verb]
    while chain[-1].dep_ in links and chain[-1].head != chain[-1] and (limit is None or len(chain) < limit):
        chain.append(chain[-1].head)
    return chain


def asked_within(verb: Token, requested: set[int]) -> bool:
    """Whether the verb belongs to an act someone asked for ("urging the U.S. to step up pressure on
    Israel to end military operations": ending them is asked too)."""
    return any(head.i in requested for head in governors(verb, {"xcomp", "advcl", "ccomp", "conj"})[1:])


@dataclass(frozen=True)
class ModalityWords:
    """The words that set an act's modality (eventwire/coding/data/modality.yaml)."""

    condition_markers: frozenset[str]
    obligation_auxiliaries: dict[str, str]  # auxiliary -> the code of a speaker's request that uses it
    expectation_verbs: frozenset[str]
    readiness_words: frozenset[str]
    clause_nouns: dict[str, str]  # noun lemma -> the modality of its "to" clause

    @classmethod
    def load(cls, path: Path) -> ModalityWords:
        data = yaml.safe_load(path.read_text(encoding="utf8")) or {}
        return cls(frozenset(data.get("condition_markers", [])), dict(data.get("obligation_auxiliaries") or {}),
                   frozenset(data.get("expectation_verbs", [])),
                   frozenset(data.get("readiness_words", [])),
                   {noun: modality for modality, nouns in (data.get("clause_nouns") or {}).items() for noun in nouns})


MODALITY_WORDS = ModalityWords.load(DATA_DIR / "modality.yaml")


def modality_of(verb: Token, words: ModalityWords = MODALITY_WORDS) -> str:
    """asserted, planned ("would carry on"), expected ("are expected to begin"), hypothetical ("if ...",
    "ways to help") or demanded ("calls to release"). A conjunct in its first conjunct's form with no
    subject or auxiliary of its own shares its modality ("would begin looking ... and help"; not "remained
    ready to negotiate and urged")."""
    if verb.dep_ == "conj" and verb.head != verb and verb.tag_ in {verb.head.tag_, "VB"} and not any(
            child.dep_ in SUBJECT or child.dep_.startswith("aux") for child in verb.children):
        return modality_of(verb.head, words)
    chain = governors(verb, {"xcomp", "ccomp"}, limit=4)
    for clause in chain:
        if any(child.lower_ in words.condition_markers for child in clause.children
               if child.dep_ in {"mark", "advmod"}):
            return "hypothetical"
    if any(clause.lemma_ in words.expectation_verbs for clause in chain[1:]):
        return "expected"
    if any(child.lower_ in words.obligation_auxiliaries for child in verb.children if child.dep_ == "aux"):
        return "demanded"  # "Libya must hand over the suspects"
    # "will begin withdrawing": the future of the verbs that control it, up to the first reported clause
    controlling = chain[:next((n + 1 for n, clause in enumerate(chain) if clause.dep_ != "xcomp"), len(chain))]
    if any(child.lower_ in FUTURE_AUXILIARIES for clause in controlling for child in clause.children
           if child.dep_ == "aux"):
        return "planned"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words.readiness_words:
        return "planned"  # "remained ready to negotiate", "is willing to withdraw": an intent
    noun = clause_noun(controlling[-1])
    if noun is not None:
        return words.clause_nouns.get(noun.lemma_.lower(), "asserted")  # "ways to help", "plans to go"
    return "asserted"


def clause_noun(clause: Token) -> Token | None:
    """The noun whose "to" clause this is ("efforts to end the war": efforts), else None."""
    if clause.dep_ == "acl" and any(child.lower_ == "to" for child in clause.children if child.i < clause.i):
        return clause.head
    return None


def unique(items) -> list:
    return list(dict.fromkeys(items))
