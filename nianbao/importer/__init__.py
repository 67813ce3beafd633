"""Import published annual reports (HTML pages, plain text) into the YAML data.

Pipeline: bytes → text (``decode``) → a common document of headings, paragraphs, tables as grids
and images (``html_source``, ``text_source``) → statutory tables (``tables``, through the format
definitions and ``labels``) and prose (``prose``) → report and body data (``assemble``) → the
validator's findings acknowledged as 与原文一致 (``findings``) → files (``nianbao.writer``).
The command is ``cli.main``.
"""
