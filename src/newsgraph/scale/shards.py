"""Cutting a document stream into shards and collecting shard results in input order."""
from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Callable, Iterable, Iterator, Protocol, Sequence, TypeVar

from ..model import Document

T = TypeVar("T")


class Future(Protocol[T]):  # concurrent.futures.Future and distributed.Future both fit
    def result(self) -> T: ...


def shards(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most `size` documents; reads the input lazily."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ordered_results(chunks: Iterable[Sequence[Document]], submit: Callable[[Sequence[Document]], Future[T]],
                    max_in_flight: int) -> Iterator[tuple[Sequence[Document], Future[T]]]:
    """Submit chunks with at most `max_in_flight` outstanding and yield them in input order.

    Bounding the queue keeps memory flat on inputs of any size; taking results in submission
    order is what makes every engine's output identical to a single-process run.
    """
    pending: deque[tuple[Sequence[Document], Future[T]]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= max_in_flight:
            yield pending.popleft()
    while pending:
        yield pending.popleft()
