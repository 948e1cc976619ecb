"""Attributions: who (source) said what (content), signalled by a cue, over the dependency parse.

- A speech or report verb with a clausal complement: "Witkoff said Hamas' reaction was
  disappointing", "it was reported that ..." (no source);
- a framing verb with object and "as" phrase: "he described their statements as misleading";
- "according to X, CONTENT": the clause the phrase attaches to;
- quotation marks of any style ("...", “...”, ‘...’, «...») around content, with the cue verb outside
  them ("'We will not sit across from them,' an army spokesman told reporters"); content that is part
  quoted, part paraphrased is `mixed`.
The source is the cue's subject (or the object of "according to"), read through the resolved actor
mentions, so "he" is whoever "he" resolved to.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.actors.identity import Mention, mentions_by_token
from eventwire.nlp.syntax import noun_phrase_tokens, prepositional_objects, subjects_of
from eventwire.quotes.learned import assemble, load_tagger, predicted_spans

CUES = Path(__file__).parent / "data" / "cues.yaml"
NAME_DEPS = {"det", "amod", "compound", "flat", "nmod:poss", "poss", "nummod"}
# opening mark -> the marks that close it; ’ and ' also write apostrophes ("Hamas’ stance"), so they
# only close a quotation that an opening mark began
OPENING = {'"': {'"', "”"}, "“": {"”", '"'}, "«": {"»"}, "„": {"“", "”"}, "‘": {"’"}, "''": {"''"}, "``": {"''"}}
CLOSING = {mark for closings in OPENING.values() for mark in closings}
COMPLEMENTIZERS = {"that", "whether", "if"}


MAX_LINE_SPEAKER = 5  # words in a name that opens a line before a colon


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    framing_verbs: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]  # the words of each phrase, the longest phrase first
    quote_introducers: frozenset[str]
    object_verbs: frozenset[str]
    private_states: frozenset[str]
    intentions: frozenset[str]
    stance_prepositions: dict[str, tuple[str, ...]]

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """The cue verbs that report speech, not a private state, intention, stance or naming."""
        return self.verbs - self.private_states - self.intentions - self.object_verbs - self.framing_verbs

    @cached_property
    def openings(self) -> frozenset[str]:
        """The words an attribution's cue can start with: its verbs and the first words of its phrases."""
        return (self.verbs | self.framing_verbs | self.object_verbs | self.intentions
                | frozenset(self.stance_prepositions) | frozenset(words[0] for words in self.prepositions))


@lru_cache(maxsize=1)
def load_cues(path: Path = CUES) -> Cues:
    data = yaml.safe_load(path.read_text(encoding="utf8"))
    return Cues(frozenset(data["verbs"]), frozenset(data["framing_verbs"]),
                tuple(tuple(p.split()) for p in sorted(data["prepositions"], key=len, reverse=True)),
                frozenset(data["quote_introducers"]),
                frozenset(data["object_verbs"]), frozenset(data["private_states"]),
                frozenset(data["intentions"]),
                {verb: tuple(prepositions) for verb, prepositions in data["stance_prepositions"].items()})


@dataclass
class Attribution:
    """A found attribution: the speaker's mentions, the cue and content spans, the kind."""

    speakers: list[Mention]
    speaker_span: Span | None
    cue: Span
    content: Span
    kind: str
    parts: tuple[Span, ...] = ()  # the pieces of a content the cue interrupts ("“X,” he said, “Y.”"), else ()


def find_attributions(doc: Doc, mentions: list[Mention], cues: Cues | None = None,
                      tagger: Language | None | bool = True) -> list[Attribution]:
    """RETURNS (list[Attribution]): in text order, at most one per cue.

    tagger: the learned attribution tagger (eventwire.quotes.learned), which widens the contents the rules
        cut short and adds the attributions the rules did not find; True for the one built on this machine
        if there is one, None or False for the rules alone."""
    cues = cues or load_cues()
    quoted = quoted_spans(doc)
    by_token = mentions_by_token(mentions)
    found: list[Attribution] = []
    for token in doc:
        if token.lower_ not in cues.openings and token.lemma_.lower() not in cues.openings:
            continue
        attribution = (according_to(token, cues, by_token) or speech_verb(token, cues, by_token)
                       or framing_verb(token, cues, by_token))
        if attribution is not None:
            attribution.kind = kind_of(attribution.content, quoted)
            found.append(attribution)
    found = [a for a in found if not quoted_stance(a, quoted, cues)]
    found = joined(found + quotations(doc, quoted, found, cues, by_token))
    found += line_speakers(doc, found, cues, by_token)
    tagger = load_tagger() if tagger is True else tagger or None
    if tagger is not None:
        learned = learned_attributions(doc, tagger, quoted, by_token)
        for attribution in found:
            widen(attribution, learned)
        found = found + [a for a in learned if not any(overlaps(a, b) for b in found)
                         and not quoted_stance(a, quoted, cues)]
    return sorted(found, key=lambda a: a.content.start)


