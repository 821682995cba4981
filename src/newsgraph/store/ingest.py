"""ingest(): documents -> pipeline -> store, committed in batches, skipping unchanged documents.

Each batch of documents is written in one transaction, so a run that is killed leaves every
committed batch intact and nothing half-written; running it again skips what is already
stored with the same text and completes the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ..errors import NewsgraphError
from ..model import Batch, Document
from .store import Store


@dataclass
class IngestSummary:
    read: int = 0  # documents read from the inputs
    written: int = 0  # documents processed and committed
    unchanged: int = 0  # documents already stored with the same text, not processed again
    failed: int = 0  # inputs or documents reported to on_error
    stats: dict[str, int] = field(default_factory=dict)  # store counts at the end

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "written": self.written, "unchanged": self.unchanged,
                "failed": self.failed, "store": self.stats}


def _chunks(batches: Iterable[Batch], size: int) -> Iterator[list[Batch]]:
    chunk: list[Batch] = []
    for batch in batches:
        chunk.append(batch)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(store: Store, documents: Iterable[Document], *, workers: int = 1, batch_size: int = 32,
           engine: str = "local", scheduler: str | None = None, model: str | None = None,
           aliases: Any = None, force: bool = False,
           on_error: Callable[[NewsgraphError], None] | None = None,
           on_unchanged: Callable[[Document], None] | None = None,
           on_committed: Callable[[list[Batch]], None] | None = None) -> IngestSummary:
    """Process `documents` and write them into `store`, one transaction per `batch_size` documents.

    A document whose id is stored with the same text is skipped (``on_unchanged``) unless
    `force`. Processing failures go to `on_error` and the run goes on. ``on_committed``
    receives each committed chunk (for progress bars).
    """
    from ..scale import map_documents

    summary = IngestSummary()

    def to_process() -> Iterator[Document]:
        for document in documents:
            summary.read += 1
            if not force and store.has_document(document.id, document.text_sha256):
                summary.unchanged += 1
                if on_unchanged:
                    on_unchanged(document)
                continue
            yield document

    def count_error(error: NewsgraphError) -> None:
        summary.failed += 1
        if on_error is None:
            raise error
        on_error(error)

    batches = map_documents(to_process(), workers=workers, engine=engine, scheduler=scheduler,
                            batch_size=batch_size, model=model, aliases=aliases, on_error=count_error)
    for chunk in _chunks(batches, batch_size):
        summary.written += store.write_batches(chunk)
        if on_committed:
            on_committed(chunk)
    summary.stats = store.stats()
    return summary
