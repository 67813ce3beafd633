"""What of a page the site search indexes (Pagefind reads these marks from the built pages)."""

from __future__ import annotations

# The site search (Pagefind) indexes a page's prose and headings only: the theme marks a page's
# content as the part to index, and each element with UNINDEXED in it (tables, the check panel,
# figures, links to files, contact details) stays out, so that neither the index nor a reader's
# download grows with the numbers. Markdown tables carry no attributes: the search build leaves
# every table out (nianbao.search).
UNINDEXED = "data-pagefind-ignore"


def unindexed(markdown_block: str) -> str:
    """A Markdown paragraph or list item kept out of the search index (attr_list, on its last line)."""
    return f"{markdown_block}\n{{: {UNINDEXED} }}"
