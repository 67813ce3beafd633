"""Results kept from one build to the next, by the identity of what they were made from.

``mkdocs serve`` rebuilds the site on every save, in the same process. The loader hands back the
same objects for files whose bytes did not change (nianbao.loader), and the checks the same result
for the same objects (nianbao.checks), so a page made from the same report, body and check result
is the same page: asked for again, it comes back as the same object, and the preview writes only
the pages whose object is new (hooks/nianbao_hook.py). Everything a result is made from must be
named in its key: the objects by identity, plain values (years, switches) by value.

A memo holds what the last build and the current one asked for; ``new_build`` forgets the rest.
The objects are kept with their result, so their ids cannot be reused while the entry lives.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar, cast

T = TypeVar("T")

_Entry = tuple[tuple[object, ...], Any]


class Memo:
    def __init__(self) -> None:
        self._last: dict[Hashable, _Entry] = {}
        self._this: dict[Hashable, _Entry] = {}

    def new_build(self) -> None:
        """Start a build: what the build before the last one asked for, and the last did not, goes."""
        self._last, self._this = self._this, {}

    def get(self, kind: str, objects: Iterable[object], values: Hashable, make: Callable[[], T]) -> T:
        """make()'s result, or the one kept for the same kind, objects (by identity) and values."""
        kept = tuple(objects)
        key = (kind, tuple(id(o) for o in kept), values)
        entry = self._this.get(key) or self._last.get(key)
        if entry is None:
            entry = (kept, make())
        self._this[key] = entry
        return cast(T, entry[1])


# The site's pages (nianbao.site.build_site) and what they are made from.
PAGES = Memo()
