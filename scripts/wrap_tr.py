"""Wrap every Chinese literal of bangfu_desktop/gui for translation (idempotent codemod).

    python scripts/wrap_tr.py            # rewrite the files in place, print a summary
    python scripts/wrap_tr.py --check    # change nothing; exit 1 when something is left

What it does, by source position (the ast module; comments and layout are kept):

- ``self.tr("…")`` (or ``parent.tr("…")``) becomes ``tr("<Class>", "…")`` with the
  enclosing class as context (see gui/i18n.py); ``self.tr(label)`` of a variable becomes
  ``translated(label)``.
- A literal with Chinese text becomes ``tr(ctx, "…")`` where the code runs after start
  and ``N_(ctx, "…")`` where it runs at import time (module constants, class
  attributes, default arguments): those are translated where shown.
- An f-string becomes ``tr(ctx, "…{name}…").format(name=…)`` so that the text a
  translator sees is a constant.
- Literals that are data, not UI, get a trailing ``# notr`` instead: operands of a
  comparison (``status == "逾期"``), dict keys, subscripts, ``defaults={…}`` values (the
  database's own values), log text (``log_exception``) and file names (``….pdf``).
- Docstrings, lines already marked ``# notr`` and texts already wrapped are left alone;
  the import ``from ..i18n import N_, tr`` is added where needed.

Review the diff: a value the heuristics took for UI (a combo's data, a key looked up
in a dict) needs ``# notr`` by hand; a sentence glued from pieces needs one template.
"""

from __future__ import annotations

import argparse
import ast
import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "bangfu_desktop" / "gui"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
NOTR = re.compile(r"#.*\bnotr\b")
TR_NAMES = {"tr", "translate", "N_", "QT_TRANSLATE_NOOP"}
# Calls whose arguments are data: file names the bureau expects, keys of the status colours.
DATA_CALLS = {"default_name", "safe_name", "_colour"}
LOG_CALLS = {"log_exception", "debug", "info", "warning", "error", "exception", "critical"}
FILE_NAME = re.compile(r"\.(pdf|xlsx|xls|bfpkg|eml|csv|zip|db|sqlite|txt|png|json)$", re.I)
SKIPPED_FILES = {"i18n.py", "translations.py"}
SQL = re.compile(r"^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b", re.I)


@dataclass
class Edit:
    start: int  # byte offsets in the UTF-8 source
    end: int
    text: str


def module_context(path: Path) -> str:
    """The context of a module's functions and constants: its dotted name under gui."""
    return ".".join(path.relative_to(GUI).with_suffix("").parts)


def has_cjk(node: ast.AST) -> bool:
    """Whether a literal or f-string holds Chinese text of its own."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(CJK.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and CJK.search(v.value) for v in node.values)
    return False


def call_name(node: ast.AST) -> str | None:
    """``f`` for ``f(…)`` and ``a.b.f(…)``."""
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
    return None


def is_self_tr(node: ast.AST) -> bool:
    """``self.tr(…)``, ``parent.tr(…)``, ``form.tr(…)``: QObject.tr, whose context is not ours."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"


def text_arg(call: ast.Call) -> ast.AST | None:
    """The text argument of a translation call (``self.tr(text)``, ``tr(ctx, text)``)."""
    if is_self_tr(call):
        return call.args[0] if call.args else None
    if call_name(call) in TR_NAMES and len(call.args) >= 2:
        return call.args[1]
    return None