def widen(attribution: Attribution, learned: list[Attribution]) -> None:
    """Give a rule's attribution the content the tagger found for the same cue when that overlaps the
    rule's and is longer: the rules stop at the clause the parser gives ("refused to drop the gun"),
    the tagger reads the conjoined clauses and sentences of the content too."""
    if attribution.parts:
        return
    wider = next((a for a in learned if a.cue.start < attribution.cue.end and attribution.cue.start < a.cue.end
                  and a.content.start < attribution.content.end and attribution.content.start < a.content.end
                  and len(a.content) > len(attribution.content)), None)
    if wider is not None:
        attribution.content = without_complementizer(wider.content)


def quoted_stance(attribution: Attribution, quoted: list[tuple[int, int]], cues: Cues) -> bool:
    """A stance, intention, private state or naming inside a quotation ("“You could dismiss these actions
    as ...”", "“Nobody knows what's going on”", "“When you call a product a miracle ...”"): part of what
    the quoted speaker says, not an attribution of its own. Reporting verbs in a quotation ("“Police said
    they ...”") still attribute."""
    cue = attribution.cue
    reporting = {cue.root.lemma_.lower(), cue.root.lower_} & cues.reporting_verbs
    return not reporting and any(start < cue.start_char and cue.end_char < end for start, end in quoted)


def joined(found: list[Attribution]) -> list[Attribution]:
    """One attribution per cue: the quotations a cue introduces on both sides ("“X,” he said, “Y.”") or
    in the sentences after it (“X,” the senator said. “Y. Z.”) are the pieces of one content."""
    by_cue: dict[tuple[int, int], list[Attribution]] = {}
    for attribution in found:
        by_cue.setdefault((attribution.cue.start, attribution.cue.end), []).append(attribution)
    result = []
    for group in by_cue.values():
        group.sort(key=lambda a: (a.content.start, -len(a.content)))
        pieces = [a for n, a in enumerate(group) if all(a.content.start >= b.content.end for b in group[:n])]
        if len(pieces) < 2 or all(a.kind != "direct" for a in pieces):
            result += group
            continue
        named = next((a for a in pieces if a.speakers), next((a for a in pieces if a.speaker_span), pieces[0]))
        kinds = {a.kind for a in pieces}
        parts = tuple(with_quotation_marks(a.content) for a in pieces)
        result.append(Attribution(speakers=named.speakers, speaker_span=named.speaker_span, cue=named.cue,
                                  content=named.cue.doc[parts[0].start:parts[-1].end],
                                  kind=kinds.pop() if len(kinds) == 1 else "mixed", parts=parts))
    return result


def with_quotation_marks(span: Span) -> Span:
    """The span with the quotation marks right around it ("“The talks will go on,”" rather than
    "The talks will go on,”")."""
    doc = span.doc
    start = span.start - 1 if span.start > 0 and doc[span.start - 1].text in OPENING else span.start
    end = span.end + 1 if span.end < len(doc) and doc[span.end].text in CLOSING else span.end
    return doc[start:end]


def governed(cue: Token) -> Span | None:
    """What a cue verb governs: its clause ("said that ..."), its controlled clause ("wants to ..."),
    else its object ("endorsed the senator"); None when it governs none of them."""
    for deps in ({"ccomp"}, {"xcomp"}, {"obj", "dobj"}):
        child = next((c for c in cue.children if c.dep_ in deps), None)
        if child is not None:
            return clause(child) if deps != {"obj", "dobj"} else trim(cue.doc[child.left_edge.i:child.right_edge.i + 1])
    return None


