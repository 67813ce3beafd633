"""Import published annual reports (HTML pages, plain text) into the YAML data.

Pipeline: bytes → text (``decode``) → a common document of headings, paragraphs, tables as grids
and images (``html_source``, ``text_source``) → statutory tables (``tables``, through the format
definitions and ``labels``) and prose (``prose``; part 六's fees by ``fees``) → report and body
data (``assemble``; a new body's region in ``body``, its folder name in ``slug``) → the
validator's findings acknowledged as 与原文一致 (``findings``) → files (``nianbao.writer``).
The command is ``cli.main``.
"""
