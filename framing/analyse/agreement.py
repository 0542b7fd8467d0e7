"""How far each measure agrees with a team's own labelled sentences (`framing check`).

The figures in docs/measures.md were measured on someone else's news. A team that labels a
few hundred of its own sentences (sentence, measure, label) learns how far to trust each
measure on its material: per measure and label, precision, recall and F1, with every
disagreement listed beside the evidence the tool found, so a reader can see why.

Each measure reads the sentence alone, as it would inside an article: binary measures say
"yes" when they find their evidence in it; `frame` names the frame with most cues ("none");
`tone` is VADER's reading (negative, neutral, positive).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TypeVar

from framing.analyse.genre import author_voice
from framing.analyse.measure import Measures
from framing.analyse.tone import THRESHOLD, sentence_tone
from framing.ingest.labelled import LabelledFile, LabelledRow
from framing.lexicon import TokenizedSentence, tokenized
from framing.models import Match, Prescription

YES = frozenset(["yes", "y", "true", "1", "biased", "loaded", "present", "x"])
NO = frozenset(["no", "n", "false", "0", "non-biased", "not biased", "unbiased", "absent", ""])
"""How a binary label may be written: BABE's "biased"/"non-biased" reads as yes/no."""
TONES = ("negative", "neutral", "positive")

T = TypeVar("T")
Reading = tuple[str, str]  # the tool's label, and the evidence it found ("" when none)
Reader = Callable[[Measures, TokenizedSentence], Reading]


@dataclass(frozen=True)
class LabelScore:
    """Agreement on one label of one measure: how often it was given, said, and both."""

    measure: str
    label: str
    support: int  # rows the user gave this label
    said: int  # rows the tool gave it
    agreed: int

    @property
    def precision(self) -> float:
        return self.agreed / self.said if self.said else 0.0

    @property
    def recall(self) -> float:
        return self.agreed / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Disagreement:
    """A row where the tool reads the sentence otherwise, with what it found there."""

    row: int
    measure: str
    expected: str
    found: str
    evidence: str
    text: str


@dataclass(frozen=True)
class Agreement:
    """The whole comparison: scores per measure and label, and every disagreement."""

    rows: int
    scores: tuple[LabelScore, ...]
    disagreements: tuple[Disagreement, ...]

    def macro_f1(self, measure: str) -> float:
        """Mean F1 over the labels of `measure` that the user gave at least once."""
        scores = [s.f1 for s in self.scores if s.measure == measure and s.support]
        return sum(scores) / len(scores) if scores else 0.0

    def measures(self) -> list[str]:
        return list(dict.fromkeys(s.measure for s in self.scores))


def _present(items: Iterable[T], text: Callable[[T], str]) -> Reading:
    """ "yes" with what was found, or "no"."""
    found = [text(item) for item in items]
    return ("yes", "; ".join(found)) if found else ("no", "")


def _matched(item: Match | Prescription) -> str:
    return item.text


def _loaded(measures: Measures, sentence: TokenizedSentence) -> Reading:
    words = "; ".join(m.text for m in measures.loaded.find([sentence]))
    return ("yes" if measures.loaded.is_loaded(sentence) else "no"), words


def _quote(measures: Measures, sentence: TokenizedSentence) -> Reading:
    quotes = measures.sourcing.quotes([sentence])
    return _present(quotes, lambda q: f"{q.speaker or 'unattributed'} ({q.form})")


def _frame(measures: Measures, sentence: TokenizedSentence) -> Reading:
    cues = measures.frames.find([sentence])
    counts = Counter(m.category for m in cues)
    if not counts:
        return "none", ""
    best = min(counts, key=lambda key: (-counts[key], key))
    return best, "; ".join(m.text for m in cues if m.category == best)


def _tone(measures: Measures, sentence: TokenizedSentence) -> Reading:
    score = sentence_tone(sentence.text)
    label = "negative" if score <= -THRESHOLD else "positive" if score >= THRESHOLD else "neutral"
    return label, f"VADER {score:+.2f}"


READERS: Mapping[str, Reader] = {
    "loaded": _loaded,
    "hedge": lambda m, s: _present(m.stance.hedges([s]), _matched),
    "booster": lambda m, s: _present(m.stance.boosters([s]), _matched),
    "prescription": lambda m, s: _present(m.stance.prescriptions([s]), _matched),
    "quote": _quote,
    "anonymous": lambda m, s: _present(m.sourcing.anonymous([s]), _matched),
    "scare_quote": lambda m, s: _present(m.sourcing.scare_quotes([s]), _matched),
    "author_voice": lambda m, s: _present(
        author_voice([s], m.sourcing.first_person([s])), _matched
    ),
    "frame": _frame,
    "tone": _tone,
}
"""The measures a labelled sentence can be checked against, by the name the file uses."""


