"""Reading folders, files and manifests; setting aside what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

from framing.errors import FramingError
from framing.ingest import load_corpus

ARTICLE = (SEEDS / "russia-sides-with-israels-mortal-enemies.txt").read_text()


def test_seeds_with_manifest() -> None:
    corpus = load_corpus([SEEDS])
    assert len(corpus.sources) == 5 and corpus.excluded == ()
    buzz = next(s for s in corpus.sources if s.id.startswith("the-buzz"))
    assert buzz.declared.outlet == "The Buzz"
    assert buzz.declared.date == "2023-10-31"
    assert buzz.declared.author == ""  # the saved page lost the author's name
    assert "author" in buzz.declared_keys


def test_seed_files_are_the_originals_byte_for_byte() -> None:
    assert sorted(p.stat().st_size for p in SEEDS.glob("*.txt")) == [4800, 6385, 7027, 10459, 12716]


def test_bad_files_are_set_aside(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("  \n\n\t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait in Moscow.".encode("latin-1"))
    corpus = load_corpus([tmp_path])
    assert [s.path for s in corpus.sources] == ["good.txt"]
    reasons = {e.path: e.reason for e in corpus.excluded}
    assert reasons["empty.txt"].startswith("file is empty")
    assert reasons["blank.md"].startswith("file is empty")
    assert reasons["image.txt"].startswith("binary file")
    assert "not valid UTF-8" in reasons["latin1.txt"] and "re-save" in reasons["latin1.txt"]


def test_nested_folders_and_single_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.md").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE)
    corpus = load_corpus([tmp_path / "a", tmp_path / "two.txt"])
    assert [(s.id, s.path) for s in corpus.sources] == [("b-one", "b/one.md"), ("two", "two.txt")]


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("[[article]\nfile = 'x'", "broken manifest"),
        ("[[article]]\noutlet = 'X'", "missing `file`"),
        ("[[article]]\nfile = 'a.txt'\nleaning = 'left'", "unknown key `leaning`"),
        ("[[article]]\nfile = 'a.txt'\ndate = 'Oct 31, 2023'", "is not YYYY-MM-DD"),
    ],
)
def test_broken_manifest_is_reported(tmp_path: Path, manifest: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sources.toml").write_text(manifest)
    with pytest.raises(FramingError, match=message) as error:
        load_corpus([tmp_path])
    assert "sources.toml" in error.value.message


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(FramingError, match="no such file or folder"):
        load_corpus([tmp_path / "nope"])
    with pytest.raises(FramingError, match=r"no \.txt or \.md"):
        load_corpus([tmp_path])
