"""Building the spaCy pipeline once per process, and turning Documents into Docs."""
from .nlp import load_nlp

__all__ = ["load_nlp"]
