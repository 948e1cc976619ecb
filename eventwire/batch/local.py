"""The local engine: the built-in worker processes of `eventwire extract`, writing the batch layout with
pyarrow. It is the reference the Spark engine is checked against."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from eventwire.batch.inputs import read_corpus
from eventwire.batch.layout import TableWriter, result_rows
from eventwire.batch.options import BatchOptions, BatchSummary
from eventwire.engine import Extractor, extract_records
from eventwire.errors import InputError, InputWarning
from eventwire.model import Article


def run_local(source: str, output: str | Path, options: BatchOptions, workers: int = 1) -> BatchSummary:
    """Extract every article of `source` (a folder, a text/HTML/JSON Lines file or a Parquet corpus) into the
    batch layout under `output`, in `workers` processes.

    RAISES (FileNotFoundError): `source` does not exist. (FileExistsError): `output` holds files and
        `options.overwrite` is not set.
    RETURNS (BatchSummary): articles coded, events found, inputs that failed.
    """
    if not Path(source).exists():
        raise FileNotFoundError(f"{source}: no such file or directory")
    output = prepare_output(Path(output), options.overwrite)
    # built first so a bad model or dictionary is reported before any work; it gives the provenance columns
    # and, in this process, codes the articles
    extractor = Extractor(options.model, options.sources)
    provenance = {**extractor.provenance, "coded_at": options.coded_at}
    writer = TableWriter(output)
    summary = BatchSummary(articles=0, events=0, errors=0)

    def articles() -> Iterator[Article]:
        for item in read_corpus(source, options.ingest):
            if isinstance(item, InputWarning):
                continue
            if isinstance(item, InputError):
                summary.errors += 1
                writer.add(result_rows(item, provenance))
            else:
                yield item

    for result in extract_records(articles(), options.model, workers, options.sources, extractor=extractor):
        if isinstance(result, InputError):
            summary.errors += 1
        else:
            summary.articles += 1
            summary.events += len(result.events)
        writer.add(result_rows(result, provenance))
    writer.close()
    return summary


def prepare_output(output: Path, overwrite: bool) -> Path:
    """The output folder, emptied when `overwrite` is set. RAISES (FileExistsError): it holds files."""
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        if not overwrite:
            raise FileExistsError(f"{output}: the output already exists (give --overwrite to replace it)")
        shutil.rmtree(output) if output.is_dir() else output.unlink()
    output.mkdir(parents=True, exist_ok=True)
    return output
