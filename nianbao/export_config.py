"""The mkdocs.yml of an exported tree: the project's own, read and rewritten, without the hook.

Derived from the project's mkdocs.yml at every export rather than kept as a second copy, so the
theme, its features and palette, the search settings, the Markdown extensions, validation, extra
and nav cannot drift apart between the hook build and the exported tree. What changes is only
what points outside the tree or at the hook: the hook itself and ``watch`` go, the overrides
folder and jieba's dictionary are copied in and pointed at, site_url comes from the validated
settings, the generated pages are declared out of the nav as the hook declares them, and the
theme asks Zensical for its classic (Material) variant.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalogue import site as words
from .settings import Settings

DOCS = "docs"
OVERRIDES = "overrides"
JIEBA_DICT = "jieba-user-dict.txt"
# The first line of every generated mkdocs.yml: it also tells a later export that the folder is
# one it may replace.
HEADER = words.CONFIG_HEADER
# Keys that only the hook build uses: the hook, and the folders `mkdocs serve` watches in the project.
_DROPPED = ("hooks", "watch")


class ExportError(Exception):
    """The tree cannot be exported as asked; nothing was written (the text says why, in Chinese)."""


@dataclass(frozen=True)
class ProjectConfig:
    """The project's mkdocs.yml, with !ENV values resolved as MkDocs resolves them."""

    file: Path
    config: Mapping[str, Any]

    @property
    def root(self) -> Path:
        return self.file.parent

    @property
    def docs_dir(self) -> Path:
        return self.root / str(self.config.get("docs_dir", "docs"))

    @property
    def directory_urls(self) -> bool:
        return bool(self.config.get("use_directory_urls", True))

    @property
    def custom_dir(self) -> Path | None:
        theme = self.config.get("theme")
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        return self.root / str(custom) if custom else None

    @property
    def jieba_dict(self) -> Path | None:
        options = _search_options(self.config.get("plugins"))
        name = options.get("jieba_dict_user") if options else None
        # Material reads it from the working directory; mkdocs is run from the project's folder.
        return self.root / str(name) if name else None


def read_project_config(file: Path, environ: Mapping[str, str]) -> ProjectConfig:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ExportError(words.CONFIG_UNREADABLE(file=file, reason=reason)) from None
    try:
        config = yaml.load(text, Loader=_loader(environ))  # a SafeLoader plus !ENV
    except yaml.YAMLError as exc:
        raise ExportError(words.CONFIG_NOT_YAML(file=file, error=exc)) from None
    if not isinstance(config, dict):
        raise ExportError(words.CONFIG_NOT_MAPPING(file=file))
    return ProjectConfig(file, config)


def tree_config(project: ProjectConfig, settings: Settings, generated_folders: Iterable[str]) -> dict[str, Any]:
    """The exported tree's configuration (paths relative to the tree's mkdocs.yml)."""
    config = {key: value for key, value in project.config.items() if key not in _DROPPED}
    config["site_url"] = settings.site_url
    config["docs_dir"] = DOCS
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme = {**theme, "custom_dir": OVERRIDES} if theme.get("custom_dir") else dict(theme)
        if theme.get("name") == "material":
            # Zensical's look of Material for MkDocs (its default is its own "modern" look, which
            # nianbao.css was not written for); Material itself ignores the key.
            theme.setdefault("variant", "classic")
        config["theme"] = theme
    config["plugins"] = _with_search_dict(config.get("plugins"))
    # As the hook's InclusionLevel.NOT_IN_NAV: report and body pages are reached from index pages,
    # not the sidebar (a nav of thousands of pages makes every page render all of them).
    patterns = [str(config["not_in_nav"]).rstrip("\n")] if config.get("not_in_nav") else []
    patterns += [f"/{folder}/" for folder in sorted(set(generated_folders))]
    if patterns:
        config["not_in_nav"] = "\n".join(patterns) + "\n"
    return config


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A block (not_in_nav's patterns) stays one pattern a line, readable as the project's own file.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def dump_config(config: Mapping[str, Any]) -> str:
    text = yaml.dump(dict(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return HEADER + words.CONFIG_BUILD_COMMENT + text


def is_generated(config_file: Path) -> bool:
    try:
        with config_file.open(encoding="utf-8") as f:
            return f.readline() == HEADER
    except (OSError, UnicodeDecodeError):
        return False


def _search_options(plugins: object) -> dict[str, Any] | None:
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("search"), dict):
            return entry["search"]  # type: ignore[no-any-return]
    return None


def _with_search_dict(plugins: object) -> object:
    if not isinstance(plugins, list):
        return plugins
    out: list[object] = []
    for entry in plugins:
        options = entry.get("search") if isinstance(entry, dict) else None
        if isinstance(options, dict) and options.get("jieba_dict_user"):
            entry = {"search": {**options, "jieba_dict_user": JIEBA_DICT}}
        out.append(entry)
    return out


def _loader(environ: Mapping[str, str]) -> type[yaml.SafeLoader]:
    """A SafeLoader that resolves MkDocs' !ENV tag against environ (as pyyaml_env_tag does)."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        default: Any = None
        if isinstance(node, yaml.ScalarNode):
            names = [loader.construct_scalar(node)]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
            if len(children) > 1:
                default = loader.construct_object(children[-1])
                children = children[:-1]
            names = [loader.construct_scalar(child) for child in children]
        else:
            raise yaml.constructor.ConstructorError(None, None, words.CONFIG_ENV_SHAPE(), node.start_mark)
        for name in names:
            if name in environ:
                value = environ[str(name)]
                tag = loader.resolve(yaml.ScalarNode, value, (True, False))
                return loader.construct_object(yaml.ScalarNode(tag, value))
        return default

    Loader.add_constructor("!ENV", env)
    return Loader
