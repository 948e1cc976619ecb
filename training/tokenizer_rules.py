"""Tokenizer rules that bring spaCy's English tokenizer closer to the Universal Dependencies
English conventions the bundled pipeline is trained and measured on.

- A run of repeated punctuation ("!!!", "?!", "***", "=====", "$$$", "<<", "--") is one token.
- A possessive written with a left single quotation mark ("Netanyahu‘s", a common typesetting slip)
  is split like "Netanyahu’s".
- Words with a bound prefix and a hyphen ("e-mail", "non-Microsoft", "post-war", "co-workers")
  stay whole; other hyphenated compounds are split as before ("Al - Zaman", "long - term").

`customize_tokenizer(nlp)` rewrites the tokenizer in place; its patterns are saved with the
pipeline, so the shipped model needs none of this code at load time.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

POSSESSIVE_SLIPS = (r"(?<=[^\W\d_])‘[sS]",)

PUNCTUATION_RUNS = (
    r"[!?]{2,}",
    r"\.[.?!:]+",
    r"[?!:]\?",
    r"\*{2,}",
    r"={2,}",
    r"_{2,}",
    r"~{2,}",
    r"\${2,}",
    r"#{2,}",
    r"\+{2,}",
    r"-{2,}",
    r"<{2,}",
    r">{2,}",
)

BOUND_PREFIXES = (
    "anti", "bi", "co", "counter", "cross", "de", "e", "ex", "extra", "inter", "intra", "macro",
    "mega", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over", "post", "pre", "pro",
    "pseudo", "re", "self", "semi", "sub", "super", "trans", "tri", "ultra", "un", "under", "vice",
)


def customize_tokenizer(nlp: Language) -> Language:
    """Apply the UD-style rules to ``nlp.tokenizer``. RETURNS (Language): the same object."""
    defaults = nlp.Defaults
    runs = list(PUNCTUATION_RUNS)
    nlp.tokenizer.prefix_search = compile_prefix_regex(runs + list(defaults.prefixes)).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(
        runs + list(POSSESSIVE_SLIPS) + list(defaults.suffixes)).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(defaults.infixes)).finditer
    prefixes = "|".join(BOUND_PREFIXES)
    nlp.tokenizer.token_match = re.compile(rf"(?i)^(?:{prefixes})-[a-z]+$").match
    return nlp
