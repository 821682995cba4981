"""The catalogue of errors a user can see.

One base class; each message says what went wrong, where, and how to fix it. The CLI prints
``str(error)`` as one stderr line; the web API turns ``code`` and the message into its single
error shape.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    code = "newsgraph_error"

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(NewsgraphError):
    """An input file or record that cannot be read: empty, binary, malformed, too large."""

    code = "bad_input"


class UnsupportedInput(InputError):
    code = "unsupported_input"


class SkippedDocument(InputError):
    """A readable document that is deliberately not processed (e.g. not English)."""

    code = "skipped"


class StoreError(NewsgraphError):
    code = "store_error"


class NotFound(NewsgraphError):
    code = "not_found"


class UsageError(NewsgraphError):
    code = "bad_usage"


class ModelNotInstalled(NewsgraphError):
    code = "model_missing"


class ProcessingError(NewsgraphError):
    """A document that was read but could not be processed (a bug or a pathological text)."""

    code = "processing_failed"
