"""nianbao: China's 政府信息公开工作年度报告 kept as YAML, checked, and published as a static site.

The package never imports mkdocs: ``hooks/nianbao_hook.py`` adapts it to MkDocs, and
``python -m nianbao`` checks data, writes the JSON Schemas and imports published reports.
"""

__version__ = "0.1.0"
