"""Loading the spaCy pipeline: eventwire's bundled English model by default, or any installed one."""
from __future__ import annotations

from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import NumpyOps, get_current_ops, use_ops
from threadpoolctl import threadpool_limits

from eventwire.nlp import boundaries, coordination, predicates  # noqa: F401  (register the components added below)

BUNDLED_MODEL = Path(__file__).parent / "en_eventwire"
# The pipeline multiplies small matrices: BLAS threads cost more in start-up and contention than they give
# (the bundled model codes news articles 1.26x faster on one thread), and eventwire runs one worker process
# per core instead. On one thread NumPy's BLAS multiplies these matrices faster than thinc's default (blis,
# 1.5x on AVX-512), with the same results.
BLAS_THREADS = 1
MATRIX_OPS = {"name": "numpy", "use_blis": False}
SENTENCE_SETTERS = {"parser", "senter", "sentencizer"}


class ModelNotFound(RuntimeError):
    """The requested spaCy pipeline is neither bundled nor installed."""


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process.

    name (str | None): None for the bundled model, else an installed package name
        (e.g. "en_core_web_trf") or a path to a pipeline folder.
    RETURNS (Language): the pipeline, with line breaks made sentence boundaries, a sentencizer
        added if nothing in it sets sentence boundaries, and, after the parser, a sentence read as a noun
        phrase made a clause ("Police clashed with protesters.") and bare verb conjuncts attached to the
        infinitive they coordinate with. On the CPU its layers multiply through `MATRIX_OPS`;
        loading it limits this process's BLAS to `BLAS_THREADS` threads.
    RAISES (ModelNotFound): when the name is neither installed nor a pipeline folder.
    """
    target = str(BUNDLED_MODEL) if name is None else name
    try:
        with use_ops(**MATRIX_OPS) if isinstance(get_current_ops(), NumpyOps) else nullcontext():
            nlp = spacy.load(target)
    except OSError as error:
        raise ModelNotFound(
            f"cannot load the spaCy pipeline {target!r}: install it (e.g. `python -m spacy download "
            f"{target}`) or give the path of a pipeline folder ({error.__class__.__name__})"
        ) from None
    threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    if not SENTENCE_SETTERS & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)
    setter = next(name for name in nlp.pipe_names if name in SENTENCE_SETTERS)
    nlp.add_pipe("line_break_boundaries", before=setter)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("predicate_repair", after="parser")
        nlp.add_pipe("coordination_repair", after="predicate_repair")
    return nlp

