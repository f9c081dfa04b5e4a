"""A test PostgreSQL server: template databases cloned per test (fast), dropped at the end."""

from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bangfu_desktop.core import database, demo


def with_dbname(url: str, name: str) -> str:
    """``url`` pointing at database ``name``."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


class PgServer:
    """Creates databases on the server named by ``BANGFU_TEST_PG``; every one it made is dropped."""

    def __init__(self, url: str, demo_today):
        self.url = url
        self.prefix = f"bft_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.made: list[str] = []
        self.admin = psycopg.connect(url, autocommit=True)
        self._templates: dict[str, str] = {}
        self.demo_today = demo_today

    def _template(self, kind: str) -> str:
        if kind not in self._templates:
            name = f"{self.prefix}_tpl_{kind}"
            self._create(name)
            store = database.open_database(with_dbname(self.url, name))
            try:
                if kind == "demo":
                    demo.load_demo(today=self.demo_today)
            finally:
                store.close()
            self._templates[kind] = name
        return self._templates[kind]

    def _create(self, name: str, template: str | None = None) -> None:
        sql = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
        self.admin.execute(sql)
        self.made.append(name)

    def new_database(self, template: str | None = "empty") -> str:
        """A new database (a clone of the migrated ``empty`` or ``demo`` template, or bare with None)."""
        name = f"{self.prefix}_{len(self.made)}"
        self._create(name, self._template(template) if template else None)
        return with_dbname(self.url, name)

    def drop(self, url: str) -> None:
        """Drop one database made here (closing other sessions on it)."""
        name = urlsplit(url).path.lstrip("/")
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.made:
            self.made.remove(name)

    def drop_all(self) -> None:
        """Drop every database this server object made."""
        for name in list(reversed(self.made)):
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.made.clear()
        self.admin.close()
