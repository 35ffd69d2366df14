"""Build ``corpora/person_names.tsv`` from the US Census 1990 name-frequency lists.

The lists (public domain, a work of the US government; ``../shared/train/census-1990-names``)
give how common each first name is among men and among women, and each surname's rank.
Name recognition uses them as evidence, never as a gate: "Xi Jinping" is in neither list
and is still a name; "White" and "House" are both surnames and usually are not.

Written once per release by ``framing train person-names``; the output is sorted and therefore
the same bytes for the same input.
"""
from __future__ import annotations

from pathlib import Path

VERSION = "1.0.0"
MAX_SURNAME_RANK = 50_000  # rarer surnames (under about 3 people in a million) add size, not evidence
HEADER = """# corpus: person_names
# version: {version}
# description: first names with the share of women among their bearers, and surnames with their frequency rank, from the US Census 1990 name lists (public domain)
# sources: see corpora/person_names.md
name\tfirst_rank\tfemale_share\tsurname_rank
"""


def _read(path: Path) -> list[tuple[str, float, int]]:
    """(Name, frequency in percent, rank) per line of a census list ("SMITH 1.006 1.006 1")."""
    rows = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            rows.append((parts[0].capitalize(), float(parts[1]), int(parts[3])))
    return rows


def build_person_names(folder: Path) -> str:
    """The TSV text of ``person_names.tsv`` from the census folder's three lists."""
    male = {name: (frequency, rank) for name, frequency, rank in _read(folder / "dist.male.first")}
    female = {name: (frequency, rank) for name, frequency, rank in _read(folder / "dist.female.first")}
    surnames = {name: rank for name, _, rank in _read(folder / "dist.all.last") if rank <= MAX_SURNAME_RANK}
    rows = []
    for name in sorted(set(male) | set(female) | set(surnames)):
        first_rank, female_share = "", ""
        if name in male or name in female:
            m, f = male.get(name, (0.0, 0)), female.get(name, (0.0, 0))
            first_rank = str(min(rank for _, rank in (m, f) if rank) if (m[1] or f[1]) else "")
            # each list gives percent of its own sex, and the two sexes are about equally many
            female_share = f"{f[0] / (f[0] + m[0]):.2f}" if f[0] + m[0] > 0 else "0.50"
        surname_rank = str(surnames[name]) if name in surnames else ""
        rows.append(f"{name}\t{first_rank}\t{female_share}\t{surname_rank}\n")
    return HEADER.format(version=VERSION) + "".join(rows)
