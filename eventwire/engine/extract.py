"""Extraction: Article -> ArticleRecord, each stage adding its layer to the parsed document.

`Extractor` holds the loaded pipeline and runs the stages over a batch of articles. A failure in one
article becomes an `InputError` for that article only; the rest of the batch is processed.
`extract_records` spreads batches over worker processes, each loading the pipeline once, and yields
results in input order.
"""
from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from importlib import resources
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from eventwire import __version__
from eventwire.actors.sources import ActorSources
from eventwire.coding import CodingContext
from eventwire.errors import InputError, Problem
from eventwire.model import Article, ArticleRecord, Sentence
from eventwire.nlp import load_pipeline
from eventwire.quotes import find_attributions, mark_reported, quote_records
from eventwire.quotes.learned import load_tagger, tagger_version

BATCH_SIZE = 16  # articles per task handed to a worker
PIPE_BATCH_SIZE = 4  # articles parsed together at most: long news articles make large batches costly in memory
PIPE_BATCH_CHARACTERS = 20_000  # and at most this much text (about four articles of 700 words); a longer article alone


class Extractor:
    """model (str | None): spaCy pipeline to use; None for the bundled one.
    sources (ActorSources | None): gazetteers and dictionaries to use beside the knowledge base."""

    def __init__(self, model: str | None = None, sources: ActorSources | None = None) -> None:
        self.nlp = load_pipeline(model)
        sources = sources or ActorSources()
        kb = sources.knowledge_base()  # one for both, gazetteers included: resolving actors and locating events
        self.resolver = sources.build_resolver(self.nlp, kb)
        self.coder = sources.build_coder(kb)
        model = f"{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"
        tagger = tagger_version() if load_tagger() is not None else None  # the attribution tagger, where built
        self.provenance = {"eventwire_version": __version__,
                           "model": f"{model}+attributions-{tagger}" if tagger else model,
                           "lexicon": lexicon_version()}

    def extract(self, articles: list[Article]) -> list[ArticleRecord | InputError]:
        """Analyse a batch. RETURNS one record or error per article, in order."""
        results: list[ArticleRecord | InputError] = []
        try:  # each parse is analysed as it comes, so only a few parsed articles are held at once
            for article, doc in zip(articles, parse_in_batches(self.nlp, [a.text for a in articles])):
                results.append(self.analyse(article, doc))
        except Exception:  # the parser failed inside the batch: parse the rest one by one to find the article
            results += [self.analyse(article, None) for article in articles[len(results):]]
        return results

    def analyse(self, article: Article, doc: Doc | None) -> ArticleRecord | InputError:
        """One article's record (parsing it first when `doc` is None), or the error that stopped it."""
        try:
            return self.build_record(article, doc if doc is not None else self.nlp(article.text))
        except Exception as error:  # noqa: BLE001 - reported per article, never stops the batch
            return InputError(article.origin or article.id, Problem.PROCESSING,
                              detail=f"{type(error).__name__}: {error}")

    def build_record(self, article: Article, doc: Doc) -> ArticleRecord:
        sentences = [Sentence(*span) for span in sentence_spans(doc)]
        mentions = self.resolver.resolve(doc, article.published)
        ids = {id(mention): f"a{n}" for n, mention in enumerate(mentions, start=1)}
        actors = [mention.to_actor(ids[id(mention)], ids.get(id(mention.antecedent))) for mention in mentions]
        attributions = find_attributions(doc, mentions)
        context = CodingContext(actor_ids=ids,
                                sentence_starts=[s.start for s in sentences], day=article.published,
                                cue_tokens={t.i for a in attributions for t in a.cue})
        events = self.coder.code(doc, mentions, context)
        quotes = quote_records(attributions, context.actor_ids)
        mark_reported(events, quotes)
        return ArticleRecord(article=article, sentences=sentences, actors=actors, events=events, quotes=quotes)


def parse_in_batches(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    """The texts parsed, in order, in batches of at most PIPE_BATCH_SIZE articles and PIPE_BATCH_CHARACTERS
    characters, so that a process's memory follows the longest article, not the longest four."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == PIPE_BATCH_SIZE or size + len(text) > PIPE_BATCH_CHARACTERS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def lexicon_version() -> str:
    """A short hash of the knowledge files that decide what is coded (event lexicon, cue lists, knowledge
    base), so two runs with the same value coded with the same knowledge."""
    digest = hashlib.sha256()
    for package in ("eventwire.coding", "eventwire.quotes", "eventwire.actors"):
        folder = resources.files(package) / "data"
        for item in sorted(folder.iterdir(), key=lambda item: item.name):
            if item.is_file():
                digest.update(item.name.encode() + item.read_bytes())
    return digest.hexdigest()[:12]


def sentence_spans(doc: Doc) -> Iterator[tuple[int, int]]:
    """Character spans of the sentences, without surrounding whitespace; blank "sentences" are skipped."""
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if words:
            yield words[0].idx, words[-1].idx + len(words[-1])


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@cache
def process_extractor(model: str | None, sources: ActorSources | None) -> Extractor:
    """The pipeline and knowledge base of this process (a worker's), loaded on first use and kept."""
    return Extractor(model, sources)


def _extract_in_worker(articles: list[Article], model: str | None,
                       sources: ActorSources | None) -> list[ArticleRecord | InputError]:
    return process_extractor(model, sources).extract(articles)


def extract_records(articles: Iterable[Article], model: str | None = None, workers: int = 1,
                    sources: ActorSources | None = None, *,
                    extractor: Extractor | None = None) -> Iterator[ArticleRecord | InputError]:
    """Analyse articles, in this process or in `workers` processes; results come in input order.

    Only a bounded number of batches is in flight, so a large corpus streams through in constant memory.
    extractor (Extractor | None): the pipeline to use in this process (workers <= 1), when the caller has
        built it already.
    """
    batches = batched(articles, BATCH_SIZE)
    if workers <= 1:
        extractor = extractor or Extractor(model, sources)
        for batch in batches:
            yield from extractor.extract(batch)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=process_extractor,  # loaded as a worker starts
                             initargs=(model, sources)) as pool:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(pool.submit(_extract_in_worker, batch, model, sources))
            if len(pending) >= workers * 3:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
