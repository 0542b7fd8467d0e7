"""Writing the outputs: every file of a run staged beside its target, then renamed into place,
so a failure never leaves a half-written file or a mix of new and old outputs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from framing.errors import FramingError


def write_atomically(outputs: dict[Path, bytes]) -> None:
    """Write every file to a temporary sibling first, then rename them all into place.

    A failure while writing leaves no half file and no mix of new and old outputs.
    """
    staged: dict[Path, Path] = {}
    try:
        for path, content in outputs.items():
            staged[path] = _stage(path, content)
        for path, temporary in staged.items():
            os.replace(temporary, path)
    except OSError as error:
        raise FramingError(
            f"cannot write: {error.strerror or error}",
            str(error.filename or next(iter(outputs))),
            "choose another output path, or check it is a writable folder",
        ) from None
    finally:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)


def _stage(path: Path, content: bytes) -> Path:
    """`content` in a temporary file beside `path`, with the usual permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.chmod(name, 0o666 & ~_umask())
    return Path(name)


def _umask() -> int:
    """The process umask (readable only by setting it), so outputs get the usual modes."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
