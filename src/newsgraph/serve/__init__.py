"""The web UI and JSON API: `create_app(store)` for tests and embedding, `run_server(db)`."""
from .app import create_app, open_readonly, run_server
from .limits import Limits

__all__ = ["Limits", "create_app", "open_readonly", "run_server"]
