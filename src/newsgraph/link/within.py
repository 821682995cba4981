"""Links between statements inside one document."""
from __future__ import annotations

from dataclasses import replace

from ..model import Batch


def link_document(batch: Batch) -> Batch:
    """Add the links found inside one article (first level: none yet)."""
    return replace(batch, links=())
