"""spaCy components, one file per concern, and collect(): Doc -> Batch.

Each component is registered as a spaCy factory with a versioned name
(``newsgraph_actors_v1``, ...; spaCy forbids dots in factory names) and writes plain model records onto the Doc's ``._`` space.
No spaCy object leaves this folder: collect() hands back model records only.
"""
from .components import COMPONENTS, add_components
from .collect import collect

__all__ = ["COMPONENTS", "add_components", "collect"]
