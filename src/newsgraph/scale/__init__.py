"""Running the per-document function over many documents: in-process, a local process pool,
or Dask. Every runner yields Batches in input order, so results do not depend on the engine."""
from .runner import map_documents

__all__ = ["map_documents"]
