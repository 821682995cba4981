"""process(document) -> Batch: the pure per-document function every runner maps.

read -> parse -> extract -> resolve -> link. The spaCy pipeline is built once per process
(see parse.load_nlp); a Pipeline object holds it with the user's aliases, and is cheap to
re-create inside a worker process.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Iterator

from .errors import ProcessingError
from .extract import add_components, collect
from .link import link_document
from .model import Batch, Document
from .parse import load_nlp
from .resolve import Resolver


class Pipeline:
    def __init__(self, model: str | None = None, aliases: dict | None = None):
        self.nlp = add_components(load_nlp(model))
        self.resolver = Resolver(aliases)

    def _finish(self, doc, document: Document) -> Batch:
        return link_document(self.resolver(collect(doc, document)))

    def _make_doc(self, document: Document):
        # Components read the Document (publication date, id) from the Doc itself.
        doc = self.nlp.make_doc(document.text)
        doc._.ng_document = document
        return doc

    def process(self, document: Document) -> Batch:
        return self._finish(self.nlp(self._make_doc(document)), document)

    def process_many(self, documents: Iterable[Document], batch_size: int = 32,
                     on_error: Callable[[ProcessingError], None] | None = None) -> Iterator[Batch]:
        """Batches in input order; spaCy parses the texts in batches (faster than one by one).

        A document whose processing raises is reported to on_error (or raises when on_error is
        None) and skipped, so one pathological article does not end a long run.
        """
        def report(document: Document, exc: Exception) -> None:
            error = ProcessingError(f"processing failed: {type(exc).__name__}: {exc}",
                                    where=document.origin or document.id)
            if on_error is None:
                raise error from exc
            on_error(error)

        def spacy_error(name, proc, docs, exc):  # called by spaCy; the docs are dropped
            for doc in docs:
                report(doc._.ng_document, exc)

        for _name, proc in self.nlp.pipeline:
            try:
                proc.set_error_handler(spacy_error)
            except AttributeError:  # spaCy's Cython parser/NER lack the slot; their errors raise
                pass
        docs = (self._make_doc(d) for d in documents)
        for doc in self.nlp.pipe(docs, batch_size=batch_size):
            try:
                yield self._finish(doc, doc._.ng_document)
            except Exception as exc:  # noqa: BLE001 - reported, the run goes on
                report(doc._.ng_document, exc)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def process(document: Document) -> Batch:
    """Extract everything from one document with the process-wide default pipeline."""
    return default_pipeline().process(document)