def overlaps(one: Attribution, other: Attribution) -> bool:
    """Whether two attributions share their cue or their content."""
    return (one.cue.start < other.cue.end and other.cue.start < one.cue.end
            or one.content.start < other.content.end and other.content.start < one.content.end)


def learned_attributions(doc: Doc, tagger: Language, quoted: list[tuple[int, int]],
                         by_token: dict[int, list[Mention]]) -> list[Attribution]:
    """The attributions the learned tagger finds (eventwire.quotes.learned), speakers resolved."""
    found = []
    for source, cue, content in assemble(doc, predicted_spans(doc, tagger)):
        content = content if content is not None else governed(cue.root)
        if content is None:
            continue
        if source is None:  # no source predicted in the cue's sentence: the cue verb's subject, as the rules read it
            subject = next(iter(subjects_of(cue.root)), None)
            source = noun_phrase(subject) if subject is not None else None
        speaker = next((t for t in ([source.root, *source] if source is not None else []) if t.i in by_token),
                       source.root if source is not None else None)
        found.append(Attribution(speakers=speakers_at(speaker, by_token), speaker_span=source, cue=cue,
                                 content=content, kind=kind_of(content, quoted)))
    return found


def line_speakers(doc: Doc, found: list[Attribution], cues: Cues,
                  by_token: dict[int, list[Mention]]) -> list[Attribution]:
    """A line that opens with a short name and a colon ("PENCE: Well, look, ...", "Poll: Voters
    abandon ...", transcripts and headlines): the name speaks the rest of the line."""
    claimed = [(a.content.start, a.content.end) for a in found]
    extra = []
    for line in lines(doc):
        words = [t for t in line if not t.is_quote and not t.is_space]
        colon = next((n for n, t in enumerate(words[:MAX_LINE_SPEAKER + 1]) if t.text in cues.quote_introducers), None)
        if not colon or words[colon].text != ":" or len(words) - colon < 4:
            continue
        name = words[:colon]
        if not all(t.is_title or t.is_upper or t.pos_ in {"ADP", "DET", "PUNCT"} for t in name):
            continue
        content = trim(doc[words[colon + 1].i:words[-1].i + 1])
        # an attribution inside the line ("PENCE: ... Clinton apparently thinks ...") is nested in this one
        if any(min(e, content.end) - max(s, content.start) >= len(content) / 2 for s, e in claimed):
            continue
        speaker = next((t for t in reversed(name) if t.pos_ in {"PROPN", "NOUN"}), name[-1])
        extra.append(Attribution(speakers=speakers_at(speaker, by_token),
                                 speaker_span=doc[name[0].i:name[-1].i + 1], cue=doc[words[colon].i:words[colon].i + 1],
                                 content=content, kind="direct"))
    return extra


def lines(doc: Doc) -> list[Span]:
    """The document's lines (spans between line breaks)."""
    found, start = [], 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                found.append(doc[start:token.i])
            start = token.i + 1
    if start < len(doc):
        found.append(doc[start:])
    return found


def quotations(doc: Doc, quoted: list[tuple[int, int]], found: list[Attribution], cues: Cues,
               by_token: dict[int, list[Mention]]) -> list[Attribution]:
    """Quotations no cue verb claimed as its clause: the cue is a speech verb just outside the quotation
    in the same or the next sentence ("...,” he said"), a colon before it ("Trump: “...”") or a dash
    and a name after it ("“...” ― Donald Trump"); a quotation with none of these that follows a quoted
    attribution in its paragraph continues it (“...,” said Robert McAtee, one of ... “He stepped in.”)."""
    claimed = [(a.content.start_char, a.content.end_char) for a in found]
    extra: list[Attribution] = []
    for start, end in quoted:
        content = doc.char_span(start, end, alignment_mode="expand")
        if content is None or len(content) < 4 or any(s < end and start < e for s, e in claimed):
            continue
        attribution = cue_around(content, cues, by_token) or continued(content, found + extra)
        if attribution is not None:
            attribution.kind = "direct"
            extra.append(attribution)
    return extra


