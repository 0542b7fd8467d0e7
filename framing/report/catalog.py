"""Report templates: where they are found, and what each one says about itself.

A template is named, or given as the path of its folder. Names are looked up through layers,
first match wins, the way MkDocs' `custom_dir` sits over a theme: `--template-dir DIR` (or
FRAMING_TEMPLATE_DIR), then `./report_templates/`, then the built-in ones. In a layer, a
template is a folder holding a `template.toml` (name, description, entry file, output formats,
page size) and its files, or a single `.html` / `.md` file.

A template is code, so none runs that the user did not choose: with no `--template`, the report
is the built-in briefing, or the `briefing` of a `--template-dir` the user gave; a folder that
happens to sit in the working directory (a cloned project, a downloaded corpus) never replaces it.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from framing.errors import FramingError

BUILTIN_DIR = Path(str(resources.files("framing.report").joinpath("templates")))
PROJECT_DIR = Path("report_templates")
"""The project's layer, relative to the working directory."""
DEFAULT = "briefing"
FORMATS = ("html", "pdf", "md")
MANIFEST = "template.toml"
STARTER = BUILTIN_DIR / "starter"
"""What `framing templates init` copies: a documented house style over the built-in briefing."""


@dataclass(frozen=True, slots=True)
class ReportTemplate:
    """A template the renderer can use: its entry file inside `folder` (the loader's root)."""

    name: str
    layer: str  # "--template-dir", "report_templates", "built-in" or "path"
    folder: Path
    entry: str
    description: str
    formats: tuple[str, ...]  # of FORMATS, in that order
    page_size: str = ""  # "A4", "letter", … ("" = the template's own CSS decides)
    orientation: str = ""  # "portrait" or "landscape"

    @property
    def path(self) -> Path:
        return self.folder / self.entry

    @property
    def page_css(self) -> str:
        """A default `@page` size from template.toml; the template's own CSS overrides it."""
        size = " ".join(part for part in (self.page_size, self.orientation) if part)
        return f"@page {{ size: {size}; }}" if size else ""


BUILTIN = ReportTemplate(
    DEFAULT,
    "built-in",
    BUILTIN_DIR,
    "briefing.html",
    "The full briefing: findings, coverage, labels, profiles, topics side by side, claims, method",
    ("html", "pdf"),
)


def layers(template_dir: Path | None) -> list[tuple[str, Path]]:
    """The folders searched for templates by name, first match wins."""
    found = [("--template-dir", template_dir)] if template_dir else []
    return [*found, ("report_templates", PROJECT_DIR)]


def available(
    template_dir: Path | None, only: Sequence[str] = ("--template-dir", "report_templates")
) -> list[ReportTemplate]:
    """Every template a name can reach, in lookup order, in the layers named in `only`; a
    name hidden by an earlier layer is listed too, after the one that wins."""
    templates = []
    for layer, folder in layers(template_dir):
        if layer in only and folder.is_dir():
            templates += [
                _from_path(path, layer) for path in sorted(folder.iterdir()) if _is_template(path)
            ]
    return [*templates, BUILTIN]


def find_template(spec: str | None, template_dir: Path | None) -> ReportTemplate:
    """The template `spec` names, or the one in the folder at path `spec`; without `spec`,
    the default: a `briefing` in `template_dir`, else the built-in briefing."""
    if spec is None:  # read nothing in ./report_templates/: a broken folder there is not ours
        chosen = available(template_dir, only=["--template-dir"])
        return next((t for t in chosen if _answers_to(t, DEFAULT)), BUILTIN)
    if _is_path(spec):
        return _from_folder(spec)
    for template in available(template_dir):
        if _answers_to(template, spec):
            return template
    names = ", ".join(dict.fromkeys(t.name for t in available(template_dir)))
    raise FramingError(f"no template named {spec!r} (have: {names})", "--template", _LIST_HINT)


_LIST_HINT = "see `framing templates list`, or give the path of a template folder"


def _answers_to(template: ReportTemplate, name: str) -> bool:
    """A template answers to its name and, outside the built-ins, to its folder's name."""
    return name in (template.name, template.folder.name if template.layer != "built-in" else "")


