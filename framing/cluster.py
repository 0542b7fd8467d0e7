"""The per-article analysis on a Dask cluster (the optional extra `framing[dask]`): beyond one
machine, or `local` for a cluster of worker processes started here.

Articles travel to the workers as data (each `Source` as read, pickled), not as paths, so the
workers need no shared disk; the run's settings are sent to every worker once. Outcomes come
back in input order, so the Briefing is the same bytes as with `--jobs 1`. A task that kills its
worker is retried on another by Dask; one that keeps killing workers is reported as failed, and
the rest of the corpus is still analysed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from framing.analyse.article import AnalysisSettings
from framing.errors import FramingError
from framing.models import Source
from framing.workers import CRASHED, Done, Failed, Outcome, analyse_one

INSTALL = "install the extra: pip install 'framing[dask]'"


def analyse_on_dask(
    sources: Sequence[Source], settings: AnalysisSettings, address: str, jobs: int, done: Done
) -> list[Outcome]:
    """Every article analysed on the scheduler at `address` ("local": `jobs` local workers)."""
    distributed = _distributed()
    with _client(distributed, address, jobs) as client:
        shared = client.scatter(settings, broadcast=True)
        futures = client.map(analyse_one, sources, settings=shared, pure=False)
        position = {future.key: index for index, future in enumerate(futures)}
        outcomes: list[Outcome | None] = [None] * len(sources)
        for future in distributed.as_completed(futures):
            index = position[future.key]
            outcomes[index] = _outcome(future, sources[index])
            done()
        return [outcome for outcome in outcomes if outcome is not None]


def _outcome(future: Any, source: Source) -> Outcome:
    """The task's analysis, or `Failed` when Dask gave up on it (its workers kept dying)."""
    if future.status == "finished":
        result: Outcome = future.result()
        return result
    return Failed(source.path, CRASHED)


def _client(distributed: Any, address: str, jobs: int) -> Any:
    """A client of the scheduler at `address`, or of a local cluster of `jobs` processes."""
    try:
        if address == "local":  # the client closes the cluster it starts
            return distributed.Client(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        return distributed.Client(address, timeout="10s")
    except OSError as error:
        raise FramingError(
            f"cannot reach the Dask scheduler: {error}",
            address,
            "start one with `dask scheduler` and give its tcp:// address, or use --dask local",
        ) from None


def _distributed() -> Any:
    """dask.distributed, imported only when asked for: the core install does without it."""
    try:
        import distributed
    except ImportError:
        raise FramingError("--dask needs dask.distributed", "--dask", INSTALL) from None
    return distributed
