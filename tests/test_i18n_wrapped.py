"""Every Chinese text of the window is wrapped for translation under a stable context.

The rule is gui/i18n.py's: a Chinese literal in bangfu_desktop/gui is the text
argument of ``tr(ctx, …)``/``N_(ctx, …)`` or its line says ``# notr``; the context is
the enclosing class's name, else the module's name under gui; ``self.tr`` is banned
(its context follows the runtime class). ``scripts/wrap_tr.py`` fixes most offenders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

GUI = Path(__file__).resolve().parent.parent / "bangfu_desktop" / "gui"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
NOTR = re.compile(r"#.*\bnotr\b")
TR_NAMES = {"tr", "N_", "translate"}


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
    return None


def _has_cjk(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(CJK.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and CJK.search(v.value) for v in node.values)
    return False


def offenders(source: str, module_ctx: str, name: str = "<src>") -> list[str]:
    """``name:line: why`` for each breach of the rule in one module's source."""
    tree = ast.parse(source)
    lines = source.splitlines()
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    contexts: dict[ast.AST, str] = {}
    at_import: set[ast.AST] = set()  # evaluated when the module is imported, before any translator

    def visit(node: ast.AST, ctx: str, runtime: bool) -> None:
        contexts[node] = ctx
        if not runtime:
            at_import.add(node)
        for child in ast.iter_child_nodes(node):
            inner = node.name if isinstance(node, ast.ClassDef) and child in node.body else ctx
            body = node.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else \
                [node.body] if isinstance(node, ast.Lambda) else []
            visit(child, inner, runtime or child in body)

    visit(tree, module_ctx, False)

    def marked(node: ast.AST) -> bool:
        return any(NOTR.search(lines[n - 1]) for n in range(node.lineno, node.end_lineno + 1))

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr":
            found.append(f"{name}:{node.lineno}: QObject.tr (self.tr, parent.tr): use tr({contexts[node]!r}, …)")
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"tr", "N_"}:
            ctx = node.args[0] if node.args else None
            want = contexts[node]
            if not (isinstance(ctx, ast.Constant) and ctx.value == want):
                found.append(f"{name}:{node.lineno}: context should be the literal {want!r}")
            if node.func.id == "tr" and node in at_import:
                found.append(f"{name}:{node.lineno}: tr() runs at import time, before the translator: use N_()")
            if len(node.args) < 2 or not isinstance(node.args[1], ast.Constant):
                found.append(f"{name}:{node.lineno}: the text to translate must be a literal (use .format)")
            continue
        if not _has_cjk(node):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.JoinedStr) or isinstance(parent, ast.Expr):
            continue  # a piece of an f-string (judged whole) or a docstring
        if isinstance(node, ast.Constant) and _call_name(parent) in TR_NAMES \
                and len(parent.args) >= 2 and parent.args[1] is node:
            continue
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr == "tr" \
                and parent.args and parent.args[0] is node:
            continue  # reported as self.tr above
        if marked(node):
            continue
        kind = "f-string" if isinstance(node, ast.JoinedStr) else "literal"
        found.append(f"{name}:{node.lineno}: Chinese {kind} not wrapped in tr()/N_() nor marked # notr: "
                     f"{lines[node.lineno - 1].strip()[:80]}")
    return found


def test_every_chinese_text_of_the_window_is_wrapped_with_its_context():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        ctx = ".".join(path.relative_to(GUI).with_suffix("").parts)
        found += offenders(path.read_text(encoding="utf-8"), ctx, str(path.relative_to(GUI.parent.parent)))
    assert not found, f"{len(found)} offender(s); run python scripts/wrap_tr.py, then fix by hand:\n" + "\n".join(found)


def test_the_scan_finds_each_kind_of_offender():
    source = '''
from ..i18n import N_, tr
TITLE = "教师名册"
OK = N_("tabs.demo", "姓名")
EARLY = tr("tabs.demo", "性别")
WRONG_CTX = N_("Demo", "性别")
DATA = "逾期"  # notr
class Demo:
    label = N_("Demo", "单位")
    def show(self, n):
        """文档字符串不算。"""
        self.tr("保存")
        tr("Demo", f"共 {n} 条")
        tr("tabs.demo", "学科")
        return f"还差 {n} 次"
def ask(parent):
    parent.tr("导入数据包")
'''
    found = offenders(source, "tabs.demo")
    lines = sorted({int(f.split(":")[1]) for f in found})
    assert lines == [3, 5, 6, 12, 13, 14, 15, 17], found
    assert all(f.startswith("<src>:") for f in found)
