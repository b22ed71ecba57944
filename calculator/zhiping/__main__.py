"""Command line: ``python -m zhiping score answers.json [--lang en] [--format text]``.

Prints the same result JSON the browser gets (or a readable summary with ``--format text``).
Exit status: 0 scored, 1 the answers have problems (listed), 2 the command itself is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import __version__, catalog
from .api import score_dict


def _text(result: dict[str, Any]) -> str:
    if not result["ok"]:
        lines = [result["title"]]
        lines += [f"  - [{e['code']}] {e['message']}" for e in result["errors"]]
        return "\n".join(lines)
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
    nxt = result["next"]
    if nxt:
        lines += ["", nxt["intro"], *[f"  - {t}" for t in nxt["text"]]]
    for warn in result["warnings"]:
        lines += ["", f"! {warn['message']}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zhiping", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    sc = sub.add_parser("score", help="score an answers file (- reads standard input)")
    sc.add_argument("answers")
    sc.add_argument("--lang", choices=["zh", "en"], default="zh")
    sc.add_argument("--format", choices=["json", "text"], default="json")
    sc.add_argument("--rubric", choices=catalog.rubric_ids(), default=None)
    sub.add_parser("rubrics", help="list the rubric ids this build can score")
    args = parser.parse_args(argv)
    if args.command == "rubrics":
        print("\n".join(catalog.rubric_ids()))
        return 0
    try:
        if args.answers == "-":
            text = sys.stdin.read()
        else:
            with open(args.answers, encoding="utf-8") as fh:
                text = fh.read()
    except OSError as exc:
        parser.error(f"cannot read {args.answers}: {exc.strerror}")
    result = score_dict(args.rubric, text, args.lang)
    if args.format == "text":
        print(_text(result))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
