"""The data package (.bfpkg): a zip with a manifest, the records as JSON and the attachments.

The manifest names the format and schema versions, the sender unit (UUID and name),
the period, the time it was made, counts per record type and the SHA-256 of every
member. A package is written under a temporary name and renamed when complete, and
read back only after every check has passed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import BangfuError
from ..fileio import atomic_write
from ..models import new_uuid, now

FORMAT = "bangfu-package"
FORMAT_VERSION = 1
SUFFIX = ".bfpkg"
KINDS = {"data": "数据包", "zero": "零报告", "notice": "报送通知", "receipt": "回执"}


class PackageRefused(BangfuError):
    """A package that cannot be read in; nothing was changed."""


def database_id() -> str:
    """This database's own identity (made once), so a package never goes back into its maker."""
    value = settings.get("exchange.database_id")
    if not value:
        value = new_uuid()
        settings.put("exchange.database_id", value)
    return value


def sha256(data: bytes) -> str:
    """The SHA-256 of bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class PackageContent:
    """What goes into a package before it is written."""

    kind: str
    sender: dict[str, str]
    period: dict[str, str] | None = None
    round: dict[str, Any] | None = None
    documents: dict[str, Any] = field(default_factory=dict)  # member name → JSON value
    files: dict[str, Path] = field(default_factory=dict)  # member name → file to copy in
    counts: dict[str, int] = field(default_factory=dict)
    package_id: str = field(default_factory=new_uuid)
    made_at: dt.datetime = field(default_factory=now)


def write_package(content: PackageContent, dest: str | os.PathLike) -> dict[str, Any]:
    """Write ``content`` to ``dest`` (temporary name, then rename); return the manifest."""
    from ..database import latest_version

    members: dict[str, str] = {}
    with atomic_write(dest) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, value in content.documents.items():
                data = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
                zf.writestr(name, data)
                members[name] = sha256(data)
            for name, path in content.files.items():
                data = Path(path).read_bytes()
                zf.writestr(name, data, compress_type=zipfile.ZIP_STORED)
                members[name] = sha256(data)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_version": latest_version(),
                "package_id": content.package_id,
                "kind": content.kind,
                "sender": content.sender,
                "period": content.period,
                "round": content.round,
                "made_at": content.made_at.isoformat(),
                "counts": content.counts,
                "members": members,
            }
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
    return manifest


@dataclass
class Package:
    """A package read back and checked: its manifest and member bytes."""

    path: Path
    manifest: dict[str, Any]
    members: dict[str, bytes]

    @property
    def package_id(self) -> str:
        return self.manifest["package_id"]

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def sender(self) -> dict[str, str]:
        return self.manifest["sender"]

    @property
    def made_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.manifest["made_at"])

    def document(self, name: str, default: Any = None) -> Any:
        """A JSON member, parsed."""
        if name not in self.members:
            return default
        return json.loads(self.members[name].decode("utf-8"))


def _damaged(path: Path, detail: str) -> PackageRefused:
    return PackageRefused(
        f"数据包“{path.name}”已损坏或不完整（{detail}）。请让对方重新发送，或重新下载、重新复制该文件后再导入；"
        "数据库未作任何改动。")


def read_package(path: str | os.PathLike) -> Package:
    """Open and check a package completely; raise PackageRefused (in Chinese) on any problem."""
    from ..database import latest_version

    path = Path(path)
    if not path.is_file():
        raise PackageRefused(f"找不到数据包“{path}”。请检查路径后重试。")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "manifest.json" not in names:
                raise PackageRefused(f"“{path.name}”不是帮扶台账的数据包（缺少 manifest.json）。请选择 .bfpkg 文件。")
            manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise PackageRefused(f"“{path.name}”不是帮扶台账的数据包。请选择 .bfpkg 文件。")
            if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
                raise PackageRefused(
                    f"数据包“{path.name}”由更新版本的帮扶台账制作（格式版本 {manifest['format_version']}，"
                    f"本程序支持到 {FORMAT_VERSION}）。请安装最新版本后再导入；数据库未作任何改动。")
            if int(manifest.get("schema_version", 0)) > latest_version():
                raise PackageRefused(
                    f"数据包“{path.name}”来自更新版本的数据库（数据版本 {manifest['schema_version']}，"
                    f"本程序支持到 {latest_version()}）。请安装最新版本后再导入；数据库未作任何改动。")
            listed = manifest.get("members") or {}
            missing = sorted(set(listed) - names)
            if missing:
                raise _damaged(path, f"缺少 {len(missing)} 个文件，如 {missing[0]}")
            extra = sorted(names - set(listed) - {"manifest.json"})
            if extra:
                raise _damaged(path, f"含有清单之外的文件 {extra[0]}")
            members = {}
            for name, expected in listed.items():
                data = zf.read(name)
                if sha256(data) != expected:
                    raise _damaged(path, f"{name} 的校验值不符，文件被改动过")
                members[name] = data
    except PackageRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, IndexError, ValueError,
            UnicodeDecodeError, TypeError, AttributeError) as exc:
        raise _damaged(path, type(exc).__name__ if not str(exc) else str(exc)[:80]) from exc
    except OSError as exc:
        raise PackageRefused(f"无法读取数据包“{path}”：{exc.strerror or exc}。请检查文件后重试。") from exc
    for key in ("package_id", "kind", "sender", "made_at"):
        if key not in manifest:
            raise _damaged(path, f"清单缺少 {key}")
    return Package(path, manifest, members)
