"""What an actor resolver is built from beyond the bundled knowledge base: user gazetteers and
TABARI/PETRARCH dictionaries. One small picklable object, so worker processes can build their own."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from eventwire.actors.kb import KnowledgeBaseError, load_knowledge_base, read_geonames
from eventwire.actors.resolver import ActorResolver
from eventwire.actors.tabari import Dictionaries


@dataclass(frozen=True)
class ActorSources:
    """dictionaries: actor/agent dictionary files or folders. gazetteers: GeoNames cities*.txt files."""

    dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    gazetteers: tuple[Path, ...] = field(default_factory=tuple)

    def build_resolver(self, nlp: Language) -> ActorResolver:
        """RAISES (DictionaryError, KnowledgeBaseError): naming the file at fault."""
        kb = load_knowledge_base()
        for gazetteer in self.gazetteers:
            try:
                kb = kb.with_places(read_geonames(gazetteer, kb))
            except OSError as error:
                raise KnowledgeBaseError(f"{gazetteer}: cannot read the gazetteer ({error.strerror or error})") from None
        dictionaries = Dictionaries.load(list(self.dictionaries), nlp) if self.dictionaries else None
        return ActorResolver(nlp, kb, dictionaries)
