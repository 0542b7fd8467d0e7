"""Time `framing brief` stages on a corpus against their dependencies alone, in one run.

Prints JSON: seconds for analysis vs textstat alone on the same cleaned text, for the framing
measures vs VADER alone on the same sentences, for our HTML+PDF render vs WeasyPrint alone on
the same HTML, and peak memory. Usage:

    python benchmarks/pipeline.py [CORPUS_DIR ...]    (default: seeds/)
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def timed(function: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """Best of `repeat` wall-clock runs: the least disturbed by the rest of the machine.

    textstat memoises its functions on the text, so its caches are emptied before each run:
    otherwise the second run of anything would time dictionary lookups.
    """
    best, result = float("inf"), None
    for _ in range(repeat):
        _clear_textstat_caches()
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def _clear_textstat_caches() -> None:
    """textstat 0.7.8 wraps each backend function in functools.lru_cache: empty the ones keyed
    on text, keeping its loaded dictionaries (get_cmudict, get_pyphen) as a long run would."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for value in vars(module).values():
                loads_a_resource = getattr(value, "__name__", "").startswith("get_")
                if callable(getattr(value, "cache_clear", None)) and not loads_a_resource:
                    value.cache_clear()


def _textstat_alone(textstat: Any, text: str) -> list[float]:
    """The scores framing reports, straight from textstat."""
    return [
        textstat.flesch_reading_ease(text),
        textstat.flesch_kincaid_grade(text),
        textstat.gunning_fog(text),
        textstat.smog_index(text),
        textstat.coleman_liau_index(text),
        textstat.automated_readability_index(text),
        textstat.dale_chall_readability_score(text),
        textstat.lexicon_count(text),
    ]


def _measures_vs_vader(briefing: Any) -> tuple[float, float]:
    """All framing measures on every article's sentences, against VADER alone scoring the
    same sentences (the one dependency the measures call per sentence)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.analyse.measure import Measures
    from framing.lexicon import load_lexicons, tokenized

    measures, vader = Measures(load_lexicons()), SentimentIntensityAnalyzer()
    texts = [tokenized((s.id, s.text, s.heading) for s in a.sentences) for a in briefing.articles]
    measures_s, _ = timed(lambda: [measures.measure(t, "") for t in texts])
    vader_s, _ = timed(lambda: [vader.polarity_scores(s.text) for t in texts for s in t])
    return measures_s, vader_s


def main(paths: list[Path]) -> dict[str, Any]:
    import textstat
    from weasyprint import HTML

    from framing.analyse.topics import default_topics
    from framing.pipeline import build_briefing
    from framing.report.render import render_html, render_pdf
    from framing.serialise import to_json

    topics = default_topics()
    analyse_s, briefing = timed(lambda: build_briefing(paths, topics))
    bodies = [a.body for a in briefing.articles]
    textstat_s, _ = timed(
        lambda: [
            (
                textstat.flesch_reading_ease(b),
                textstat.smog_index(b),
                textstat.gunning_fog(b),
                textstat.dale_chall_readability_score(b),
            )
            for b in bodies
        ]
    )
    measures_s, vader_s = _measures_vs_vader(briefing)
    data = json.loads(to_json(briefing))
    html_s, html = timed(lambda: render_html(data))
    pdf_s, pdf = timed(lambda: render_pdf(html), repeat=1)
    weasy_s, _ = timed(lambda: HTML(string=html).write_pdf(), repeat=1)
    tracemalloc.start()
    build_briefing(paths, topics)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    words = sum(a.word_count for a in briefing.articles)
    return {
        "articles": len(briefing.articles),
        "words": words,
        "analyse_seconds": round(analyse_s, 3),
        "textstat_alone_seconds": round(textstat_s, 3),
        "analyse_vs_textstat": round(analyse_s / textstat_s, 1),
        "words_per_second": round(words / analyse_s),
        "measures_seconds": round(measures_s, 3),
        "vader_alone_seconds": round(vader_s, 3),
        "measures_vs_vader": round(measures_s / vader_s, 1),
        "html_seconds": round(html_s, 3),
        "pdf_seconds": round(pdf_s, 3),
        "weasyprint_alone_seconds": round(weasy_s, 3),
        "pdf_vs_weasyprint": round(pdf_s / weasy_s, 2),
        "pdf_bytes": len(pdf),
        "analyse_peak_mib": round(peak / 2**20, 1),
    }


if __name__ == "__main__":
    corpus = [Path(p) for p in sys.argv[1:]] or [Path(__file__).resolve().parent.parent / "seeds"]
    print(json.dumps(main(corpus), indent=2))
