"""The one error type the CLI turns into a one-line message instead of a traceback."""

from __future__ import annotations


class FramingError(Exception):
    """A user-facing failure: what went wrong, where, and how to fix it."""

    def __init__(self, what: str, where: str = "", fix: str = "") -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """`where: what (fix)` on one line, the shape every error of ours takes."""
        return f"{self.where}: {self.detail}" if self.where else self.detail

    @property
    def detail(self) -> str:
        """`what (fix)`, for lists that already say where."""
        return f"{self.what} ({self.fix})" if self.fix else self.what
