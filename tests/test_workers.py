"""The analysis in worker processes and on a Dask cluster: the same Briefing bytes as in one
process, an article that fails or kills its worker reported as skipped while the rest is
analysed, and Ctrl-C ending the run at once with no process left and nothing written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, SEEDS

from framing import workers
from framing.analyse.topics import default_topics
from framing.models import ArticleAnalysis, Document, Source
from framing.pipeline import Execution, build_briefing
from framing.serialise import to_json

CORPUS = [SEEDS, DATA / "claims"]
VICTIM = "jfeed"
"""The seed article the failure tests break (its id starts so)."""


@pytest.fixture(scope="module")
def in_process() -> str:
    return to_json(build_briefing(CORPUS, default_topics(), execution=Execution(jobs=1)))


def test_two_workers_give_the_same_bytes_as_one_process(in_process: str) -> None:
    pooled = build_briefing(CORPUS, default_topics(), execution=Execution(jobs=2))
    assert to_json(pooled) == in_process


def _breaking(how: str) -> Any:
    """`analyse_article` that fails on the victim: raising, or killing its process."""
    real = workers.analyse_article

    def analyse(source: Source, document: Document, settings: Any) -> ArticleAnalysis:
        if source.id.startswith(VICTIM):
            if how == "kill":
                os._exit(1)
            raise ValueError("unreadable table")
        return real(source, document, settings)

    return analyse


@pytest.mark.parametrize(("how", "jobs"), [("raise", 1), ("raise", 2), ("kill", 2)])
def test_an_article_that_breaks_is_skipped_and_the_rest_analysed(
    how: str, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker processes are forked, so they see the patched function too."""
    monkeypatch.setattr(workers, "analyse_article", _breaking(how))
    briefing = build_briefing(CORPUS, default_topics(), execution=Execution(jobs=jobs))
    assert len(briefing.articles) == 8 and not any(
        a.id.startswith(VICTIM) for a in briefing.articles
    )
    (skipped,) = briefing.excluded
    assert skipped.path.startswith("jfeed")
    expected = "stopped the worker process" if how == "kill" else "ValueError: unreadable table"
    assert expected in skipped.reason


def test_dask_local_cluster_gives_the_same_bytes(in_process: str) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    on_dask = build_briefing(CORPUS, default_topics(), execution=Execution(jobs=2, dask="local"))
    assert to_json(on_dask) == in_process


def test_dask_without_a_scheduler_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    result = _framing(
        "analyze", str(SEEDS), "--dask", "tcp://127.0.0.1:9", "-o", str(tmp_path / "b.json")
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1].startswith("Error: tcp://127.0.0.1:9: cannot reach")
    )
    assert "Traceback" not in result.stderr and not (tmp_path / "b.json").exists()


def test_ctrl_c_stops_at_once_leaving_no_process_and_no_file(tmp_path: Path) -> None:
    output = tmp_path / "interrupted.json"
    command = [sys.executable, "-m", "framing", "analyze", str(SEEDS), str(DATA), "-j", "2"]
    process = subprocess.Popen(
        [*command, "--no-cache", "-o", str(output)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=_interruptible,
    )
    deadline = time.monotonic() + 120
    while not _children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)  # until the workers run
    assert _children(process.pid), "the analysis started its workers"
    time.sleep(1)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the whole group, workers included
    _, stderr = process.communicate(timeout=30)
    assert process.returncode != 0
    assert "Traceback" not in stderr
    assert not output.exists() and not list(tmp_path.iterdir())
    time.sleep(0.5)
    assert not _processes_naming(str(output))


def _interruptible() -> None:
    """Ctrl-C as on a terminal: a job started in the background (CI's) inherits SIGINT
    ignored, and Python then installs no KeyboardInterrupt handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    """The processes `pid` started (its workers)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.parent.name))
    return found


def _processes_naming(marker: str) -> list[str]:
    """Processes whose command line holds `marker` (a worker shares its parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and marker in line:
            found.append(line)
    return found


def _framing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "framing", *args], capture_output=True, text=True, timeout=120
    )
