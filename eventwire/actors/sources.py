"""What the actor resolver and the event coder are built from beyond the bundled knowledge: user
gazetteers and TABARI/PETRARCH dictionaries (actors, agents, verbs). One small picklable object, so
worker processes can build their own."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from eventwire.actors.kb import KnowledgeBase, KnowledgeBaseError, load_knowledge_base, read_geonames
from eventwire.actors.resolver import ActorResolver
from eventwire.actors.tabari import Dictionaries, DictionaryError, dictionary_files
from eventwire.coding import EventCoder
from eventwire.coding.petrarch_verbs import VerbDictionaryError, read_verb_dictionary


@dataclass(frozen=True)
class ActorSources:
    """dictionaries: dictionary files or folders (a file's name tells its kind: actors, agents, verbs).
    gazetteers: GeoNames cities*.txt files. dictionaries_only: code events with the verb dictionaries
    alone, instead of beside the bundled lexicon."""

    dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    gazetteers: tuple[Path, ...] = field(default_factory=tuple)
    dictionaries_only: bool = False

    def knowledge_base(self) -> KnowledgeBase:
        """The bundled knowledge base with the gazetteers' places added. RAISES (KnowledgeBaseError)."""
        kb = load_knowledge_base()
        for gazetteer in self.gazetteers:
            try:
                kb = kb.with_places(read_geonames(gazetteer, kb))
            except OSError as error:
                raise KnowledgeBaseError(
                    f"{gazetteer}: cannot read the gazetteer ({error.strerror or error})") from None
        return kb

    def build_resolver(self, nlp: Language, kb: KnowledgeBase | None = None) -> ActorResolver:
        """kb: the knowledge base to resolve against (default: `knowledge_base()`).
        RAISES (DictionaryError, KnowledgeBaseError): naming the file at fault."""
        kb = kb or self.knowledge_base()
        files = dictionary_files(list(self.dictionaries))
        actor_files = [f for f in files if "actor" in f.name.lower() or "agent" in f.name.lower()]
        dictionaries = Dictionaries.load(actor_files, nlp) if actor_files else None
        return ActorResolver(nlp, kb, dictionaries)

    def build_coder(self, kb: KnowledgeBase | None = None) -> EventCoder:
        """kb: the knowledge base whose places locate events (default: `knowledge_base()`).
        RAISES (DictionaryError, KnowledgeBaseError): naming the file at fault."""
        files = [f for f in dictionary_files(list(self.dictionaries)) if "verb" in f.name.lower()]
        try:
            verbs = [read_verb_dictionary(f) for f in files]
        except VerbDictionaryError as error:
            raise DictionaryError(str(error)) from None
        if self.dictionaries_only and not verbs:
            raise DictionaryError("no verb dictionary given (file names must contain 'verbs')")
        return EventCoder(kb=kb or self.knowledge_base(), verb_dictionaries=verbs,
                          dictionaries_only=self.dictionaries_only)
