"""The MkDocs adapter: the only code that imports mkdocs, material or jinja2."""
