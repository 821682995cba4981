"""Numbered schema migrations, recorded in ``schema_migrations``; opening a store applies the missing ones.

Each module ``NNNN_name.py`` here defines ``upgrade(conn)``. 0001 creates the tables as
schema.py describes them. Columns that appear later because a model record gained a field
are added by ``add_missing_columns`` (always nullable); anything else (renames, data moves,
new indexes) needs a new numbered module, written so that it is safe on a fresh database too.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
import re
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, inspect, select
from sqlalchemy.schema import CreateIndex

from ..postgres import lock_schema
from ..schema import metadata, schema_migrations
from ..transactions import write_transaction

log = logging.getLogger(__name__)
_NAME = re.compile(r"^(\d{4})_(\w+)$")


def available() -> list[tuple[int, str]]:
    """(version, module name) of every migration shipped, in order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        m = _NAME.match(info.name)
        if m:
            found.append((int(m.group(1)), info.name))
    return sorted(found)


def applied(conn: Connection) -> set[int]:
    return set(conn.execute(select(schema_migrations.c.version)).scalars())


def migrate(engine: Engine) -> list[int]:
    """Apply missing migrations in one locked transaction. Returns the versions applied."""
    done: list[int] = []
    with write_transaction(engine) as conn:
        lock_schema(conn)  # PostgreSQL: one migrating process at a time
        schema_migrations.create(conn, checkfirst=True)
        already = applied(conn)
        for version, name in available():
            if version in already:
                continue
            importlib.import_module(f"{__name__}.{name}").upgrade(conn)
            conn.execute(schema_migrations.insert().values(
                version=version, name=name, applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
            done.append(version)
        add_missing_columns(conn)
    return done


def add_missing_columns(conn: Connection) -> list[str]:
    """ALTER TABLE ... ADD COLUMN (nullable) for columns schema.py has and the database lacks."""
    inspector = inspect(conn)
    added = []
    for table in metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            col_type = column.type.compile(dialect=conn.dialect)
            name = conn.dialect.identifier_preparer.quote(column.name)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {name} {col_type}")
            added.append(f"{table.name}.{column.name}")
            for index in table.indexes:
                if [c.name for c in index.columns] == [column.name]:
                    conn.execute(CreateIndex(index, if_not_exists=True))
    if added:
        log.info("added columns: %s", ", ".join(added))
    return added