def normalised_label(measure: str, label: str, frames: Sequence[str]) -> str | None:
    """The label as the tool writes it, or None when it is not one the measure can give."""
    label = label.strip().lower()
    if measure == "frame":
        return label if label in (*frames, "none") else None
    if measure == "tone":
        return label if label in TONES else None
    if label in YES:
        return "yes"
    return "no" if label in NO else None


def check(rows: Sequence[LabelledRow], measures: Measures) -> Agreement:
    """Every row read by its measure and compared with its label (rows already valid)."""
    sentences = tokenized((f"row{r.row}", r.text, False) for r in rows)
    said = [READERS[r.measure](measures, s) for r, s in zip(rows, sentences, strict=True)]
    pairs = [(r.measure, r.label, found) for r, (found, _) in zip(rows, said, strict=True)]
    disagreements = tuple(
        Disagreement(r.row, r.measure, r.label, found, evidence, r.text)
        for r, (found, evidence) in zip(rows, said, strict=True)
        if found != r.label
    )
    return Agreement(len(rows), _scores(pairs), disagreements)


def _scores(pairs: Sequence[tuple[str, str, str]]) -> tuple[LabelScore, ...]:
    """One score per (measure, label) given or said, in order of the file's measures."""
    keys = dict.fromkeys((m, label) for m, given, found in pairs for label in (given, found))
    return tuple(
        LabelScore(
            measure,
            label,
            support=sum(m == measure and given == label for m, given, _ in pairs),
            said=sum(m == measure and found == label for m, _, found in pairs),
            agreed=sum(m == measure and given == found == label for m, given, found in pairs),
        )
        for measure, label in sorted(keys, key=lambda k: (_first(pairs, k[0]), k[1]))
    )


def _first(pairs: Sequence[tuple[str, str, str]], measure: str) -> int:
    return next(i for i, pair in enumerate(pairs) if pair[0] == measure)


def usable_rows(
    labelled: LabelledFile, measures: Measures
) -> tuple[list[LabelledRow], list[tuple[int, str]]]:
    """The rows with a known measure and a label it can give (normalised: "biased" is
    "yes"), and the rest with why, beside the rows the reader already set aside."""
    frames = [frame.key for frame in measures.frames.frames]
    rows, skipped = [], list(labelled.skipped)
    for row in labelled.rows:
        if row.measure not in READERS:
            skipped.append((row.row, f"unknown measure {row.measure!r} (known: {KNOWN})"))
            continue
        label = normalised_label(row.measure, row.label, frames)
        if label is None:
            skipped.append((row.row, f"label {row.label!r} is not one {row.measure} gives"))
            continue
        rows.append(replace(row, label=label))
    return rows, sorted(skipped)


KNOWN = ", ".join(READERS)


def agreement_table(agreement: Agreement, name: str) -> str:
    """The figures as a plain-text table, one line per measure and label, then macro-F1."""
    lines = [
        f"Agreement with {agreement.rows:,} labelled sentences of {name}",
        f"{'measure':<14}{'label':<12}{'given':>7}{'said':>7}{'precision':>11}{'recall':>8}"
        f"{'F1':>7}",
    ]
    for measure in agreement.measures():
        for s in (s for s in agreement.scores if s.measure == measure):
            lines.append(
                f"{measure:<14}{s.label:<12}{s.support:>7}{s.said:>7}{s.precision:>11.2f}"
                f"{s.recall:>8.2f}{s.f1:>7.2f}"
            )
        lines.append(f"{measure:<14}{'macro-F1':<12}{'':>40}{agreement.macro_f1(measure):.2f}")
    return "\n".join(lines)


def disagreement_lines(agreement: Agreement, show: int) -> str:
    """The first `show` disagreements (-1: all), each with what the tool found."""
    found = agreement.disagreements
    listed = found if show < 0 else found[:show]
    if not found:
        return "No disagreement."
    lines = [f"Disagreements: {len(listed)} of {len(found)} shown (--show N for more)"]
    for d in listed:
        evidence = f" [{d.evidence}]" if d.evidence else ""
        lines.append(
            f"  row {d.row} {d.measure}: given {d.expected}, framing says {d.found}"
            f"{evidence}: {d.text}"
        )
    return "\n".join(lines)


def agreement_json(agreement: Agreement) -> str:
    """Every figure and every disagreement, for the team's own tools."""
    scores = [
        asdict(s)
        | {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
        for s in agreement.scores
    ]
    data = {
        "rows": agreement.rows,
        "macro_f1": {m: round(agreement.macro_f1(m), 4) for m in agreement.measures()},
        "scores": scores,
        "disagreements": [asdict(d) for d in agreement.disagreements],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
