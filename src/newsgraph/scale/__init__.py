"""Running the per-document function over many documents: in-process, a local process pool,
or Dask. Every runner yields Batches in input order, so results do not depend on the engine.
Shard files (`newsgraph batch` / `load`) carry results from cluster jobs into a store."""
from .runner import ENGINES, map_documents
from .shardfiles import load_shards, read_shards, write_shards

__all__ = ["ENGINES", "load_shards", "map_documents", "read_shards", "write_shards"]
