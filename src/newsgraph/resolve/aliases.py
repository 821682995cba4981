"""User alias files: YAML entries that add actors or override the shipped gazetteer.

    - id: person:ali-rahmani        # optional; derived from type and name when absent
      name: Ali Rahmani
      type: person                  # state | organization | armed_group | person | media | group | location
      country: TJ                   # optional, ISO 3166-1 alpha-2
      aliases: [Rahmani, the minister from Khujand]

The top level may also be a mapping with an ``actors:`` list. Every name and alias found in
a text (whole words, case-sensitive) becomes a mention of that actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import InputError
from ..gazetteer import Entry, entry_from_record
from ..model import Span

AliasSource = str | Path | Iterable[Any] | dict | None


def load_aliases(source: AliasSource) -> list[Entry]:
    """Entries from a YAML path, or from already-parsed records (list, or {actors: [...]})."""
    if source is None:
        return []
    where = None
    if isinstance(source, (str, Path)):
        path = Path(source)
        where = str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError("alias file not found", where=where, hint="check the --aliases path") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read alias file: {exc}", where=where) from None
        except yaml.YAMLError as exc:
            raise InputError(f"alias file is not valid YAML: {exc}".splitlines()[0], where=where) from None
    else:
        data = source
    if isinstance(data, dict):
        data = data.get("actors", data.get("aliases"))
    if data is None:
        return []
    if isinstance(data, Entry):
        return [data]
    if not isinstance(data, (list, tuple)):
        raise InputError("alias file must hold a list of actors (or a mapping with 'actors:')",
                         where=where, hint="see docs/actors.md")
    entries = []
    for n, record in enumerate(data, 1):
        if isinstance(record, Entry):
            entries.append(record)
            continue
        here = f"{where or 'aliases'}: entry {n}"
        if not isinstance(record, dict) or not record.get("name"):
            raise InputError("each alias entry needs at least a 'name'", where=here,
                             hint="e.g. {name: Ali Rahmani, type: person, aliases: [Rahmani]}")
        try:
            entries.append(entry_from_record(record))
        except ValueError as exc:
            raise InputError(f"bad actor type {record.get('type')!r}", where=here,
                             hint="one of state, organization, armed_group, person, media, group, location") \
                from exc
    return entries


@dataclass(frozen=True)
class AliasMatcher:
    """Finds the names of user entries in a text: (span, surface, entry)."""

    entries: tuple[Entry, ...]
    pattern: re.Pattern | None
    by_surface: dict[str, Entry]

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> "AliasMatcher":
        entries = tuple(entries)
        by_surface: dict[str, Entry] = {}
        for entry in entries:
            for surface in (entry.name, *entry.aliases):
                by_surface[" ".join(surface.split())] = entry
        if not by_surface:
            return cls(entries, None, {})
        # Longest surfaces first so that "Ali Rahmani" wins over "Rahmani".
        alternatives = "|".join(re.escape(s) for s in sorted(by_surface, key=len, reverse=True))
        return cls(entries, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), by_surface)

    def find(self, text: str) -> list[tuple[Span, str, Entry]]:
        if self.pattern is None:
            return []
        return [((m.start(), m.end()), m.group(0), self.by_surface[m.group(0)])
                for m in self.pattern.finditer(text)]

    def lookup(self, surface: str) -> Entry | None:
        surface = " ".join(surface.split())
        for candidate in (surface, surface.removeprefix("the ").removeprefix("The ")):
            if candidate in self.by_surface:
                return self.by_surface[candidate]
        return None
