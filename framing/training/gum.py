"""Read GUM's entity and coreference annotation (WebAnno TSV 3.2) into plain documents.

GUM (Zeldes 2017, the Georgetown University Multilayer corpus; annotations CC BY 4.0)
marks every mention of a person, organisation, place and other entity, named or not, with
its type, its Wikipedia identity when it has one, and the coreference chain it belongs
to. Its files hold tokens, not the original text, so each sentence is rebuilt as one line
of text with ordinary spacing ("Trump 's" -> "Trump's"), and every mention is given
character offsets into that text. The rebuilt text is then read by the same segmenter as
any article, so training sees exactly the tokens an analysis sees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# No space before these tokens ("Trump 's", "said ,") ...
_ATTACH_LEFT = re.compile(r"^(?:[,.;:!?%)\]}]|'s|’s|'|’|n't|n’t|'re|'ve|'ll|'d|'m|\.\.\.)$")
# ... nor after these ("( For", "$ 5").
_ATTACH_RIGHT = frozenset({"(", "[", "{", "$", "#"})
_MENTION = re.compile(r"^([a-z]+)(?:\[(\d+)\])?$")


@dataclass
class Mention:
    start: int
    end: int
    type: str  # person | organization | place | event | time | abstract | object | ...
    identity: str | None  # Wikipedia title of a named mention ("Hong_Kong"), else None
    chain: int  # mentions with the same chain refer to the same entity


@dataclass
class GumDocument:
    name: str
    text: str
    mentions: list[Mention] = field(default_factory=list)


def read_gum(folder: Path) -> list[GumDocument]:
    """Every ``GUM_*.tsv`` file of ``folder``, in name order."""
    return [read_gum_file(path) for path in sorted(folder.glob("GUM_*.tsv"))]


def read_gum_file(path: Path) -> GumDocument:
    """One document: its sentences as lines of text, and its mentions with offsets into them."""
    lines: list[str] = []
    offset = 0
    spans: dict[str, list[int]] = {}  # annotation key -> [start, end, type, identity]
    types: dict[str, tuple[str, str | None]] = {}
    links: list[tuple[str, str]] = []  # (mention key, linked token "5-1[29_1]")
    token_keys: dict[str, list[str]] = {}  # token id "5-1" -> keys of mentions starting there
    sentence: list[str] = []
    sentence_start = 0
    rows: list[list[str]] = []

    def close_sentence() -> None:
        nonlocal offset
        if not sentence:
            return
        line = _detokenize(sentence)
        positions = _token_positions(sentence, line)
        for row, (start, end) in zip(rows, positions):
            _collect(row, sentence_start + start, sentence_start + end, spans, types, links, token_keys)
        lines.append(line)
        offset = sentence_start + len(line) + 1
        sentence.clear()
        rows.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#Text="):
            close_sentence()
            sentence_start = offset
            continue
        if not raw or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < 4 or "-" not in cells[0]:
            continue
        sentence.append(cells[2])
        rows.append(cells)
    close_sentence()
    chains = _chains(spans, links, token_keys)
    mentions = [
        Mention(start, end, types[key][0], types[key][1], chains[key])
        for key, (start, end) in sorted(spans.items(), key=lambda item: (item[1][0], -item[1][1]))
    ]
    return GumDocument(path.stem, "\n".join(lines) + "\n", mentions)


def _detokenize(tokens: list[str]) -> str:
    """Ordinary spacing: no space before "," or "'s", none after "(", and none around a
    hyphen between words (GUM splits "Jong-un" and "record-breaking" into three tokens)."""
    out: list[str] = []
    for index, token in enumerate(tokens):
        hyphen = token == "-" or (index and tokens[index - 1] == "-")
        between_words = 0 < index < len(tokens) - 1 and tokens[index - 1 if token == "-" else index - 2][-1:].isalnum() \
            and (tokens[index + 1] if token == "-" else token)[:1].isalnum()
        if index and not _ATTACH_LEFT.match(token) and tokens[index - 1] not in _ATTACH_RIGHT and not (hyphen and between_words):
            out.append(" ")
        out.append(token)
    return "".join(out)


def _token_positions(tokens: list[str], line: str) -> list[tuple[int, int]]:
    positions, cursor = [], 0
    for token in tokens:
        start = line.index(token, cursor)
        positions.append((start, start + len(token)))
        cursor = start + len(token)
    return positions


def _collect(row, start, end, spans, types, links, token_keys) -> None:
    """Add one token's share of each mention covering it."""
    token_id = row[0]
    entities = row[3].split("|") if row[3] != "_" else []
    identities = row[6].split("|") if len(row) > 6 and row[6] != "_" else []
    identity_of = {}
    for item in identities:
        name, _, key = item.partition("[")
        identity_of[key.rstrip("]") or "single"] = name
    link_types = row[8].split("|") if len(row) > 9 and row[8] != "_" else []
    link_targets = row[9].split("|") if len(row) > 9 and row[9] != "_" else []
    for number, entity in enumerate(entities):
        match = _MENTION.match(entity)
        if not match:
            continue
        kind, mention_id = match.group(1), match.group(2)
        key = mention_id if mention_id else f"t{token_id}:{number}"
        if key in spans:
            spans[key][1] = end
        else:
            spans[key] = [start, end]
            types[key] = (kind, identity_of.get(mention_id or "single"))
            token_keys.setdefault(token_id, []).append(key)
    for link_type, target in zip(link_types, link_targets):
        if link_type.startswith("coref") or link_type == "appos":
            # "5-1[29_1]": the next mention starts at token 5-1; it is mention 29, this is mention 1
            source_id = re.search(r"_(\d+)\]$", target)
            source = source_id.group(1) if source_id and source_id.group(1) != "0" else None
            mine = [k for k in token_keys.get(token_id, []) if k == source] or token_keys.get(token_id, [])[:1]
            if mine:
                links.append((mine[0], target))


def _chains(spans: dict, links: list[tuple[str, str]], token_keys: dict[str, list[str]]) -> dict[str, int]:
    """Union the coreference links into chains; each mention gets its chain's number."""
    parent = {key: key for key in spans}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, target in links:
        token_id, _, rest = target.partition("[")
        wanted = re.match(r"(\d+)_", rest)
        candidates = token_keys.get(token_id, [])
        other = next((k for k in candidates if wanted and k == wanted.group(1)), candidates[0] if candidates else None)
        if other is not None and key in parent:
            parent[root(key)] = root(other)
    numbers: dict[str, int] = {}
    return {key: numbers.setdefault(root(key), len(numbers)) for key in spans}
