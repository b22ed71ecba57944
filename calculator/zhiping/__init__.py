"""zhiping: scores official Chinese manufacturing-assessment rubrics.

Standard library only, so the same code runs on CPython 3.11+ and in the browser on Pyodide.
The only boundary is :mod:`zhiping.api` (JSON string in, JSON string out).
"""

__version__ = "0.1.0"
