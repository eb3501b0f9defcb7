"""Sphinx configuration: MyST pages, furo theme, API reference from docstrings."""

import sys
from importlib.metadata import version as _version
from pathlib import Path

# Our own small extensions render pages from the library itself, so they cannot drift.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "salesroles"
author = "The salesroles developers"
copyright = "2026, The salesroles developers"
release = _version("salesroles")
version = ".".join(release.split(".")[:2])

extensions = [
    # MyST-NB reads the MyST pages and runs the tutorial notebooks, so their plots are drawn
    # by the library at every build (no image is committed).
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "rules_catalogue",
    "wire_schema",
    "frame_dtypes",
    "labels_glossary",
]

exclude_patterns = ["_build"]
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"salesroles {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}
# Google-style "Attributes:" become fields, not duplicate attribute entries of attrs classes.
napoleon_use_ivar = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
