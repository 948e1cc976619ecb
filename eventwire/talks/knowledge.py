"""What the tracker knows, read from `eventwire/talks/data/`: which CAMEO codes signal a status, a role,
a position or a next round (signals.yaml), the words that name an issue (subjects.yaml), and the words
that mark a mediator or an announced round (cues.yaml).

Each file is validated against the models below; a bad file raises `TalksDataError` naming it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

DATA_DIR = Path(__file__).parent / "data"
Status = Literal["proposed", "active", "suspended", "resumed", "collapsed", "agreement"]
Signal = Literal["proposed", "active", "suspended", "collapsed", "agreement"]
Modality = Literal["asserted", "planned", "expected", "hypothetical", "demanded"]


class TalksDataError(ValueError):
    """A talks data file is missing or does not follow its schema; the message names the file."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CodeRule(Strict):
    """Events whose code starts with one of `codes`, with one of `modalities` and the given negation."""

    codes: list[str] = Field(min_length=1)
    modalities: list[Modality] = ["asserted"]
    negated: bool = False

    def matches(self, code: str | None, modality: str, negated: bool) -> bool:
        """code (str | None): the event's CAMEO code. RETURNS (bool): whether the rule covers the event."""
        return bool(code) and code.startswith(tuple(self.codes)) and modality in self.modalities \
            and negated == self.negated


class StatusRule(CodeRule):
    signal: Signal


class Intermediary(Strict):
    appeal_codes: list[str]
    requested_codes: list[str]
    requested_modalities: list[Modality]


class ParticipationRule(CodeRule):
    state: str


class Positions(Strict):
    demand: list[str]
    accusation: list[str]
    rejection: list[str]


class Clustering(Strict):
    max_gap_days: int = Field(ge=0)


class Signals(Strict):
    statuses: list[StatusRule]
    transitions: dict[Literal["none"] | Status, dict[Signal, Status]]
    next_round: CodeRule
    mediation: CodeRule
    intermediary: Intermediary
    participation: list[ParticipationRule]
    positions: Positions
    talks_codes: list[str]
    clustering: Clustering


class Issue(Strict):
    label: str
    words: list[str] = Field(min_length=1)


class NextRoundCues(Strict):
    talks: list[str]
    future: list[str]


class Cues(Strict):
    mediator_mention: list[str]
    mediator_speech: list[str]
    next_round: NextRoundCues


class TalksKnowledge:
    """The three data files, validated, with the word lists compiled to patterns.

    data_dir (Path): the folder holding signals.yaml, subjects.yaml and cues.yaml.
    """

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.signals = read(data_dir / "signals.yaml", Signals)
        self.issues = {key: read_model(data_dir / "subjects.yaml", Issue, value, key)
                       for key, value in read_yaml(data_dir / "subjects.yaml").items()}
        self.cues = read(data_dir / "cues.yaml", Cues)
        self.issue_patterns = {key: words_pattern(issue.words) for key, issue in self.issues.items()}
        self.mediator_mention = words_pattern(self.cues.mediator_mention)
        self.mediator_speech = words_pattern(self.cues.mediator_speech)
        self.round_talks = words_pattern(self.cues.next_round.talks)
        self.round_future = words_pattern(self.cues.next_round.future)

    def signal(self, code: str | None, modality: str, negated: bool) -> Signal | None:
        """RETURNS (str | None): the status signal of an event, or None when it signals none."""
        for rule in self.signals.statuses:
            if rule.matches(code, modality, negated):
                return rule.signal
        return None

    def transition(self, current: Status | None, signal: Signal) -> Status | None:
        """RETURNS (str | None): the status after `signal` from `current`, or None when it changes nothing."""
        return self.signals.transitions.get(current or "none", {}).get(signal)

    def position(self, code: str | None) -> str | None:
        """RETURNS (str | None): "demand", "accusation" or "rejection" for an event code, else None."""
        for kind, roots in self.signals.positions.model_dump().items():
            if code and code.startswith(tuple(roots)):
                return kind
        return None

    def is_talks_event(self, code: str | None, modality: str, negated: bool) -> bool:
        """RETURNS (bool): whether an event is about talks themselves (a status, a round, mediation)."""
        signals = self.signals
        return self.signal(code, modality, negated) is not None or bool(code) and (
            code.startswith((*signals.talks_codes, *signals.mediation.codes))
            or signals.next_round.matches(code, modality, negated))

    def issues_in(self, text: str) -> list[str]:
        """RETURNS (list[str]): the keys of the issues the text names, in the order of subjects.yaml."""
        lower = text.lower()
        return [key for key, pattern in self.issue_patterns.items() if pattern.search(lower)]


def words_pattern(words: list[str]) -> re.Pattern:
    """A pattern matching any of the words or phrases as whole words (lower case)."""
    alternatives = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf8"))
    except (OSError, yaml.YAMLError) as error:
        raise TalksDataError(f"{path}: {error}") from None
    if not isinstance(data, dict):
        raise TalksDataError(f"{path}: expected a mapping at the top level")
    return data


def read_model(path: Path, model: type[BaseModel], data: object, where: str = "") -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise TalksDataError(f"{path}{':' + where if where else ''}: {error}") from None


def read(path: Path, model: type[BaseModel]) -> BaseModel:
    return read_model(path, model, read_yaml(path))


@lru_cache(maxsize=4)
def load_knowledge(data_dir: Path = DATA_DIR) -> TalksKnowledge:
    """RETURNS (TalksKnowledge): the validated data of `data_dir`, loaded once per folder."""
    return TalksKnowledge(data_dir)