def continued(content: Span, found: list[Attribution]) -> Attribution | None:
    """The quoted attribution this quotation continues: the last one before it in its paragraph, whose
    cue and speaker it shares (`joined` then makes them one attribution in pieces); else None."""
    doc = content.doc
    before = [a for a in found if a.kind == "direct" and a.content.end <= content.start
              and not any("\n" in t.text_with_ws for t in doc[a.content.end - 1:content.start])]
    if not before:
        return None
    last = max(before, key=lambda a: a.content.end)
    return Attribution(speakers=last.speakers, speaker_span=last.speaker_span, cue=last.cue, content=content,
                       kind="direct")


def cue_around(content: Span, cues: Cues, by_token: dict[int, list[Mention]]) -> Attribution | None:
    """The attribution of a quotation by a cue a few words after or before it, in its paragraph."""
    doc = content.doc
    after = within_paragraph(doc[content.end:min(len(doc), content.end + 6)], from_start=True)
    before = within_paragraph(doc[max(0, content.start - 8):content.start], from_start=False)
    for token in list(after) + list(reversed(before)):
        if token.lemma_.lower() in cues.verbs and token.pos_ in {"VERB", "AUX"}:
            return attributed(token, content, by_token)
    marker = next((t for t in reversed(before) if t.text in cues.quote_introducers), None)
    if marker is not None:  # "Trump: “...”": the speaker is the phrase before the colon
        return introduced(marker, reversed(doc[max(0, marker.i - 6):marker.i]), {"PROPN", "NOUN", "PRON"},
                          content, by_token)
    marker = next((t for t in after if t.text in cues.quote_introducers), None)
    if marker is not None:  # "“...” ― Donald Trump"
        return introduced(marker, doc[marker.i + 1:marker.i + 4], {"PROPN", "NOUN"}, content, by_token)
    return None


def within_paragraph(window: Span, from_start: bool) -> Span:
    """The part of a window of words next to a quotation that lies in the quotation's paragraph: up to the
    first line break after it (from_start) or from the last one before it."""
    doc = window.doc
    starts = [t.i for t in window if t.i > 0 and "\n" in doc[t.i - 1].text_with_ws]  # a paragraph's first word
    if not starts:
        return window
    return doc[window.start:starts[0]] if from_start else doc[starts[-1]:window.end]


def introduced(marker: Token, words: Iterable[Token], speaker_pos: set[str], content: Span,
               by_token: dict[int, list[Mention]]) -> Attribution:
    """A quotation a marker introduces (a colon, a dash): the speaker is the first of `words` with a
    part of speech in `speaker_pos`, none when no word has one."""
    speaker = next((t for t in words if t.pos_ in speaker_pos), None)
    return Attribution(speakers=speakers_at(speaker, by_token), speaker_span=name_span(speaker),
                       cue=marker.doc[marker.i:marker.i + 1], content=content, kind="direct")


def name_span(token: Token | None) -> Span | None:
    """A name or noun phrase around a token, without its clauses: "Izzat Al-Rishq", "a senior official"."""
    if token is None:
        return None
    doc = token.doc
    start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in NAME_DEPS])
    end = max([token.i] + [c.right_edge.i for c in token.rights if c.dep_ in {"flat", "flat:name", "compound"}])
    return doc[start:end + 1]


def speech_verb(verb: Token, cues: Cues, by_token: dict[int, list[Mention]]) -> Attribution | None:
    """A verb that attributes: a speech verb with its clause ("said that ..."), an intention with its
    controlled clause ("wants to ..."), a stance on an object ("opposed the resolution") or on the object
    of its preposition ("called for an inquiry", "voted against the bill")."""
    lemma = verb.lemma_.lower()
    speech = lemma in cues.verbs or verb.lower_ in cues.verbs
    if verb.pos_ not in {"VERB", "AUX"} or not (speech or lemma in cues.object_verbs or lemma in cues.intentions
                                                or lemma in cues.stance_prepositions):
        return None
    complement = next((c for c in verb.children if c.dep_ in {"ccomp"}), None) if speech else None
    obj = next((c for c in verb.children if c.dep_ in {"obj", "dobj"}), None)
    plan = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    stance = next((noun for preposition, noun in prepositional_objects(verb)
                   if preposition in cues.stance_prepositions.get(lemma, ())), None)
    if complement is None and speech and verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX", "ADJ", "NOUN"}:
        complement = verb.head  # "Hamas seemed prepared, he said": the clause the cue hangs on
        content = clause_without(complement, verb)
    elif complement is None and verb.dep_ in {"acl:relcl", "relcl"}:
        return None
    elif complement is not None:
        content = clause(complement)
    elif plan is not None and lemma in cues.intentions:
        content = clause(plan)  # "wants to end the war": an intention attributed
    elif obj is not None and lemma in cues.object_verbs:
        # "derided the deal as toothless", "blamed police shootings on bias": a stance on an object
        parts = [obj, *(c for c in verb.rights if c.i > obj.i and c.dep_.startswith(("obl", "xcomp", "advcl")))]
        content = trim(verb.doc[min(p.left_edge.i for p in parts):max(p.right_edge.i for p in parts) + 1])
    elif stance is not None:
        content = trim(verb.doc[stance.left_edge.i:stance.right_edge.i + 1])  # "called for an inquiry"
    else:
        return None
    if verb.lemma_.lower() in cues.private_states and any(
            set(subject.morph.get("Person")) & {"1", "2"} for subject in subjects_of(verb)):
        return None  # "I think", "you know": the speaker's hedge, not an attribution of its own
    return attributed(verb, content, by_token)


