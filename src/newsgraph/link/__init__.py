"""Batches -> links: contradictions and support between statements, relation series, shifts."""
from .within import link_document

__all__ = ["link_document"]
