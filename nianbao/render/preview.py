"""The page a live preview (`mkdocs serve`) shows in place of every page while the site cannot be
built: why it was not rebuilt, the problems exactly as ``python -m nianbao check`` prints them, and
that the page reloads by itself once the file is fixed.

A page of its own, with its style inline and no asset: it is written into a preview whose theme
files were not copied, and must show whatever else is broken. It has no Content-Security-Policy, so
the live-reload script MkDocs' development server puts before ``</body>`` of every HTML page it
serves from the site folder runs there; the server does not put it into the page it answers a
missing address with, so that page (``reload_by_itself``) carries LIVE_RELOAD_JS inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..catalogue import site as words

_STYLE = """
body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #1f2328; background: #fff; line-height: 1.6; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; color: #b42318; border-bottom: 2px solid #b42318; padding-bottom: .4rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff8f7; border: 1px solid #f1c9c4;
  border-left: 4px solid #b42318; padding: .75rem 1rem; font-size: .9rem; line-height: 1.5;
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; }
  pre { background: #1c1214; border-color: #5c2b29; }
}
"""

# Where a live preview serves LIVE_RELOAD_JS from, within the site.
LIVE_RELOAD_FILE = "assets/javascripts/nianbao-livereload.js"

# MkDocs 1.6's live reload, as its own script does it: /livereload/<epoch>/<id> answers with the
# newest finished build's epoch once that is newer than <epoch> (at once for 0), else after a
# minute. The site's pages allow no inline script (their Content-Security-Policy), so MkDocs' own,
# put inline before </body>, never runs there: this one, a file of the site, does its work. It
# takes the page's epoch from that inline script; a page without one (MkDocs' server answers a
# missing address without it) asks the server for the current one.
LIVE_RELOAD_JS = """\
(function () {
  var seen = 0;
  var scripts = document.getElementsByTagName("script");
  for (var i = scripts.length - 1; i >= 0 && !seen; i--) {
    var given = /livereload[(]([0-9]+), *[0-9]+[)];\\s*$/.exec(scripts[i].textContent || "");
    if (given) { seen = parseInt(given[1], 10); }
  }
  function poll() {
    fetch("/livereload/" + seen + "/0", {cache: "no-store"}).then(function (response) {
      return response.text();
    }).then(function (text) {
      var epoch = parseInt(text, 10);
      if (seen && epoch > seen) { location.reload(); return; }
      if (epoch) { seen = epoch; }
      setTimeout(poll, 0);
    }).catch(function () { setTimeout(poll, 3000); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", poll);
  } else {
    poll();
  }
})();
"""


@dataclass(frozen=True)
class FailurePage:
    """Why the preview was not rebuilt. ``problems`` is the text the terminal shows, kept as it is
    (escaped); ``as_check``: it is what ``check`` prints, and the page says so."""

    reason: str
    problems: str
    summary: str = ""
    detail: str = ""
    as_check: bool = True

    def html(self, *, reload_by_itself: bool = False) -> str:
        """The whole HTML document."""
        title = words.PREVIEW_TITLE(reason=self.reason)
        parts = [
            "<!doctype html>",
            f'<html lang="{escape(words.LANDING_LANG())}">',
            '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="robots" content="noindex">',
            f"<title>{escape(title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            '<body><main class="nb-preview-failure">',
            f"<h1>{escape(title)}</h1>",
            f"<p>{escape(words.PREVIEW_RELOADS())}</p>",
        ]
        if self.detail:
            parts.append(f"<p>{escape(self.detail)}</p>")
        if self.as_check:
            parts.append(f"<h2>{escape(words.PREVIEW_PROBLEMS())}</h2>")
        parts.append(f"<pre>{escape(self.problems)}</pre>")
        if self.summary:
            parts.append(f"<p><strong>{escape(self.summary)}</strong></p>")
        parts.append("</main>")
        if reload_by_itself:
            parts.append(f"<script>{LIVE_RELOAD_JS}</script>")
        parts.append("</body></html>\n")
        return "\n".join(parts)