def attributed(verb: Token, content: Span, by_token: dict[int, list[Mention]]) -> Attribution:
    """The attribution of a cue verb: its speaker is the verb's subject, or the subject of the clause
    that controls it ("Witkoff called out Hamas, describing their behaviour as ...")."""
    subject = next(iter(subjects_of(verb)), None) or preceding_actor(verb, by_token)
    return Attribution(speakers=speakers_at(subject, by_token), speaker_span=noun_phrase(subject, verb),
                       cue=cue_span(verb), content=content, kind="indirect")


def preceding_actor(verb: Token, by_token: dict[int, list[Mention]]) -> Token | None:
    """When the parse gives the cue no subject: an actor right before it, over auxiliaries and adverbs
    ("..., Qatar and Egypt have stated")."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ in {"AUX", "ADV", "PART"}:
        i -= 1
    return verb.doc[i] if i >= verb.sent.start and i in by_token else None


def framing_verb(verb: Token, cues: Cues, by_token: dict[int, list[Mention]]) -> Attribution | None:
    """ "described their statements as misleading": the object and its "as" phrase are the content."""
    if verb.lemma_.lower() not in cues.framing_verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ in {"obj", "dobj"}), None)
    framing = next((c for c in verb.children
                    if any(g.lower_ == "as" for g in c.children if g.dep_ in {"case", "mark", "prep"})
                    or c.lower_ == "as"), None)
    if obj is None or framing is None:
        return None
    start = min(obj.left_edge.i, framing.left_edge.i)
    end = max(obj.right_edge.i, framing.right_edge.i) + 1
    return attributed(verb, trim(verb.doc[start:end]), by_token)


def according_to(token: Token, cues: Cues, by_token: dict[int, list[Mention]]) -> Attribution | None:
    """ "According to X, CONTENT" or "CONTENT, according to X": the rest of the sentence is the content."""
    doc = token.doc
    for words in cues.prepositions:
        if token.lower_ != words[0]:
            continue
        cue = doc[token.i:token.i + len(words)]
        if tuple(t.lower_ for t in cue) != words:
            continue
        first = next((t for t in doc[cue.end:cue.end + 8] if t.pos_ in {"PROPN", "NOUN", "PRON"}), None)
        if first is None:
            return None
        sentence = cue.sent
        phrase_end = noun_phrase_end(first, sentence)
        # the whole phrase is the source ("Virginia AFL-CIO President Doris Crouse-Mays"), its head the speaker
        source = trim(doc[cue.end:phrase_end]) if phrase_end > cue.end else doc[first.i:first.i + 1]
        source = source if len(source) else doc[first.i:first.i + 1]
        before = doc[sentence.start:cue.start]
        after = doc[phrase_end:sentence.end]
        content = trim(after if len(after) >= len(before) else before)
        return Attribution(speakers=speakers_at(source.root, by_token), speaker_span=source,
                           cue=cue, content=content, kind="indirect")
    return None


def noun_phrase_end(first: Token, sentence: Span) -> int:
    """Where the speaker's noun phrase after "according to" ends: after its name, modifiers and
    appositive, at the comma that closes them (or the sentence end)."""
    doc = first.doc
    depth_commas = 0
    i = first.i
    while i < sentence.end:
        token = doc[i]
        if token.text == ",":
            following = doc[i + 1] if i + 1 < sentence.end else None
            # a comma followed by an article or adjective opens an appositive ("X, a senior official")
            if depth_commas == 0 and following is not None and following.dep_ == "det" \
                    and following.head.dep_ == "appos":
                depth_commas = 1
            else:
                return i + 1
        i += 1
    return sentence.end


def clause(head: Token) -> Span:
    """A clause without its leading complementizer ("that") and trailing punctuation."""
    subtree = head.doc[head.left_edge.i:head.right_edge.i + 1]
    content = without_complementizer(subtree)
    return content if len(content) else head.doc[head.i:head.i + 1]


def without_complementizer(span: Span) -> Span:
    """The span without a leading complementizer ("that", "whether", "if") or punctuation, nor trailing
    punctuation."""
    start = span.start
    while start < span.end and (span.doc[start].dep_ == "mark" and span.doc[start].lower_ in COMPLEMENTIZERS
                                or span.doc[start].is_punct):
        start += 1
    return trim(span.doc[start:span.end])


def clause_without(head: Token, cue: Token) -> Span:
    """The clause of `head` minus the attribution part (the cue's own subtree)."""
    skip = {t.i for t in cue.subtree}
    tokens = [t for t in head.subtree if t.i not in skip]
    # keep the longest contiguous run: the content proper
    runs, run = [], []
    for t in tokens:
        if run and t.i != run[-1].i + 1:
            runs.append(run)
            run = []
        run.append(t)
    if run:
        runs.append(run)
    if not runs:
        return head.doc[head.i:head.i + 1]
    best = max(runs, key=len)
    return trim(head.doc[best[0].i:best[-1].i + 1])


TRIMMED = {",", ".", ";", ":", "—", "–", "-", "--"}


def trim(span: Span) -> Span:
    """The span without separating punctuation and spaces at its edges (quotes and brackets stay)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].text in TRIMMED or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in TRIMMED or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def cue_span(verb: Token) -> Span:
    """The cue verb with its particle ("pointed out")."""
    particles = [c for c in verb.children if c.dep_ in {"compound:prt", "prt"} and c.i == verb.i + 1]
    return verb.doc[verb.i:(particles[-1].i if particles else verb.i) + 1]


def noun_phrase(token: Token | None, cue: Token | None = None) -> Span | None:
    """The words of a speaker's phrase, up to the cue when the cue hangs on the speaker ("with both sides
    promising to discuss ...": "both sides"), without a preposition before it."""
    if token is None:
        return None
    if token.pos_ == "PRON":
        return token.doc[token.i:token.i + 1]
    start, end = token.left_edge.i, token.right_edge.i + 1
    if cue is not None and start < cue.i < end:
        end = cue.i
    while start < token.i and token.doc[start].dep_ in {"case", "punct"}:
        start += 1
    return token.doc[start:end]


def speakers_at(token: Token | None, by_token: dict[int, list[Mention]]) -> list[Mention]:
    """The actors a speaker token stands for, over its conjuncts ("Qatar and Egypt have stated"): the first
    in its phrase, not in a clause that hangs on it ("both sides promising to discuss the release of
    detainees": the detainees promise nothing)."""
    if token is None:
        return []
    found: list[Mention] = []
    for conjunct in [token, *token.conjuncts]:
        part = next((t for t in [conjunct, *noun_phrase_tokens(conjunct)] if t.i in by_token), None)
        if part is not None:
            found += [m for m in by_token[part.i] if m not in found]
    return found


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (of any style, nested single quotes left inside)."""
    spans, opened = [], None
    for token in doc:
        if opened is None:
            if token.text in OPENING:
                opened = token
        elif token.text in OPENING[opened.text]:
            spans.append((opened.idx, token.idx + len(token.text)))
            opened = None
    return spans


def kind_of(content: Span, quoted: list[tuple[int, int]]) -> str:
    """direct when the content lies inside quotation marks, mixed when part of it does."""
    inside = sum(max(0, min(end, content.end_char) - max(start, content.start_char)) for start, end in quoted)
    length = max(1, content.end_char - content.start_char)
    if inside >= 0.8 * length:
        return "direct"
    return "mixed" if inside > 0 else "indirect"
