"""Build steps: load + validate the rubrics, bundle the calculator, render the pages, run mkdocs."""