def _is_path(spec: str) -> bool:
    """A spec with a path separator, or "." / "..", is a folder; anything else is a name
    (so a folder that happens to be in the working directory never answers to a name)."""
    return "/" in spec or os.sep in spec or spec in (".", "..")


def _from_folder(spec: str) -> ReportTemplate:
    """The template in the folder at `spec`; a file is refused, whatever it holds."""
    folder = Path(spec)
    if not folder.is_dir():
        what = "a file" if folder.exists() else "no such folder"
        raise FramingError(
            f"{what}: --template takes a template name or a template folder",
            spec,
            "give the folder holding its template.toml, or put a single .html/.md file in a "
            "folder and pass --template-dir FOLDER --template NAME",
        )
    return _from_path(folder, "path")


def _is_template(path: Path) -> bool:
    return (path.is_dir() and (path / MANIFEST).is_file()) or (
        path.is_file()
        and path.suffix in (".html", ".md")
        and not path.name.startswith("_")
        and path.stem.upper() != "README"  # the layer's own documentation
    )


def _from_path(path: Path, layer: str) -> ReportTemplate:
    """A template folder (with its template.toml) or a single template file."""
    if path.is_file():
        formats = ("md",) if path.suffix == ".md" else ("html", "pdf")
        return ReportTemplate(path.stem, layer, path.parent, path.name, "", formats)
    manifest = path / MANIFEST
    if not manifest.is_file():
        raise FramingError(
            f"no {MANIFEST} in the template folder", str(path), "run framing templates init NAME"
        )
    return _manifest(path, layer, _read_toml(manifest))


def _read_toml(manifest: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise FramingError(f"unreadable: {error}", str(manifest), "fix the TOML") from None


def _manifest(folder: Path, layer: str, data: dict[str, Any]) -> ReportTemplate:
    """The template a template.toml describes, each field checked."""
    where = str(folder / MANIFEST)
    entry = _string(data, "entry", where)
    if not (folder / entry).is_file():
        raise FramingError(f"entry {entry!r} is not a file in the folder", where, "fix `entry`")
    formats = data.get("formats", ["md"] if entry.endswith(".md") else ["html", "pdf"])
    if not isinstance(formats, list) or not formats or not set(formats) <= set(FORMATS):
        raise FramingError(
            f"formats must be a list of {', '.join(FORMATS)}", where, "fix `formats`"
        )
    if "md" in formats and len(formats) > 1:
        raise FramingError(
            "a template writes Markdown or HTML/PDF, not both", where, "fix `formats`"
        )
    orientation = str(data.get("orientation", ""))
    if orientation not in ("", "portrait", "landscape"):
        raise FramingError("orientation must be portrait or landscape", where, "fix it")
    return ReportTemplate(
        name=str(data.get("name", folder.name)),
        layer=layer,
        folder=folder,
        entry=entry,
        description=str(data.get("description", "")),
        formats=tuple(f for f in FORMATS if f in formats),
        page_size=str(data.get("page_size", "")),
        orientation=orientation,
    )


def _string(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise FramingError(f"`{key}` must be a non-empty string", where, f'add {key} = "…"')
    return value


def init_template(name: str, source: ReportTemplate, root: Path = PROJECT_DIR) -> Path:
    """Copy a starter into `root/name`: the built-in briefing's documented house-style
    starter, or the folder (or file) of another template. Returns the new folder."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise FramingError(
            f"{name!r} is not a template name", "NAME", "use lower-case letters, digits, - and _"
        )
    target = root / name
    if target.exists():
        raise FramingError("already exists", str(target), "choose another name or delete it")
    if source.layer == "built-in":
        shutil.copytree(STARTER, target)
        manifest = target / MANIFEST
        manifest.write_text(
            manifest.read_text(encoding="utf-8").replace('"NAME"', f'"{name}"'), encoding="utf-8"
        )
    elif (source.folder / MANIFEST).is_file():
        shutil.copytree(source.folder, target)
    else:  # a single-file template: the file, and a template.toml that describes it
        target.mkdir(parents=True)
        shutil.copy2(source.path, target / source.entry)
        formats = ", ".join(f'"{f}"' for f in source.formats)
        (target / MANIFEST).write_text(
            f'name = "{name}"\ndescription = ""\nentry = "{source.entry}"\nformats = [{formats}]\n',
            encoding="utf-8",
        )
    return target
