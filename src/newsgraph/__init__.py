"""newsgraph: read news and rebuild the system it describes, with provenance.

Public API::

    from newsgraph import Pipeline, process, read_paths, open_store
"""
from .errors import InputError, NewsgraphError, StoreError
from .model import (Actor, Batch, Document, Event, Link, Mention, RelationPoint, Role, Shift,
                    Statement, batch_from_dict, batch_to_dict)
from .pipeline import Pipeline, process
from .read import ReadOptions, read_path, read_paths
from .store import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor", "Batch", "Document", "Event", "InputError", "Link", "Mention", "NewsgraphError",
    "Pipeline", "RelationPoint", "Role", "Shift", "Statement", "StoreError", "__version__",
    "ReadOptions", "batch_from_dict", "batch_to_dict", "open_store", "process", "read_path",
    "read_paths",
]
