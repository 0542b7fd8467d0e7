"""Word-level diffs of two sentences that report one claim, framing words flagged."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Literal

from framing.analyse.words import lemma
from framing.compare.claim_sentences import AlignSentence
from framing.compare.claim_settings import Settings, default_settings
from framing.lexicon import Token, tokenize
from framing.shared_claims import Segment

Op = Literal["equal", "changed", "only_a", "only_b"]


def word_diff(
    a: AlignSentence, b: AlignSentence, settings: Settings | None = None
) -> tuple[Segment, ...]:
    """Word-level diff of two sentences as segments whose texts rebuild both sentences."""
    settings = settings or default_settings()
    tokens_a, tokens_b = tokenize(a.text), tokenize(b.text)
    matcher = SequenceMatcher(
        None, [t.lower for t in tokens_a], [t.lower for t in tokens_b], autojunk=False
    )
    codes = matcher.get_opcodes()
    cuts_a = _cuts(tokens_a, len(a.text), [(i1, i2) for _, i1, i2, _, _ in codes])
    cuts_b = _cuts(tokens_b, len(b.text), [(j1, j2) for _, _, _, j1, j2 in codes])
    segments = []
    for (tag, i1, i2, j1, j2), (sa, ea), (sb, eb) in zip(codes, cuts_a, cuts_b, strict=True):
        op: Op = {"equal": "equal", "replace": "changed", "delete": "only_a"}.get(tag, "only_b")  # type: ignore[assignment]
        framing = op != "equal" and (
            _framing(tokens_a[i1:i2], a.framing_spans, settings)
            or _framing(tokens_b[j1:j2], b.framing_spans, settings)
        )
        if not framing:
            segments.append(Segment(op, a.text[sa:ea], b.text[sb:eb], False))
            continue
        # A stretch holding framing words is cut so that only those words are flagged: its
        # A side first, then its B side, each in runs of framing and other words.
        for text, flagged in _framing_runs(
            tokens_a[i1:i2], a.text, sa, ea, a.framing_spans, settings
        ):
            segments.append(Segment("only_a", text, "", flagged))
        for text, flagged in _framing_runs(
            tokens_b[j1:j2], b.text, sb, eb, b.framing_spans, settings
        ):
            segments.append(Segment("only_b", "", text, flagged))
    return tuple(segments)


def _framing_runs(
    tokens: Sequence[Token],
    text: str,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    settings: Settings,
) -> list[tuple[str, bool]]:
    """`text[start:end]` (the stretch of `tokens`) cut where framing words begin and end."""
    if not tokens:
        return [(text[start:end], False)] if end > start else []
    runs: list[tuple[int, bool]] = []  # (where a run starts, whether it is framing)
    for n, token in enumerate(tokens):
        flagged = _framing([token], spans, settings)
        if not runs or runs[-1][1] != flagged:
            runs.append((start if n == 0 else token.start, flagged))
    bounds = [at for at, _ in runs[1:]] + [end]
    return [(text[at:stop], flagged) for (at, flagged), stop in zip(runs, bounds, strict=True)]


def _cuts(
    tokens: Sequence[Token], length: int, ranges: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character spans for consecutive token ranges: each runs from its first token to the
    next range's first token, the first from 0 and the last to the end, so nothing is lost."""
    starts = [tokens[i].start if i < len(tokens) else length for i, _ in ranges]
    spans = []
    for n, (i, j) in enumerate(ranges):
        if i == j:
            spans.append((starts[n], starts[n]))
            continue
        begin = 0 if i == 0 else tokens[i].start
        end = length if j == len(tokens) else tokens[j].start
        spans.append((begin, end))
    return spans


def _framing(tokens: Sequence[Token], spans: Sequence[tuple[int, int]], settings: Settings) -> bool:
    for token in tokens:
        if lemma(token.lower) in settings.framing_words or token.lower in settings.framing_words:
            return True
        if any(start < token.end and token.start < end for start, end in spans):
            return True
    return False
