"""Write the Qt Linguist file of the window's texts: resources/i18n/bangfu_zh_CN.ts.

    python scripts/extract_ts.py                 # every tr()/N_() of bangfu_desktop/gui
    python scripts/extract_ts.py -o out.ts --language en_US

The source language is Simplified Chinese, so the file lists each text once per
context with an empty translation: a translator copies it (bangfu_en_US.ts …), fills
it in Qt Linguist, and ``pyside6-lrelease`` makes the .qm the program loads. The
contexts are the literals written in the calls (gui/i18n.py's rule), so what this
script lists is exactly what ``QCoreApplication.translate`` looks up at run time;
``pyside6-lupdate`` would not see our ``tr(context, text)`` helper.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "bangfu_desktop" / "gui"
DEFAULT_OUT = ROOT / "resources" / "i18n" / "bangfu_zh_CN.ts"


@dataclass
class Message:
    """One text of one context, with every place it is written."""

    source: str
    comment: str | None = None
    locations: list[tuple[Path, int]] = field(default_factory=list)


def collect(gui: Path = GUI) -> dict[str, dict[tuple[str, str | None], Message]]:
    """context → (text, disambiguation) → Message, over every module of ``gui``."""
    contexts: dict[str, dict[tuple[str, str | None], Message]] = {}
    for path in sorted(gui.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"tr", "N_"} and len(node.args) >= 2):
                continue
            ctx, text = node.args[0], node.args[1]
            if not (isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant)
                    and isinstance(ctx.value, str) and isinstance(text.value, str)):
                continue
            comment = None
            if len(node.args) >= 3 and isinstance(node.args[2], ast.Constant):
                comment = node.args[2].value
            key = (text.value, comment)
            message = contexts.setdefault(ctx.value, {}).setdefault(key, Message(text.value, comment))
            message.locations.append((path, node.lineno))
    return contexts


def build_ts(contexts, out: Path, language: str | None = None,
             translations: dict[tuple[str, str], str] | None = None) -> ET.ElementTree:
    """The TS document; ``translations`` ((context, text) → text) fills some in (tests)."""
    translations = translations or {}
    root = ET.Element("TS", {"version": "2.1", "sourcelanguage": "zh_CN"})
    if language:
        root.set("language", language)
    for name in sorted(contexts):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for message in contexts[name].values():
            element = ET.SubElement(context, "message")
            # Files only, no line numbers: the committed file then changes only when texts do.
            for path in dict.fromkeys(path for path, _ in message.locations):
                relative = os.path.relpath(path, out.parent).replace(os.sep, "/")
                ET.SubElement(element, "location", {"filename": relative})
            ET.SubElement(element, "source").text = message.source
            if message.comment:
                ET.SubElement(element, "comment").text = message.comment
            done = translations.get((name, message.source))
            translation = ET.SubElement(element, "translation")
            if done is None:
                translation.set("type", "unfinished")
            else:
                translation.text = done
    ET.indent(root)
    return ET.ElementTree(root)


def write_ts(out: Path, language: str | None = None, translations=None, gui: Path = GUI) -> int:
    """Write the .ts file; the number of messages written."""
    contexts = collect(gui)
    out.parent.mkdir(parents=True, exist_ok=True)
    tree = build_ts(contexts, out, language, translations)
    with open(out, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")
    return sum(len(m) for m in contexts.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help="the .ts file to write")
    parser.add_argument("--language", help="the target language written in the file, e.g. en_US")
    args = parser.parse_args(argv)
    count = write_ts(args.out, args.language)
    print(f"{count} texts in {len(collect())} contexts → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
