"""Command line: ``python -m zhiping score answers.json [--lang en] [--format text|csv|envelope]``.

``--format envelope`` prints the answers file the calculator exports (the current file format,
whatever the version of the file given); notices of its migration go to standard error.

``python -m zhiping score FILE_OR_FOLDER... --summary summary.csv [--jobs N] [--progress]`` scores
many files at once, one CSV row each (:mod:`zhiping.batch`).

Exit status: 0 scored, 1 the answers have problems (listed; with --summary: some file could not
be scored), 2 the command itself is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import __version__, catalog
from .api import export_csv, export_json, score_dict
from .jsonread import MAX_BYTES


def _text(result: dict[str, Any]) -> str:
    if not result["ok"]:
        lines = [result["title"]]
        lines += [f"  - [{e['code']}] {e['message']}" for e in result["errors"]]
        lines += [f"  ! [{e['code']}] {e['message']}" for e in result["warnings"]]
        return "\n".join(lines)
    if "view" in result:
        return _view_text(result)
    lines = [result["summary"], ""]
    for dim in result["dimensions"]:
        lines.append(f"{dim['name']}: {dim['points']} / {dim['max']}")
        for ind in dim["indicators"]:
            lines.append(f"    {ind['name']}: {ind['points']} / {ind['max']}")
    lines.append("")
    for lv in result["levels"]:
        mark = "✓" if lv["holds"] else "✗"
        lines.append(f"{mark} {lv['label']}")
        for c in lv["conditions"]:
            lines.append(f"    {'✓' if c['holds'] else '✗'} {c['text']}")
    if result["warnings"]:
        lines.append("")
    for warn in result["warnings"]:
        lines.append(f"! {warn['message']}")
    nxt = result["next"]
    if nxt:
        lines += ["", nxt["intro"], *[f"  - {t}" for t in nxt["text"]]]
    return "\n".join(lines)


def _marked(entry: dict[str, Any]) -> str:
    holds = entry.get("holds")
    return entry["text"] if holds is None else f"{'✓' if holds else '✗'} {entry['text']}"


def _view_text(result: dict[str, Any]) -> str:
    """A result given as view blocks (every family but the first), as plain text."""
    lines = [result["summary"]]
    for block in result["view"]:
        kind = block["type"]
        if kind == "heading":
            lines += ["", block["text"]]
        elif kind == "paragraph":
            lines.append(block["text"])
        elif kind == "list":
            lines += [f"  - {_marked(i)}" for i in block["items"]]
        elif kind == "table":
            lines.append("  " + " | ".join(block["head"]))
            lines += ["  " + " | ".join(_marked(c) for c in row["cells"]) for row in block["rows"]]
        # a chart ("bars") is always followed by a table of the same figures
    lines += [f"! {w['message']}" for w in result["warnings"]]
    return "\n".join(lines)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zhiping", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    sc = sub.add_parser("score", help="score an answers file (- reads standard input)")
    sc.add_argument("answers", nargs="+", metavar="FILE_OR_FOLDER")
    sc.add_argument("--lang", choices=["zh", "en"], default="zh")
    sc.add_argument("--format", choices=["json", "text", "csv", "envelope"], default="json")
    sc.add_argument("--rubric", choices=catalog.rubric_ids(), default=None)
    sc.add_argument(
        "--summary",
        metavar="CSV",
        help="score every file (a folder: its *.json files) into one CSV row each (- stdout)",
    )
    sc.add_argument("--jobs", type=_positive, default=None, help="processes (default: every core)")
    sc.add_argument("--progress", action="store_true", default=None, help="show progress")
    sub.add_parser("rubrics", help="list the rubric ids this build can score")
    args = parser.parse_args(argv)
    if args.command == "rubrics":
        print("\n".join(catalog.rubric_ids()))
        return 0
    if args.summary is not None:
        if "-" in args.answers:
            parser.error("--summary reads files and folders, not standard input")
        from .batch import run  # the process pool only for this command

        return run(
            args.answers,
            args.summary,
            rubric_id=args.rubric,
            lang=args.lang,
            jobs=args.jobs,
            progress=args.progress,
        )
    if len(args.answers) != 1 or args.jobs is not None or args.progress:
        parser.error("several files, --jobs and --progress go with --summary")
    args.answers = args.answers[0]
    try:
        # Bytes, at most one more than the limit: the api decodes them strictly and says so when
        # the file is too large or not UTF-8 (a text-mode read would raise or echo bad bytes).
        if args.answers == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(args.answers, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        parser.error(f"cannot read {args.answers}: {exc.strerror}")
    if args.format == "csv":
        result = json.loads(export_csv(args.rubric, data, args.lang))
        shown = result["text"].rstrip("\r\n") if result["ok"] else _text(result)
    elif args.format == "envelope":
        result = json.loads(export_json(args.rubric, data, args.lang))
        shown = result["text"].rstrip("\n") if result["ok"] else _text(result)
        for n in result.get("notices", []):
            print(f"! [{n['code']}] {n['message']}", file=sys.stderr)
    else:
        result = score_dict(args.rubric, data, args.lang)
        shown = (
            _text(result)
            if args.format == "text"
            else json.dumps(result, ensure_ascii=False, indent=2)
        )
    # Every echoed string is printable already; UTF-8 whatever the terminal's locale says.
    sys.stdout.buffer.write((shown + "\n").encode("utf-8", "backslashreplace"))
    sys.stdout.flush()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
