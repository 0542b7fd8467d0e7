"""Reading folders, files and manifests; setting aside what cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS

from framing.errors import FramingError
from framing.ingest.corpus import load_corpus

ARTICLE = (SEEDS / "russia-sides-with-israels-mortal-enemies.txt").read_text()


def test_seeds_with_manifest() -> None:
    corpus = load_corpus([SEEDS])
    assert len(corpus.sources) == 5 and corpus.excluded == ()
    buzz = next(s for s in corpus.sources if s.id.startswith("the-buzz"))
    assert buzz.declared.outlet == "The Buzz"
    assert buzz.declared.date == "2023-10-31"
    assert buzz.declared.author == ""  # the saved page lost the author's name
    assert "author" in buzz.declared_keys
    assert buzz.provenance["outlet"] == "manifest" and buzz.encoding == "utf-8"


def test_seed_files_are_the_originals_byte_for_byte() -> None:
    assert sorted(p.stat().st_size for p in SEEDS.glob("*.txt")) == [4800, 6385, 7027, 10459, 12716]


def test_bad_files_are_set_aside(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("  \n\n\t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "windows.txt").write_bytes(ARTICLE.encode("cp1252"))
    corpus = load_corpus([tmp_path])
    assert [s.path for s in corpus.sources] == ["good.txt", "windows.txt"]
    assert corpus.sources[1].text == ARTICLE and corpus.sources[1].encoding == "cp1252"
    reasons = {e.path: e.reason for e in corpus.excluded}
    assert reasons["empty.txt"].startswith("file is empty")
    assert reasons["blank.md"].startswith("file is empty")
    assert reasons["image.txt"].startswith("binary file")


def test_huge_file_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_text(ARTICLE * 600)  # about 6 MB: a mis-saved dump
    [excluded] = load_corpus([tmp_path]).excluded
    assert "over the 5,000,000-byte limit" in excluded.reason and "split it" in excluded.reason


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
        ("[[article]]\noutlet = 'X'", "line 1: [[article]] without `file`"),
        (
            "# sources\n[[article]]\nfile = 'a.txt'\nleaning = 'left'",
            "line 4: unknown key `leaning`",
        ),
        ("[[article]]\nfile = 'a.txt'\n\ndate = 'Oct 31, 2023'", "line 4: date 'Oct 31, 2023'"),
    ],
)
def test_broken_manifest_is_excluded_and_the_articles_still_read(
    tmp_path: Path, manifest: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sources.toml").write_text(manifest)
    corpus = load_corpus([tmp_path])
    assert [s.path for s in corpus.sources] == ["a.txt"]
    [excluded] = corpus.excluded
    assert excluded.path.endswith("sources.toml")
    assert message in f"{excluded.path}, {excluded.reason}" or message in excluded.reason


def test_manifest_naming_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sources.toml").write_text("[[article]]\nfile = 'b.txt'\noutlet = 'X'\n")
    corpus = load_corpus([tmp_path])
    assert [(e.path, e.reason.split(" (")[0]) for e in corpus.excluded] == [
        ("b.txt", "named in the manifest but not found")
    ]


def test_each_story_folder_s_own_manifest_is_read(tmp_path: Path) -> None:
    """BASIL's layout: a corpus of event folders, each with a manifest.json of its articles."""
    for event, date in (("event_1", "2010-05-28"), ("event_2", "2011-02-01")):
        (tmp_path / event).mkdir()
        (tmp_path / event / "fox.txt").write_text(ARTICLE)
        entries = [{"file": "fox.txt", "outlet": "Fox News", "date": date}]
        entries.append({"file": "gone.txt", "outlet": "HuffPost"})
        (tmp_path / event / "manifest.json").write_text(json.dumps({"articles": entries}))
    corpus = load_corpus([tmp_path])
    assert [(s.declared.outlet, s.declared.date) for s in corpus.sources] == [
        ("Fox News", "2010-05-28"),
        ("Fox News", "2011-02-01"),
    ]
    assert [e.path for e in corpus.excluded] == ["event_1/gone.txt", "event_2/gone.txt"]


