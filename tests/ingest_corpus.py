"""A generated corpus of small fictional news articles for the ingest tests (written for newsgraph)."""
from __future__ import annotations

from pathlib import Path

COUNTRIES = ["Valdoria", "Ostria", "Marlen", "Pelagia", "Corvania", "Tessaly", "Brennmark", "Quorra"]
PEOPLE = ["Mira Talen", "Jonas Ekberg", "Lena Hovarth", "Piet Anselm", "Dara Quillon", "Tomas Reyk",
          "Ines Vollar", "Kasimir Dorn"]
GROUPS = ["the Northern Front", "the Harbour Alliance", "the Red Valley Movement", "the Coastal League"]

TEMPLATE = """{a} and {b} agree to reopen border talks
By {reporter}

{a}'s foreign minister {person} said on Monday that {a} had opened talks with {b} about the disputed river crossing.
"We will not accept new checkpoints on the bridge," {person} told reporters in the capital.
Officials in {b} denied that any talks had taken place and accused {a} of moving troops toward the border.
{group} said it would send food and medicine to villages on both sides of the river.
Analysts said the dispute between {a} and {b} had grown since the spring elections.
{person} added that {a} would ask the regional council to send observers next month.
"""


def write_corpus(folder: Path, count: int = 40) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        if a == b:
            b = COUNTRIES[(i + 1) % len(COUNTRIES)]
        text = TEMPLATE.format(a=a, b=b, person=PEOPLE[i % len(PEOPLE)], reporter=PEOPLE[(i + 3) % len(PEOPLE)],
                               group=GROUPS[i % len(GROUPS)]) + f"The talks are the {i + 1}th round this year.\n"
        path = folder / f"article_{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
