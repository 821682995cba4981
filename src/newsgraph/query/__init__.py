"""Read-only queries over a Store, returning plain dicts (shared by CLI, web API and exports).

Filters that name an actor accept its id, name or any alias, case-insensitively, and see
actors as merge/split judgements left them. Feature owners add their own modules here
(e.g. query/links.py) and re-export them below.
"""
from .actors import actor, actors
from .documents import document, documents
from .events import events
from .statements import statements
from .stats import stats

__all__ = ["actor", "actors", "document", "documents", "events", "statements", "stats"]