def py_literal(text: str) -> str:
    """A double-quoted Python literal of ``text``."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class FileRewriter:
    """Collects the edits for one file."""

    def __init__(self, path: Path):
        self.path = path
        self.source = path.read_text(encoding="utf-8")
        self.data = self.source.encode("utf-8")
        self.lines = self.source.splitlines(keepends=True)
        self.line_starts = [0]
        for line in self.lines:
            self.line_starts.append(self.line_starts[-1] + len(line.encode("utf-8")))
        self.tree = ast.parse(self.source)
        self.module_ctx = module_context(path)
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.edits: list[Edit] = []
        self.notr_lines: set[int] = set()
        self.used: set[str] = set()
        self.report: list[str] = []

    # -- positions ------------------------------------------------------------------
    def offset(self, line: int, col: int) -> int:
        return self.line_starts[line - 1] + col

    def span(self, node: ast.AST) -> tuple[int, int]:
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def segment(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.data[start:end].decode("utf-8")

    def marked(self, node: ast.AST) -> bool:
        return any(NOTR.search(self.lines[n - 1]) for n in range(node.lineno, node.end_lineno + 1))

    # -- classification ---------------------------------------------------------------
    def is_docstring(self, node: ast.AST) -> bool:
        parent = self.parents.get(node)
        return isinstance(parent, ast.Expr)

    def already_wrapped(self, node: ast.AST) -> bool:
        parent = self.parents.get(node)
        return isinstance(parent, ast.Call) and text_arg(parent) is node

    def is_data(self, node: ast.AST) -> str | None:
        """Why a literal is data rather than UI, or None."""
        text = node.value if isinstance(node, ast.Constant) else "".join(
            v.value for v in node.values if isinstance(v, ast.Constant))
        if isinstance(node, ast.Constant) and FILE_NAME.search(text.strip()):
            return "file name"
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[-1], ast.Constant) \
                and FILE_NAME.search(node.values[-1].value):
            return "file name"
        if SQL.search(text):
            return "SQL"
        child, parent = node, self.parents.get(node)
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) \
                and isinstance(parent.func.value, ast.Name) and parent.func.value.id == "re":
            return "regular expression"
        while isinstance(parent, (ast.Tuple, ast.List, ast.Set)):
            child, parent = parent, self.parents.get(parent)
        if isinstance(parent, ast.Compare):
            return "compared"
        if isinstance(parent, ast.Dict) and child in parent.keys:
            return "dict key"
        if isinstance(parent, ast.Subscript) and child is parent.slice:
            return "subscript"
        if isinstance(parent, ast.Dict) and isinstance(self.parents.get(parent), ast.keyword) \
                and self.parents[parent].arg == "defaults":
            return "database default"
        # Log text and other data (any depth inside such a call's arguments).
        up = node
        while up is not None:
            if isinstance(up, ast.Call) and call_name(up) in DATA_CALLS and up is not node:
                return f"argument of {call_name(up)}()"
            if isinstance(up, ast.Call) and call_name(up) in LOG_CALLS and up is not node:
                func = up.func
                owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
                if call_name(up) == "log_exception" or owner in {"log", "logger", "logging", "_log"}:
                    return "log text"
            up = self.parents.get(up)
        return None

    # -- edits ------------------------------------------------------------------------
    def add(self, start: int, end: int, text: str) -> None:
        self.edits.append(Edit(start, end, text))

    def mark_notr(self, node: ast.AST, why: str) -> None:
        line = node.end_lineno
        if line in self.notr_lines:
            return
        self.notr_lines.add(line)
        raw = self.lines[line - 1]
        body = raw.rstrip("\r\n")
        end = self.line_starts[line - 1] + len(body.encode("utf-8"))
        self.add(end, end, "  # notr")
        self.report.append(f"{self.path.relative_to(ROOT)}:{line}: # notr ({why})")

    def template(self, node: ast.JoinedStr) -> tuple[str, str] | None:
        """``("…{a}…" literal, "a=…, b=…")`` for an f-string, or None when too intricate."""
        parts, kwargs, names = [], [], {}
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(value.value.replace("{", "{{").replace("}", "}}"))
                continue
            expr = self.segment(value.value)
            if expr not in names:
                base = None
                if isinstance(value.value, ast.Name):
                    base = value.value.id
                elif isinstance(value.value, ast.Attribute):
                    base = value.value.attr.strip("_")
                elif isinstance(value.value, ast.Subscript) and isinstance(value.value.value, ast.Name):
                    base = value.value.value.id
                if not base or keyword.iskeyword(base) or not base.isidentifier():
                    base = "v"
                name, k = base, 2
                while name in names.values():
                    name, k = f"{base}{k}", k + 1
                names[expr] = name
                kwargs.append(f"{name}={expr}")
            field = names[expr]
            if value.conversion != -1:
                field += "!" + chr(value.conversion)
            if value.format_spec is not None:
                spec = value.format_spec
                if not all(isinstance(v, ast.Constant) for v in spec.values):
                    return None
                field += ":" + "".join(v.value for v in spec.values)
            parts.append("{" + field + "}")
        return py_literal("".join(parts)), ", ".join(kwargs)

    def context_of(self, node: ast.AST) -> tuple[str, bool]:
        return self.scope[node]

    def run(self) -> None:
        self.scope: dict[ast.AST, tuple[str, bool]] = {}
        self._visit(self.tree, self.module_ctx, False)
        for node in ast.walk(self.tree):
            if is_self_tr(node):
                self.convert_self_tr(node)
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.Constant, ast.JoinedStr)) and has_cjk(node):
                parent = self.parents.get(node)
                if isinstance(parent, ast.JoinedStr) or isinstance(parent, ast.FormattedValue) and node is parent.format_spec:
                    continue
                outer = self.enclosing_fstring(node)
                if outer is not None:
                    # Inside an f-string's {…}: handled once the f-string became a template.
                    why = None if has_cjk(outer) or self.marked(outer) else self.is_data(outer)
                    if why:
                        self.mark_notr(outer, why)
                    elif not has_cjk(outer) and not self.marked(outer):
                        self.report.append(f"{self.path.relative_to(ROOT)}:{node.lineno}: "
                                           "text inside an f-string without text of its own: fix by hand")
                    continue
                self.wrap(node)

    def enclosing_fstring(self, node: ast.AST) -> ast.JoinedStr | None:
        up = self.parents.get(node)
        while up is not None:
            if isinstance(up, ast.JoinedStr):
                return up
            up = self.parents.get(up)
        return None

    def _visit(self, node: ast.AST, ctx: str, runtime: bool) -> None:
        self.scope[node] = (ctx, runtime)
        if isinstance(node, ast.ClassDef):
            for child in [*node.bases, *node.keywords, *node.decorator_list]:
                self._visit(child, ctx, runtime)
            for child in node.body:
                self._visit(child, node.name, runtime)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for child in ast.iter_child_nodes(node):
                in_body = child in (node.body if isinstance(node.body, list) else [node.body])
                self._visit(child, ctx, runtime or in_body)
        else:
            for child in ast.iter_child_nodes(node):
                self._visit(child, ctx, runtime)

    def convert_self_tr(self, call: ast.Call) -> None:
        ctx, _ = self.scope[call]
        start, end = self.span(call.func)
        first = call.args[0] if call.args else None
        if isinstance(first, ast.Call) and call_name(first) in TR_NAMES and not is_self_tr(first):
            # ``parent.tr(tr(ctx, "…"))``: the outer call adds nothing.
            self.add(*self.span(call), self.segment(first))
            return
        if first is not None and not isinstance(first, (ast.Constant, ast.JoinedStr)):
            # ``self.tr(label)``: the text was marked where written (N_) or is translated already.
            self.add(start, end, "translated")
            self.used.add("translated")
            return
        self.add(start, end, "tr")
        self.used.add("tr")
        if call.args:
            arg_start, _ = self.span(call.args[0])
            self.add(arg_start, arg_start, f"{py_literal(ctx)}, ")
            if isinstance(call.args[0], ast.JoinedStr):
                self.fstring_in_call(call, call.args[0])
        else:
            self.report.append(f"{self.path.relative_to(ROOT)}:{call.lineno}: self.tr() without text: fix by hand")

    def fstring_in_call(self, call: ast.Call, node: ast.JoinedStr) -> None:
        made = self.template(node)
        if made is None:
            self.report.append(f"{self.path.relative_to(ROOT)}:{node.lineno}: f-string too intricate: fix by hand")
            return
        literal, kwargs = made
        start, end = self.span(node)
        self.add(start, end, literal)
        _, call_end = self.span(call)
        if kwargs:
            self.add(call_end, call_end, f".format({kwargs})")

    def wrap(self, node: ast.AST) -> None:
        if self.is_docstring(node) or self.marked(node):
            return
        parent = self.parents.get(node)
        if self.already_wrapped(node):
            if isinstance(node, ast.JoinedStr) and not is_self_tr(parent):
                self.fstring_in_call(parent, node)
            return
        why = self.is_data(node)
        if why:
            self.mark_notr(node, why)
            return
        ctx, runtime = self.scope[node]
        start, end = self.span(node)
        if isinstance(node, ast.JoinedStr):
            made = self.template(node)
            if made is None or not runtime:
                self.report.append(f"{self.path.relative_to(ROOT)}:{node.lineno}: f-string left: fix by hand")
                return
            literal, kwargs = made
            text = f"tr({py_literal(ctx)}, {literal})" + (f".format({kwargs})" if kwargs else "")
            self.used.add("tr")
        else:
            func = "tr" if runtime else "N_"
            self.used.add(func)
            text = f"{func}({py_literal(ctx)}, {self.segment(node)})"
        self.add(start, end, text)

    # -- import and output --------------------------------------------------------------
    def import_edit(self) -> None:
        if not self.used:
            return
        depth = len(self.path.relative_to(GUI).parts) - 1
        module = "." * (depth + 1) + "i18n"
        body = self.tree.body
        for stmt in body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module == "i18n" and stmt.level == depth + 1:
                have = {a.name for a in stmt.names}
                if self.used <= have:
                    return
                start, end = self.span(stmt)
                names = ", ".join(sorted(have | self.used))
                self.add(start, end, f"from {module} import {names}")
                return
        # Right under ``from __future__`` (a line nobody else edits), else after the imports.
        last = None
        for stmt in body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
                last = stmt
                break
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                last = stmt
            elif not (isinstance(stmt, ast.Expr) and isinstance(getattr(stmt, "value", None), ast.Constant)):
                break
        line = last.end_lineno if last else 0
        pos = self.line_starts[line]
        names = ", ".join(sorted(self.used))
        self.add(pos, pos, f"from {module} import {names}\n")

    def result(self) -> str:
        self.import_edit()
        data = self.data
        # Outermost first; an edit inside another one waits for the next pass.
        chosen: list[Edit] = []
        order = lambda e: (e.start, e.end != e.start, -(e.end - e.start))  # noqa: E731
        for edit in sorted(self.edits, key=order):
            if not any(overlaps(edit, other) for other in chosen):
                chosen.append(edit)
        chosen.sort(key=order)
        for edit in reversed(chosen):
            data = data[:edit.start] + edit.text.encode("utf-8") + data[edit.end:]
        return data.decode("utf-8")


def overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits touch the same text (an insertion may sit at a span's edge)."""
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def rewrite(path: Path) -> tuple[str, list[str]]:
    """The file's new text after passes until nothing changes, and the report lines."""
    text, report = path.read_text(encoding="utf-8"), []
    for _ in range(6):
        rewriter = FileRewriter(path)
        rewriter.run()
        new = rewriter.result()
        report += rewriter.report
        if new == text:
            break
        ast.parse(new)  # never write a broken file
        path.write_text(new, encoding="utf-8")
        text = new
    return text, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file would change")
    parser.add_argument("paths", nargs="*", type=Path, help="files (default: every module of bangfu_desktop/gui)")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or sorted(GUI.rglob("*.py"))
    changed = 0
    for path in paths:
        if path.name in SKIPPED_FILES:
            continue
        before = path.read_text(encoding="utf-8")
        _, report = rewrite(path)
        after = path.read_text(encoding="utf-8")
        if args.check:
            path.write_text(before, encoding="utf-8")
        if after != before:
            changed += 1
            print(f"{'would change' if args.check else 'changed'}: {path.relative_to(ROOT)}")
        for line in report:
            print("  " + line)
    print(f"{changed} file(s) {'to change' if args.check else 'changed'}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
