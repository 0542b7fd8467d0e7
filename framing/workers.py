"""The per-article work, cleaning and analysis, mapped over a corpus: in this process, in a pool of
worker processes, or on a Dask cluster (`framing.cluster`). Whichever runs it, the outcomes come
back in input order and are the same, since `analyse_article` reads nothing but its arguments.

An article whose analysis raises, or kills the process running it, becomes a `Failed` outcome
with its reason: the rest of the corpus is still analysed. At most two articles per worker are
in flight, so when a worker dies only those few are suspects; each is then run alone, and the
one that kills its worker again is the one reported.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from framing.analyse.article import AnalysisSettings, analyse_article
from framing.ingest.clean import clean
from framing.ingest.documents import long_enough
from framing.models import ArticleAnalysis, Document, Source

Done = Callable[[], None]
"""Called once per article finished, for the progress bar."""
IN_FLIGHT_PER_WORKER = 2
CRASHED = (
    "its analysis stopped the worker process (out of memory, or a fault in a library); "
    "the rest of the corpus was analysed"
)


@dataclass(frozen=True)
class Prepared:
    """A source cleaned, and analysed when it holds enough text to be an article (whether it
    is a repeat of another is for the corpus to say)."""

    document: Document
    analysis: ArticleAnalysis | None


@dataclass(frozen=True)
class Failed:
    """An article that could not be analysed, and why (listed with the skipped inputs)."""

    path: str
    reason: str


Outcome = Prepared | Failed


def analyse_one(source: Source, settings: AnalysisSettings) -> Outcome:
    """One source cleaned and analysed, or why it failed: an error in one ends no run."""
    try:
        document = clean(source)
        article = long_enough(document)
        return Prepared(document, analyse_article(source, document, settings) if article else None)
    except Exception as error:  # any bug on any text: report it, analyse the rest
        return Failed(source.path, f"the analysis failed: {type(error).__name__}: {error}")


def analyse_in_process(
    sources: Sequence[Source], settings: AnalysisSettings, done: Done
) -> list[Outcome]:
    """Each article in turn, here (`--jobs 1`)."""
    outcomes = []
    for source in sources:
        outcomes.append(analyse_one(source, settings))
        done()
    return outcomes


def analyse_in_pool(
    sources: Sequence[Source], settings: AnalysisSettings, jobs: int, done: Done
) -> list[Outcome]:
    """Every article across `jobs` worker processes, outcomes in input order."""
    outcomes: dict[int, Outcome] = {}
    queue = deque(range(len(sources)))
    while queue:
        for index in _pool_round(sources, queue, settings, jobs, outcomes, done):
            outcomes[index] = _alone(sources[index], settings)
            done()
    return [outcomes[index] for index in range(len(sources))]


def _pool_round(
    sources: Sequence[Source],
    queue: deque[int],
    settings: AnalysisSettings,
    jobs: int,
    outcomes: dict[int, Outcome],
    done: Done,
) -> list[int]:
    """Run `queue`'s articles in one pool until it is empty or a worker dies; the articles in
    flight when it died (the suspects), or none."""
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        running: dict[Future[Outcome], int] = {}
        try:
            while queue or running:
                while queue and len(running) < jobs * IN_FLIGHT_PER_WORKER:
                    index = queue.popleft()
                    running[pool.submit(_analyse_here, sources[index])] = index
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = running.pop(future)
                    try:
                        outcomes[index] = future.result()
                    except BrokenProcessPool:
                        return sorted([index, *running.values()])
                    done()
        except KeyboardInterrupt:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return []


def _alone(source: Source, settings: AnalysisSettings) -> Outcome:
    """A suspect article run in a pool of its own: its outcome, or `Failed` if it kills it."""
    with ProcessPoolExecutor(1, initializer=_start_worker, initargs=(settings,)) as pool:
        try:
            return pool.submit(_analyse_here, source).result()
        except BrokenProcessPool:
            return Failed(source.path, CRASHED)


_worker_settings: AnalysisSettings | None = None
"""The run's settings in a worker process, given once when it starts rather than per article."""


def _start_worker(settings: AnalysisSettings) -> None:
    """A worker keeps the run's settings and leaves Ctrl-C to the main process, which stops
    the pool (otherwise every worker would print its own traceback)."""
    global _worker_settings
    _worker_settings = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyse_here(source: Source) -> Outcome:
    assert _worker_settings is not None, "a worker is started with the run's settings"
    return analyse_one(source, _worker_settings)
