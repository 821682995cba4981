"""Batches -> links: contradictions and support between statements, relation series, shifts.

- link_document(batch): links inside one article (the pipeline calls it for every document);
- link_store(store): links across the stored articles (ingest calls it after writing);
- StanceModel / predict: stance of a text towards a claim;
- series / detect_shifts: a pair's relation per period and the shifts in it.
"""
from .across import link_store
from .relations import series
from .shifts import detect_shifts
from .stance import StanceModel, predict
from .within import link_document

__all__ = ["StanceModel", "detect_shifts", "link_document", "link_store", "predict", "series"]
