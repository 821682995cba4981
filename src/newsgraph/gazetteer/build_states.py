"""Regenerate data/states.json from pycountry and countryinfo (run once; the result is committed).

    python -m newsgraph.gazetteer.build_states

Loading countryinfo's per-country files costs more than the 0.3 s the gazetteer may take at
start-up, so the few fields newsgraph needs are written to one small JSON file instead.
Hand-curated additions (seats of power, short names, better demonyms) live in
data/states_extra.yaml and are merged at load time, so they survive a rebuild.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("data") / "states.json"

# countryinfo records that share an ISO code with a state but are not names of it.
_NOT_STATE_NAMES = {"Wales", "Scotland", "England", "Northern Ireland"}
_ALLOWED_MARKS = set(" .'-()’")


def _usable_name(name: str | None) -> bool:
    """Latin-script names without the 'Korea, Republic of' inversion and not bare codes."""
    if not name or "," in name:
        return False
    # Latin script only (accents allowed: "Bogotá"); native spellings in other scripts are dropped.
    if not all(c in _ALLOWED_MARKS or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN"))
               for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)  # ISO codes: curated ones are in the extras


def build() -> list[dict]:
    import pycountry
    from countryinfo import all_countries

    info_by_iso: dict[str, list[dict]] = {}
    for record in all_countries():
        try:
            info = record.info()
        except Exception:  # a broken record in the package: skip it, the rest still builds
            continue
        iso2 = (info.get("ISO") or {}).get("alpha2")
        if iso2 and info.get("name") not in _NOT_STATE_NAMES:
            info_by_iso.setdefault(iso2.upper(), []).append(info)

    states = []
    for country in pycountry.countries:
        iso2 = country.alpha_2
        infos = info_by_iso.get(iso2, [])
        display = next((i["name"] for i in infos if _usable_name(i.get("name"))), None) \
            or getattr(country, "common_name", None) or country.name
        names = [display, country.name, getattr(country, "common_name", None),
                 getattr(country, "official_name", None)]
        capitals, demonyms, population = [], [], 0
        for info in infos:
            names.append(info.get("name"))
            names.extend(info.get("altSpellings") or [])
            capital = info.get("capital")
            capitals.extend(capital if isinstance(capital, list) else [capital])
            demonyms.append(info.get("demonym"))
            population = max(population, int(info.get("population") or 0))
        states.append({
            "iso2": iso2,
            "iso3": country.alpha_3,
            "name": display,
            "names": sorted({n for n in names if _usable_name(n)} - {display}),
            "capitals": sorted({c for c in capitals if _usable_name(c)}),
            "demonyms": sorted({d for d in demonyms if _usable_name(d)}),
            "population": population,
        })
    return sorted(states, key=lambda s: s["iso2"])


def main() -> None:
    states = build()
    OUT.write_text(json.dumps(states, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(states)} states to {OUT}")


if __name__ == "__main__":
    main()
