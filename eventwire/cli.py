"""The eventwire command line: `eventwire extract ...`."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventwire import __version__
from eventwire.actors.kb import KnowledgeBaseError
from eventwire.actors.sources import ActorSources
from eventwire.actors.tabari import DictionaryError
from eventwire.engine import Extractor, extract_records
from eventwire.errors import InputError, InputWarning
from eventwire.ingest import IngestOptions, read_inputs
from eventwire.ingest.readers import count_articles
from eventwire.model import Article
from eventwire.nlp import load_pipeline
from eventwire.nlp.pipeline import ModelNotFound
from eventwire.render import mentions_table, print_record, quotes_by_speaker

app = typer.Typer(help="Turn news articles into sourced, structured records of political events, actors, "
                       "quotes and talks.", no_args_is_help=True, add_completion=False)
PROGRESS_THRESHOLD = 3
DICTIONARIES_HELP = ("TABARI/PETRARCH actor, agent and verb dictionaries (files, or a folder of *actors*/*agents*/"
                     "*verbs* files), used beside the knowledge base and lexicon; repeatable.")
ONLY_VERBS_HELP = "Code events with the --dictionaries verb patterns alone, instead of beside the bundled lexicon."
GAZETTEER_HELP = "GeoNames cities*.txt file adding places to the gazetteer; repeatable."


# Problems with what the user named on the command line (model, dictionaries, gazetteers): usage errors.
SOURCE_ERRORS = (ModelNotFound, DictionaryError, KnowledgeBaseError)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


@contextmanager
def usage_errors(errors: Console, kinds: tuple[type[Exception], ...] = SOURCE_ERRORS, prefix: str = ""):
    """What the user named on the command line is wrong (a model, a dictionary, a gold file): say so on
    stderr and exit with status 2."""
    try:
        yield
    except kinds as error:
        errors.print(f"error: {prefix}{error}", markup=False)
        raise typer.Exit(2) from None


def parse_cli_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                              help="Print the version and exit.")] = False) -> None:
    """eventwire: events, actors, quotes and talks from news text."""


class Reporter:
    """Writes input errors and warnings to stderr, one line each, and remembers whether any failed."""

    def __init__(self, console: Console, quiet: bool) -> None:
        self.console, self.quiet, self.failed = console, quiet, 0

    def report(self, problem: InputError) -> None:
        if isinstance(problem, InputWarning):
            if not self.quiet:
                self.console.print(f"warning: {problem.message}", markup=False, highlight=False)
        else:
            self.failed += 1
            self.console.print(f"error: {problem.message}", markup=False, highlight=False)


def readable_articles(inputs: list[str], options: IngestOptions, reporter: Reporter) -> Iterator[Article]:
    for item in read_inputs(inputs, options):
        if isinstance(item, InputError):
            reporter.report(item)
        else:
            yield item


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories, or - for stdin.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs "
                                                 "that carry none.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to use instead of the "
                                                 "bundled one (package name or folder).")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="jsonl: one article record per "
                                                        "line; table: a readable summary.")] = OutputFormat.jsonl,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of "
                                                   "stdout.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Size limit per article.")] = 5_000_000,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on "
                                                     "stderr (default: when stderr is a terminal).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Hide warnings (errors are always shown).")] = False,
    dictionaries: Annotated[Optional[list[Path]], typer.Option("--dictionaries", help=DICTIONARIES_HELP)] = None,
    only_verbs: Annotated[bool, typer.Option("--only-dictionary-verbs", help=ONLY_VERBS_HELP)] = False,
    gazetteers: Annotated[Optional[list[Path]], typer.Option("--gazetteer", help=GAZETTEER_HELP)] = None,
) -> None:
    """Extract events, actors and quotes from articles, as JSON Lines or a table.

    Exit status: 0 when every input was processed, 1 when any input failed (each failure is reported
    on stderr with the input's name and the reason), 2 for a usage error.
    """
    options = IngestOptions(default_date=parse_cli_date(date_), max_bytes=max_bytes)
    errors = Console(stderr=True, soft_wrap=True)
    reporter = Reporter(errors, quiet)
    show_progress = errors.is_terminal if progress is None else progress
    total = count_articles(inputs) if show_progress else None
    show_progress = show_progress and (total is None or total > PROGRESS_THRESHOLD)

    with (output.open("w", encoding="utf8") if output else nullcontext(sys.stdout)) as stream:
        console = Console(file=stream, soft_wrap=False) if output_format is OutputFormat.table else None
        bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=errors, transient=True, disable=not show_progress)
        with bar:
            task = bar.add_task("extract", total=total)
            with usage_errors(errors):
                sources = ActorSources(tuple(dictionaries or ()), tuple(gazetteers or ()), only_verbs)
                for result in extract_records(readable_articles(inputs, options, reporter), model, workers,
                                              sources):
                    bar.advance(task)
                    if isinstance(result, InputError):
                        reporter.report(result)
                    elif console is not None:
                        print_record(console, result)
                    else:
                        write_jsonl(stream, result.to_dict())
    if reporter.failed:
        raise typer.Exit(1)


def write_jsonl(stream: TextIO, data: dict) -> None:
    stream.write(json.dumps(data, ensure_ascii=False) + "\n")


def names_a_file(argument: str) -> bool:
    """Whether a command-line argument names an existing file (a long text is never a file name)."""
    try:
        return Path(argument).exists()
    except OSError:  # "File name too long" and the like: the argument is text
        return False


@app.command()
def actors(
    source: Annotated[str, typer.Argument(help="A file (.txt, .html, .jsonl) or the text itself.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Article date (YYYY-MM-DD): decides who held "
                                                 "which office.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to use instead of the "
                                                 "bundled one.")] = None,
    dictionaries: Annotated[Optional[list[Path]], typer.Option("--dictionaries", help=DICTIONARIES_HELP)] = None,
    gazetteers: Annotated[Optional[list[Path]], typer.Option("--gazetteer", help=GAZETTEER_HELP)] = None,
) -> None:
    """Show each actor mention, what it resolved to, and why (knowledge base, appositive, coreference...)."""
    options = IngestOptions(default_date=parse_cli_date(date_))
    errors = Console(stderr=True, soft_wrap=True)
    reporter = Reporter(errors, quiet=True)
    articles = list(readable_articles([source], options, reporter)) if names_a_file(source) else [
        Article(text=source, published=options.default_date, origin="<argument>")]
    with usage_errors(errors):
        nlp = load_pipeline(model)
        resolver = ActorSources(tuple(dictionaries or ()), tuple(gazetteers or ())).build_resolver(nlp)
    console = Console()
    for article in articles:
        console.print(mentions_table(article, resolver.resolve(nlp(article.text), article.published)))
    if reporter.failed:
        raise typer.Exit(1)


@app.command()
def quotes(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories, or - for stdin.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs "
                                                 "that carry none.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to use.")] = None,
) -> None:
    """Print who said what, grouped by speaker, for each article."""
    options = IngestOptions(default_date=parse_cli_date(date_))
    errors = Console(stderr=True, soft_wrap=True)
    reporter = Reporter(errors, quiet=True)
    console = Console()
    with usage_errors(errors):
        for result in extract_records(readable_articles(inputs, options, reporter), model):
            if isinstance(result, InputError):
                reporter.report(result)
            else:
                console.print(quotes_by_speaker(result))
    if reporter.failed:
        raise typer.Exit(1)


class GoldFormat(str, Enum):
    eventwire = "eventwire"
    polnear = "polnear"
    plover_dyads = "plover-dyads"
    plover_gsr = "plover-gsr"
    petrarch = "petrarch"


@app.command()
def evaluate(
    gold_format: Annotated[GoldFormat, typer.Argument(metavar="FORMAT", help="eventwire: a reference JSON "
                                                      "like examples/*.expected.json.")],
    gold: Annotated[Path, typer.Argument(help="The gold file.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Article date (YYYY-MM-DD) for references "
                                                 "whose document carries none.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to use.")] = None,
    dictionaries: Annotated[Optional[list[Path]], typer.Option("--dictionaries", help=DICTIONARIES_HELP)] = None,
    only_verbs: Annotated[bool, typer.Option("--only-dictionary-verbs", help=ONLY_VERBS_HELP)] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N articles.")] = None,
    code_length: Annotated[Optional[int], typer.Option("--code-length", min=3, help="petrarch: compare actor codes "
                                                       "cut to this many characters (6: country + sector).")] = None,
) -> None:
    """Score eventwire against gold data: precision, recall and F1.

    eventwire: a reference JSON (events, optional events); polnear: a folder in PolNeAR's layout
    (text/, attributions/), scored for source, cue and content, exact and overlap."""
    from eventwire.evaluate.reference import Reference, score

    errors = Console(stderr=True, soft_wrap=True)
    sources = ActorSources(tuple(dictionaries or ()), (), only_verbs)
    if gold_format is GoldFormat.petrarch:
        echo_figures(evaluate_petrarch(gold, model, sources, code_length, limit, errors), as_json, width=10)
        return
    if gold_format in (GoldFormat.plover_dyads, GoldFormat.plover_gsr):
        from eventwire.evaluate.plover import PloverError, read_dyads, read_gsr
        from eventwire.evaluate.plover import score as score_dyads

        with usage_errors(errors, (PloverError,)):
            dyads = (read_dyads if gold_format is GoldFormat.plover_dyads else read_gsr)(gold, limit)
        articles = [Article(text=d.text, published=parse_cli_date(date_), origin=f"{gold}:{n}")
                    for n, d in enumerate(dyads, start=1)]
        with usage_errors(errors):
            extractor = Extractor(model, sources)
            results, between = [], []
            for dyad, article, doc in zip(dyads, articles, extractor.nlp.pipe(a.text for a in articles)):
                results.append(extractor.analyse(article, doc))  # one parse for the record and the dyad
                code = extractor.coder.code_between(doc, dyad.source, dyad.target)
                between.append(code.plover_type if code is not None else None)
        echo_figures(score_dyads(dyads, results, between), as_json, width=26)
        return
    if gold_format is GoldFormat.polnear:
        figures = evaluate_polnear(gold, model, errors, limit)
        typer.echo(json.dumps(figures) if as_json else "\n".join(
            f"{name:18} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}" for name, v in figures.items()
            if isinstance(v, dict)) + f"\narticles {figures['articles']}")
        return
    with usage_errors(errors, (*SOURCE_ERRORS, OSError, ValueError, KeyError), prefix=f"{gold}: "):
        reference = Reference.load(gold)
        article = Article(text=reference.document.read_text(encoding="utf8").strip(),
                          published=parse_cli_date(date_), origin=str(reference.document))
        [record] = list(extract_records([article], model, sources=sources))
    if isinstance(record, InputError):
        errors.print(f"error: {record.message}", markup=False)
        raise typer.Exit(1)
    figures = score(reference, record)
    if as_json:
        typer.echo(json.dumps(figures))
        return
    console = Console()
    console.print(f"required events found  {figures['required_found']}/{figures['required']}  "
                  f"recall {figures['recall']:.3f}")
    console.print(f"produced rows correct   {figures['produced_correct']}/{figures['produced']}  "
                  f"precision {figures['precision']:.3f}   F1 {figures['f1']:.3f}")
    for line in figures["missed"]:
        console.print(f"  missed: {line}", markup=False)
    for line in figures["wrong"]:
        console.print(f"  not in the reference: {line}", markup=False)


def evaluate_petrarch(gold: Path, model: Optional[str], sources: ActorSources, code_length: Optional[int],
                      limit: Optional[int], errors: Console) -> dict:
    """Code each validation record's text (dated by the record) and score the codings."""
    from eventwire.evaluate.petrarch import PetrarchError, read_records, score

    with usage_errors(errors, (*SOURCE_ERRORS, PetrarchError)):
        records = read_records(gold, limit)
        articles = [Article(text=r.text, published=r.day, origin=f"{gold}:{r.id}") for r in records]
        return score(records, list(extract_records(articles, model, sources=sources)), code_length)


def evaluate_polnear(folder: Path, model: Optional[str], errors: Console, limit: Optional[int]) -> dict:
    """Run extraction over a PolNeAR folder and score its attributions."""
    from eventwire.evaluate.polnear import PolnearError, read_corpus, score

    with usage_errors(errors, (PolnearError,)):
        corpus = read_corpus(folder, limit)
    articles = [Article(text=a.text, origin=a.name) for a in corpus]
    with usage_errors(errors):
        return score(corpus, extract_records(articles, model),
                     on_error=lambda failed: errors.print(f"error: {failed.message}", markup=False))


def echo_figures(figures: dict, as_json: bool, width: int) -> None:
    """Figures as one JSON object, or one `name value` line each."""
    typer.echo(json.dumps(figures) if as_json else "\n".join(f"{k:{width}} {v}" for k, v in figures.items()))


# Last, so the command modules can use the helpers above.
from eventwire.commands import register_commands  # noqa: E402

register_commands(app)
