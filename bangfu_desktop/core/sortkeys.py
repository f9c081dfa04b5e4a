"""Pinyin keys stored beside names, so that SQL can sort and search them as a clerk expects.

``name_key`` orders like ``pinyin.sort_key`` (syllables with tones, then the
characters) as one string that SQLite compares byte by byte; ``name_py`` holds the
full pinyin and the initials ("zhoujie zj") for search. ``fill_keys`` runs when a
record is saved (core.records); ``backfill`` fills rows that bulk inserts or older
databases left without keys.
"""

from __future__ import annotations

from peewee import Model

from .models import Teacher, Unit, database

# Models whose ``name`` gets keys, and whether it is a person's name (surname readings).
KEYED: dict[type[Model], bool] = {Teacher: True, Unit: False}
# Below every character a syllable or a name holds, so that shorter keys sort first.
_SEP = "\x1f"


def sort_text(text: str, is_name: bool = False) -> str:
    """The stored sort key: compares as ``pinyin.sort_key`` does, as a plain string."""
    from . import pinyin  # pypinyin's dictionaries cost 0.2 s to import: only when a name is keyed

    syllables, original = pinyin.sort_key(text or "", is_name)
    return " ".join(syllables) + _SEP + original


def search_text(text: str, is_name: bool = False) -> str:
    """The stored search key: full pinyin and initials, "zhoujie zj"."""
    from . import pinyin

    full, initials = pinyin.search_keys(text or "", is_name)
    return f"{full} {initials}".strip()


def fill_keys(record: Model) -> bool:
    """Set the record's pinyin keys from its name (models without keys: no-op); True if set."""
    is_name = KEYED.get(type(record))
    if is_name is None:
        return False
    name = record.name or ""
    record.name_key = sort_text(name, is_name)
    record.name_py = search_text(name, is_name)
    return True


def backfill(batch: int = 500) -> int:
    """Fill the keys of every row that has none (bulk inserts, databases before schema 6)."""
    filled = 0
    for model, is_name in KEYED.items():
        if not model.select(model.id).where(model.name_key.is_null()).limit(1).exists():
            continue
        while True:
            rows = list(model.select(model.id, model.name).where(model.name_key.is_null()).limit(batch).tuples())
            if not rows:
                break
            with database.atomic():
                for record_id, name in rows:
                    (model.update(name_key=sort_text(name, is_name), name_py=search_text(name, is_name))
                     .where(model.id == record_id).execute())
            filled += len(rows)
    return filled
