"""Compare a result JSON with a golden vector's expectation (used by every replay: CPython, Node,
browser)."""

from __future__ import annotations

import json
from typing import Any


def answers_text(vector: dict[str, Any]) -> str:
    if "answers_text" in vector:
        return str(vector["answers_text"])
    return json.dumps(vector["answers"], ensure_ascii=False)


def mismatches(result: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """Every way ``result`` differs from ``expect`` (empty when it matches)."""
    out: list[str] = []

    def check(what: str, got: Any, want: Any) -> None:
        if got != want:
            out.append(f"{what}: got {got!r}, expected {want!r}")

    check("ok", result["ok"], expect["ok"])
    if not result["ok"]:
        got = sorted([e["code"], e["item"]] for e in result["errors"])
        check("errors", got, sorted(expect.get("errors", [])))
        for e in result["errors"]:
            if not e["message"] or "{" in e["message"]:
                out.append(f"message not filled in: {e}")
        if "warnings" in expect:
            got_w = sorted(w["item"] for w in result["warnings"])
            check("warnings", got_w, sorted(expect["warnings"]))
        return out
    out += _family_mismatches(result, expect)
    if "level" in expect:
        check("level", result["level"]["rank"], expect["level"])
    score = result.get("score")
    if "score" in expect:
        check("score", score["exact"] if score else None, expect["score"])
    if "display" in expect:
        check("display", score["display"] if score else None, expect["display"])
    for number, points in expect.get("points", {}).items():
        q = next(q for q in result["questions"] if str(q["number"]) == number)
        check(f"points of question {number}", q["points_exact"], points)
    if "next" in expect and "tier" not in expect:
        nxt, want = result["next"], expect["next"]
        if want is None or nxt is None:
            check("next", nxt, want)
        else:
            check("next.rank", nxt["rank"], want["rank"])
            check("next.points_missing", nxt["points_missing"]["exact"], want["points_missing"])
            if "points_display" in want:
                check(
                    "next.points_display", nxt["points_missing"]["display"], want["points_display"]
                )
            check(
                "next.score_steps",
                [[s["question"], s["steps"]] for s in nxt["score_steps"]],
                want["score_steps"],
            )
            check(
                "next.scenario_raises",
                [[r["id"], r["from"], r["to"]] for r in nxt["scenario_raises"]],
                want["scenario_raises"],
            )
            if not nxt["text"] and (want["score_steps"] or want["scenario_raises"]):
                out.append("next.text is empty")
    if "warnings" in expect:
        check("warnings", sorted(w["item"] for w in result["warnings"]), sorted(expect["warnings"]))
    for q, option in expect.get("derived", {}).items():
        got = next((d["option"] for d in result["derived"] if str(d["question"]) == q), None)
        check(f"derived option of question {q}", got, option)
    for ref, total in expect.get("energy", {}).items():
        got = next(
            (e["total"] for e in result["energy"] if f"{e['question']}.{e['field']}" == ref), None
        )
        check(f"energy {ref}", got, total)
    return out


def _family_mismatches(result: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """The expectations of the tier and general assessment families."""
    out: list[str] = []

    def check(what: str, got: Any, want: Any) -> None:
        if got != want:
            out.append(f"{what}: got {got!r}, expected {want!r}")

    if "tier" in expect:
        check("tier", result["tier"]["rank"], expect["tier"])
        check("holds", [c["holds"] for c in result["checks"]], expect["holds"])
        nxt, want = result["next"], expect.get("next")
        if want is None or nxt is None:
            check("next", nxt, want)
        else:
            check("next.rank", nxt["rank"], want["rank"])
            if "upgrades" in want:  # smart-factory tiers
                got = [[u["number"], u["from"], u["to"]] for u in nxt["upgrades"]]
                check("next.upgrades", got, want["upgrades"])
                check("next.maturity_needed", nxt["maturity_needed"], want.get("maturity_needed"))
                check("next.score_needed", nxt["score_needed"], want.get("score_needed"))
                if nxt["upgrades"] and not nxt["groups"]:
                    out.append("next.groups is empty")
            for key in ("switches", "additions"):  # the national checklist's AI share
                if key in want:
                    check(f"next.{key}", nxt[key], want[key])
    if "share" in expect:
        check("share", result["share"]["percent"], expect["share"])
    if "gates" in expect:
        check("gates", {g["id"]: g["holds"] for g in result["gates"]}, expect["gates"])
    if "sub_bands" in expect:
        got = {str(i["number"]): i["sub_band"] for i in result["indicators"]}
        check("sub_bands", got, expect["sub_bands"])
    if "official" in expect:
        check("official", (result["score"] or {}).get("official"), expect["official"])
    if "stars" in expect:  # the "1295" lists: the ratings of the tables the vector names
        tables = {s[0] for s in expect["stars"]}
        got = [
            [s["table"], s["segment"], s["row"], s["advisory"], s["user"], s["outside_band"]]
            for s in result["stars"]
            if s["table"] in tables
        ]
        check("stars", got, expect["stars"])
    if "proposals" in expect:
        got = [
            [p["pool"], p["table"], p["segment"], p["row"], p["reasons"]]
            for p in result["proposals"]
        ]
        check("proposals", got, expect["proposals"])
    if "references" in expect:
        got = [[x["table"], x["segment"], x["value"]] for x in result["references"]]
        check("references", got, expect["references"])
    return out
