"""Material's JavaScript bundle with its two off-site script addresses pointed at the site itself.

Material 9.8's bundle loads a script from unpkg.com in two cases: a ResizeObserver polyfill when
the browser has none (iOS 12, older domestic browser cores), and mermaid for diagrams. Where
foreign CDNs hang, the first leaves search at 正在初始化搜索引擎 for good. The site's own
polyfill (docs/assets/javascripts/nianbao-resize-observer.js) is loaded before the bundle, so the
bundle never gets there; and the addresses are rewritten here all the same, so the built site
holds no off-site address that a browser could be made to request. The rewritten addresses are
resolved against ``__md_scope``, the site root that nianbao-scope.js sets before the bundle runs.
The site has no mermaid diagrams; should one appear, the bundle asks this site for
assets/javascripts/mermaid.min.js (not shipped) instead of unpkg.com.

The MkDocs hook rewrites the bundle in the built site; the exported tree (nianbao.export) carries
the rewritten bundle in its overrides, so a plain ``mkdocs build`` of it writes the same file.
The core does not import Material: the bundle is found as a file of the installed package.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

BUNDLE_GLOB = "bundle.*.min.js"
JAVASCRIPTS = Path("assets") / "javascripts"


def _local(path: str) -> str:
    return f'new URL("{path}",__md_scope).href'


# Each off-site address as it stands in the bundle (a quoted string), and what replaces it.
OFF_SITE = {
    '"https://unpkg.com/resize-observer-polyfill"': _local("assets/javascripts/nianbao-resize-observer.js"),
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': _local("assets/javascripts/mermaid.min.js"),
}


def localize(text: str) -> str:
    """The bundle's text with its off-site script addresses replaced by this site's."""
    for address, local in OFF_SITE.items():
        text = text.replace(address, local)
    return text


def localize_site(site_dir: Path) -> list[Path]:
    """Rewrite the bundle of a built site in place; returns the files rewritten."""
    done = []
    for path in sorted((site_dir / JAVASCRIPTS).glob(BUNDLE_GLOB)):
        text = path.read_text(encoding="utf-8")
        local = localize(text)
        if local != text:
            path.write_text(local, encoding="utf-8")
            done.append(path)
    return done


def material_bundles() -> list[Path]:
    """The bundle files of the installed Material for MkDocs (none when it is not installed)."""
    spec = importlib.util.find_spec("material")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return []
    found: list[Path] = []
    for location in spec.submodule_search_locations:
        found += sorted((Path(location) / "templates" / JAVASCRIPTS).glob(BUNDLE_GLOB))
    return found
