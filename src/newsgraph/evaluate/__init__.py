"""Scorers for the extractors against gold files (see docs/evaluation.md)."""
