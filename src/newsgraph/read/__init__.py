"""Reading news: files, directories, feeds, archives and stdin to ``Document`` records.

    from newsgraph.read import ReadOptions, read_paths
    for document in read_paths(["examples/"], on_error=print):
        ...

Formats: .txt, .html/.htm, .jsonl, .csv/.tsv, RSS/Atom (.xml/.rss/.atom), WARC
(.warc/.warc.gz), directories (recursive) and ``-`` for stdin. See docs/reading.md.
"""
from ..errors import InputError, SkippedDocument
from .dates import iso_date
from .dispatch import ErrorHandler, format_of, read_path, read_paths
from .language import looks_english
from .options import RECORD_FIELDS, ReadOptions, parse_field_map

__all__ = [
    "ErrorHandler", "InputError", "RECORD_FIELDS", "ReadOptions", "SkippedDocument",
    "format_of", "iso_date", "looks_english", "parse_field_map", "read_path", "read_paths",
]