def test_outlet_from_sub_folder_unless_the_manifest_says_otherwise(tmp_path: Path) -> None:
    for outlet in ("Daily Planet", "Bugle"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(ARTICLE)
    (tmp_path / "sources.toml").write_text(
        "[[article]]\nfile = 'Bugle/story.txt'\noutlet = 'The Bugle'\n"
    )
    corpus = load_corpus([tmp_path])
    assert [(s.declared.outlet, s.provenance["outlet"]) for s in corpus.sources] == [
        ("The Bugle", "manifest"),
        ("Daily Planet", "folder name"),
    ]


def test_markdown_front_matter(tmp_path: Path) -> None:
    front = "---\ntitle: Russia Sides with Israel’s Mortal Enemies\nauthor: A. Writer\n"
    front += "date: 2023-11-01\n---\n"
    (tmp_path / "a.md").write_text(front + ARTICLE)
    [source] = load_corpus([tmp_path]).sources
    assert (source.declared.author, source.declared.date, source.format) == (
        "A. Writer",
        "2023-11-01",
        "markdown",
    )
    assert source.provenance["author"] == "front matter"
    assert source.text.startswith("\n" * 5)  # blanked, so line numbers still match the file


def test_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt", "c.md"):
        Path(name).write_text(ARTICLE)
    corpus = load_corpus([Path("*.txt")])
    assert [s.path for s in corpus.sources] == ["a.txt", "b.txt"]
    with pytest.raises(FramingError, match="no file matches"):
        load_corpus([Path("*.html")])


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(FramingError, match="no such file or folder"):
        load_corpus([tmp_path / "nope"])
    [excluded] = load_corpus([tmp_path]).excluded
    assert excluded.reason.startswith("folder holds no articles")


BASIL_STYLE = """{
  "event_id": "event_022",
  "articles": [
    {"file": "fox.txt", "outlet": "Fox News", "outlet_code": "fox", "title": "Ryan faces critics",
     "date": "2012-04-25", "url": "http://www.foxnews.com/x", "word_count": 456,
     "authors": ["Jane Doe", "John Roe"]},
    {"file": "nyt.txt", "outlet": "New York Times", "title": "", "date": "April 24, 2012"},
    {"outlet": "no file key: skipped"}
  ]
}"""


def test_a_datasets_manifest_json_names_the_outlets(tmp_path: Path) -> None:
    """BASIL and AllSides folders carry a manifest.json: its articles' outlet, title, date,
    url and authors are read; its own keys, empty values and non-ISO dates are not."""
    (tmp_path / "fox.txt").write_text(ARTICLE)
    (tmp_path / "nyt.txt").write_text(ARTICLE.replace("Russia", "Moscow"))
    (tmp_path / "manifest.json").write_text(BASIL_STYLE)
    corpus = load_corpus([tmp_path])
    assert corpus.excluded == ()
    fox, nyt = sorted(corpus.sources, key=lambda s: s.path)
    assert (fox.declared.outlet, fox.declared.date, fox.declared.author) == (
        "Fox News",
        "2012-04-25",
        "Jane Doe, John Roe",
    )
    assert fox.provenance["outlet"] == "manifest" and fox.declared.url == "http://www.foxnews.com/x"
    assert nyt.declared.outlet == "New York Times"
    assert "title" not in nyt.declared_keys and "date" not in nyt.declared_keys  # read from text


def test_sources_toml_wins_over_manifest_json(tmp_path: Path) -> None:
    (tmp_path / "fox.txt").write_text(ARTICLE)
    (tmp_path / "manifest.json").write_text(BASIL_STYLE)
    (tmp_path / "sources.toml").write_text('[[article]]\nfile = "fox.txt"\noutlet = "Fox"\n')
    assert load_corpus([tmp_path]).sources[0].declared.outlet == "Fox"


@pytest.mark.parametrize(
    ("text", "reason"), [("{not json", "broken manifest"), ('{"files": []}', "no `articles` list")]
)
def test_unusable_manifest_json_is_excluded_and_the_articles_still_read(
    tmp_path: Path, text: str, reason: str
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "manifest.json").write_text(text)
    corpus = load_corpus([tmp_path])
    assert len(corpus.sources) == 1
    assert [e.path for e in corpus.excluded] == [str(tmp_path / "manifest.json")]
    assert reason in corpus.excluded[0].reason
