"""The build's settings from environment variables, read and checked in one place.

`mkdocs build` (through the hook) and ``python -m nianbao pages`` read the same variables, so the
two builds are of the same site. A bad value stops the build with a message that names the
variable, what it holds and what it should hold, instead of a traceback or a silently different site.

- NIANBAO_DATA: the data folder, relative to the project (default ``data``).
- NIANBAO_ONLY: ``slug[,slug]``, pages for just those bodies (a quick preview; all data is still checked).
- NIANBAO_BODIES_FILE: a file listing the body folders to load, one a line (one shard of
  ``python -m nianbao shards``).
- NIANBAO_SITE_URL: the address the site is published at, for canonical links and the sitemap.
- NIANBAO_FIGURES: ``0`` leaves out what is made from figures across reports (与上年比较, 历年数据,
  the region 汇总, the open data); ``make bench`` measures their cost with it.
- NIANBAO_QUALITY: ``1`` adds the 数据质量 section (the supervisors' indicators, nianbao.quality);
  off by default, since some offices keep it internal. ``python -m nianbao quality`` works either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .catalogue import site as words
from .paths import SLUG

# Field name → the environment variable it is read from.
VARIABLES = {
    "data": "NIANBAO_DATA",
    "only": "NIANBAO_ONLY",
    "bodies_file": "NIANBAO_BODIES_FILE",
    "site_url": "NIANBAO_SITE_URL",
    "figures": "NIANBAO_FIGURES",
    "quality": "NIANBAO_QUALITY",
}


class SettingsError(Exception):
    """An environment variable holds a value the build cannot use (the text says which and why)."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    data: Path = Path("data")
    only: frozenset[str] = frozenset()
    bodies_file: Path | None = None
    site_url: str = ""
    figures: bool = True
    quality: bool = False

    @field_validator("data", mode="before")
    @classmethod
    def _data(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise ValueError(words.SETTING_DATA_EMPTY())
        return value

    @field_validator("only", mode="before")
    @classmethod
    def _only(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        slugs = [part.strip() for part in value.split(",") if part.strip()]
        bad = [slug for slug in slugs if not SLUG.fullmatch(slug)]
        if bad:
            raise ValueError(words.SETTING_ONLY_SLUGS(slugs='、'.join(bad)))
        return frozenset(slugs)

    @field_validator("bodies_file", mode="before")
    @classmethod
    def _bodies_file(cls, value: object) -> object:
        return value or None  # set but empty: no list, as before

    @field_validator("site_url")
    @classmethod
    def _site_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(words.SETTING_SITE_URL())
        # A folder address, as MkDocs makes it: relative links resolve against it.
        return value if value.endswith("/") else value + "/"

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Settings:
        """The settings the environment gives; SettingsError names every bad variable at once."""
        given = {field: environ[name] for field, name in VARIABLES.items() if name in environ}
        try:
            return cls.model_validate(given)
        except ValidationError as exc:
            lines = []
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else ""
                name = VARIABLES.get(field, field)
                reason = str(error["msg"]).removeprefix("Value error, ")
                lines.append(words.SETTING_BAD(name=name, value=repr(given.get(field, "")), reason=reason))
            raise SettingsError("\n".join(lines)) from None

    def data_dir(self, root: Path) -> Path:
        """The data folder; a relative NIANBAO_DATA is relative to the project (mkdocs.yml's folder)."""
        return root / self.data

    def shard_bodies(self) -> frozenset[str] | None:
        """The body folders NIANBAO_BODIES_FILE lists, or None when it is not set (load every body)."""
        if self.bodies_file is None:
            return None
        try:
            text = self.bodies_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise SettingsError(words.SETTING_BODIES_FILE(path=repr(str(self.bodies_file)), reason=reason)) from None
        return frozenset(filter(None, (line.strip() for line in text.splitlines())))
