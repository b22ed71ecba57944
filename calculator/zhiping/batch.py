"""Many answers files at once (``python -m zhiping score FILE_OR_FOLDER... --summary out.csv``):
every file scored through :func:`zhiping.api.score_dict`, on every core, one summary row per file
in the order the files were given. Only the CLI imports this module; the process pool is made
only when asked for, so importing it works where no process can be started (Pyodide).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import IO, Any

from . import catalog
from .api import score_dict
from .jsonread import MAX_BYTES
from .model import LANGS
from .present.common import Words
from .present.csv_common import csv_text

# Files handed to a worker at once: large enough that a small file's result is not swamped by the
# cost of sending it back, small enough that every core stays busy until the end.
MAX_CHUNK = 64


@dataclass(frozen=True)
class FileRow:
    """What the summary says of one file. ``problems`` are ``[code] message`` (an error: the file
    was not scored) and ``! [code] message`` (a warning: scored, a figure was not used)."""

    file: str
    ok: bool
    enterprise: str = ""
    rubric: str = ""
    title: str = ""
    result: str = ""
    pairs: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()


def answer_files(paths: Iterable[str]) -> list[str]:
    """The files to score: a file as given (whatever its name), a folder as every ``*.json`` file
    under it, sorted by their path inside it (symbolic links to folders are not followed)."""
    out: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(path)
            continue
        found = [
            os.path.join(top, name)
            for top, _dirs, names in os.walk(path)
            for name in names
            if name.lower().endswith(".json")
        ]
        out += sorted(found, key=lambda f: os.path.relpath(f, path).split(os.sep))
    return out


def _unique(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The pairs with every label once (a repeated label gets " (2)", " (3)", …)."""
    seen: dict[str, int] = {}
    out = []
    for label, value in pairs:
        seen[label] = seen.get(label, 0) + 1
        out.append((label if seen[label] == 1 else f"{label} ({seen[label]})", value))
    return tuple(out)


def score_file(path: str, rubric_id: str | None = None, lang: str = "zh") -> FileRow:
    """One file's row; never raises for a bad file (it becomes a row with its problems)."""
    w = Words(catalog.ui(), lang if lang in LANGS else "zh")
    try:
        # one byte more than the limit: the api says so when the file is too large
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return FileRow(
            path, False, problems=(f"[unreadable] {w('batch.unreadable', reason=reason)}",)
        )
    result = score_dict(rubric_id, data, lang)
    rid = result.get("rubric") or ""
    known = rid in catalog.rubric_ids()
    meta = (result.get("answers") or {}).get("meta") or {}
    problems = tuple(
        [f"[{e['code']}] {e['message']}" for e in result["errors"]] if not result["ok"] else []
    ) + tuple(f"! [{e['code']}] {e['message']}" for e in result["warnings"])
    return FileRow(
        file=path,
        ok=bool(result["ok"]),
        enterprise=str(meta.get("company") or meta.get("enterprise") or ""),
        rubric=rid,
        title=catalog.rubric(rid).title.get(w.lang) if known else "",
        result=result["summary"] if result["ok"] else "",
        pairs=_unique(catalog.family_of(rid).summary(result, w)) if result["ok"] else (),
        problems=problems,
    )


def _chunk(count: int, jobs: int) -> int:
    return max(1, min(MAX_CHUNK, count // (jobs * 4)))


def score_files(
    files: Sequence[str], rubric_id: str | None = None, lang: str = "zh", jobs: int = 1
) -> Iterator[FileRow]:
    """The rows of ``files`` in their order, scored by ``jobs`` processes (1: in this process;
    also where processes cannot be started)."""
    one = partial(score_file, rubric_id=rubric_id, lang=lang)
    pool = _pool(jobs) if jobs > 1 and len(files) > 1 else None
    if pool is None:
        yield from map(one, files)
        return
    with pool:
        yield from pool.map(one, files, chunksize=_chunk(len(files), jobs))


def _pool(jobs: int) -> Any:
    """A process pool of ``jobs`` workers, or None where processes cannot be made."""
    if sys.platform == "emscripten":
        return None
    try:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=jobs)
    except (ImportError, NotImplementedError, OSError):
        return None


def summary_rows(rows: Sequence[FileRow], w: Words) -> list[list[str]]:
    """The summary table: a header, then one row per file. The fixed columns come first (file,
    enterprise, rubric id, rubric title, result, problems), then one column per sub-score label,
    in the order the labels first appear down the files (a label shared by several rubrics, such
    as an indicator's name, is one column)."""
    labels: dict[str, int] = {}
    for row in rows:
        for label, _ in row.pairs:
            labels.setdefault(label, len(labels))
    head = [
        w("batch.h_file"),
        w("batch.h_enterprise"),
        w("batch.h_rubric"),
        w("batch.h_title"),
        w("batch.h_result"),
        w("batch.h_problems"),
        *labels,
    ]
    out = [head]
    for row in rows:
        values = [""] * len(labels)
        for label, value in row.pairs:
            values[labels[label]] = value
        fixed = [row.file, row.enterprise, row.rubric, row.title, row.result]
        out.append([*fixed, " | ".join(row.problems), *values])
    return out


class Progress:
    """``done / total`` on standard error, at most once a second and once at the end; over the
    same line on a terminal, one line each otherwise."""

    def __init__(self, total: int, w: Words, stream: IO[str], every: float = 1.0) -> None:
        self.total, self.w, self.stream, self.every = total, w, stream, every
        self.tty = stream.isatty()
        self.last = time.monotonic()
        self.pending = False  # a terminal's progress line not ended yet

    def end_line(self) -> None:
        """Ends the progress line on a terminal, so that the next message starts on its own."""
        if self.pending:
            self.stream.write("\n")
            self.pending = False

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self.last < self.every:
            return
        self.last = now
        line = self.w("batch.progress", done=done, total=self.total)
        self.pending = self.tty and done < self.total
        self.stream.write(line + ("\r" if self.pending else "\n"))
        self.stream.flush()


def run(
    paths: Sequence[str],
    summary: str,
    *,
    rubric_id: str | None = None,
    lang: str = "zh",
    jobs: int | None = None,
    progress: bool | None = None,
    err: IO[str] | None = None,
) -> int:
    """Score every file of ``paths`` and write the summary CSV (UTF-8 with a BOM, CRLF, formula
    cells escaped) to the file ``summary`` ("-": standard output). Each file that could not be
    scored is reported on ``err`` (standard error). ``progress`` None: shown on a terminal only.

    Returns the exit status: 0 every file was scored (warnings allowed), 1 some could not be, 2
    the summary could not be written.
    """
    err = err if err is not None else sys.stderr
    w = Words(catalog.ui(), lang if lang in LANGS else "zh")
    files = answer_files(paths)
    jobs = jobs or os.cpu_count() or 1
    show: Progress | None = None
    if progress or (progress is None and err.isatty()):
        show = Progress(len(files), w, err)
    rows: list[FileRow] = []
    for row in score_files(files, rubric_id, lang, jobs):
        rows.append(row)
        if not row.ok:
            if show is not None:
                show.end_line()
            errors = " | ".join(p for p in row.problems if not p.startswith("!"))
            err.write(w("batch.bad_file", file=row.file, problems=errors) + "\n")
        if show is not None:
            show(len(rows))
    text = csv_text(summary_rows(rows, w))
    if summary == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        try:
            with open(summary, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            err.write(w("batch.cannot_write", path=summary, reason=reason) + "\n")
            return 2
    bad = sum(not r.ok for r in rows)
    err.write(w("batch.done", total=len(rows), bad=bad, path=summary) + "\n")
    return 1 if bad else 0
