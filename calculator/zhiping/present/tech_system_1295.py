"""Technology innovation system ("1295"): words the advisory result, or a list of problems, in one
language. Every ★ computed here is labelled advisory, not official; the rater's own ★ is what
counts (decision T7). The result gives, per list and 环, the advisory ★ with the grades it came from
and the arithmetic, a heat table of the ★ that count (text in every cell, colour only as a help),
the weakest links first, the enterprise list's reference values, the gap overview in years, and
notes for the form (the advisory ★ beside each ★ picker)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..answers.tech_system_1295 import (
    ReadTech,
    RowKey,
    answers_dict,
    cell_item,
    read_answers,
    row_item,
    stars_item,
)
from ..display import plain_number
from ..errors import Problem
from ..model.tech_system_1295 import PER_ROW, Table, TechSystemRubric
from ..scoring.tech_system_1295 import (
    NO_NUMERIC_GRADES,
    OUTSIDE_BAND,
    EnterpriseValue,
    Rating,
    RowScore,
    TableResult,
    TechResult,
    score_tech_system,
)
from .common import Words, cell, generic_label, heading, items, paragraph, table
from .common import errors_dict as common_errors_dict


def _table(r: TechSystemRubric, number: int) -> Table:
    t = r.table(number)
    assert t is not None, number
    return t


def table_name(r: TechSystemRubric, number: int, w: Words) -> str:
    return w("tech.table", number=number, name=_table(r, number).name.get(w.lang))


def segment_name(read: ReadTech, segment: str, w: Words) -> str:
    links = read.answers.segments
    for i, s in enumerate(links, start=1):
        if s.id == segment:
            return s.name or w("tech.unnamed_segment", number=i)
    return segment


def _row_number(read: ReadTech, table: int, key: RowKey) -> int:
    """The row's place (1, 2, …) within its 环 block, as the form shows it."""
    block = [k for k in read.order.get(table, ()) if k.segment == key.segment]
    return block.index(key) + 1 if key in block else 0


def row_label(r: TechSystemRubric, read: ReadTech, table: int, key: RowKey, w: Words) -> str:
    """ "表1 关键技术清单 · 正极材料 · 第2行「高镍前驱体」" (the row's name where it has one)."""
    t = _table(r, table)
    name = ""
    if t.row_label is not None and key in read.keys.get(table, ()):
        index = read.keys[table].index(key)
        value = read.answers.tables[table].rows[index].cells.get(t.row_label)
        name = value if isinstance(value, str) else ""
    where = w("tech.row", number=_row_number(read, table, key))
    if name:
        where = w("tech.row_named", row=where, name=name)
    return w(
        "tech.place",
        table=table_name(r, table, w),
        segment=segment_name(read, key.segment, w),
        rest=where,
    )


def item_label(r: TechSystemRubric, read: ReadTech | None, item: str, w: Words) -> str:
    generic = generic_label(item, w)
    if generic is not None and item not in ("product", "basis", "segments", "tables"):
        return generic
    if item in ("product", "basis", "segments", "tables"):
        return w(f"tech.item_{item}")
    kind, _, rest = item.partition(":")
    parts = rest.split(":")
    if kind == "segment":
        return w("tech.item_segment", name=segment_name(read, rest, w) if read else rest)
    number = int(parts[0]) if parts[0].isdigit() else None
    if number is None or r.table(number) is None:
        return item
    if kind == "table":
        return table_name(r, number, w)
    seg = segment_name(read, parts[1], w) if read and len(parts) > 1 else ""
    if kind in ("stars", "block") and len(parts) == 2:
        key = "tech.item_stars" if kind == "stars" else "tech.item_block"
        return w(key, table=table_name(r, number, w), segment=seg)
    if kind in ("row", "cell") and len(parts) >= 3 and read is not None:
        place = row_label(r, read, number, RowKey(parts[1], parts[2]), w)
        if kind == "row" or len(parts) < 4:
            return place
        c = _table(r, number).column(parts[3])
        return w("tech.item_cell", place=place, column=c.header.get(w.lang) if c else parts[3])
    return item


def errors_dict(
    r: TechSystemRubric, read: ReadTech | None, problems: list[Problem], w: Words
) -> dict[str, Any]:
    return common_errors_dict(r.id, problems, w, lambda i, ww: item_label(r, read, i, ww))


def band_text(low: int, high: int) -> str:
    """ "2–3★", or "1★" for a band of one."""
    return f"{low}★" if low == high else f"{low}–{high}★"


def stars(n: int) -> str:
    return "★" * n


def _num(value: Fraction) -> str:
    return plain_number(value)


# ---- the advisory ★ and where it came from -----------------------------------------------------


def _row_arithmetic(r: TechSystemRubric, t: Table, s: RowScore, w: Words) -> str:
    """ "技术发展水平等级 3，差距和赶超难度 2（反向计 4）→ (3 + 4) ÷ 2 = 3.5"."""
    parts = []
    for g in s.used:
        c = t.column(g.column)
        name = c.header.get(w.lang) if c else g.column
        key = "tech.grade_flipped" if g.flipped else "tech.grade"
        base = r.advisory.flip_base
        parts.append(w(key, name=name, entered=g.entered, counted=g.counted, base=base))
    if s.score is None:
        return w("tech.row_no_grades")
    terms = " + ".join(str(g.counted) for g in s.used)
    arithmetic = (
        _num(s.score) if len(s.used) == 1 else f"({terms}) ÷ {len(s.used)} = {_num(s.score)}"
    )
    return w("tech.row_arithmetic", grades=w("result.separator").join(parts), arithmetic=arithmetic)


def _rating_source(r: TechSystemRubric, read: ReadTech, x: Rating, w: Words) -> str:
    t = _table(r, x.table)
    if x.reason == NO_NUMERIC_GRADES:
        return w("tech.no_numeric_grades")
    lines = []
    for s in x.rows:
        key = read.key(x.table, s.row)
        lines.append(
            w(
                "tech.row_source",
                row=w("tech.row", number=_row_number(read, x.table, key)),
                text=_row_arithmetic(r, t, s, w),
            )
        )
    if x.score is None:
        lines.append(w("tech.no_grades"))
        return w("tech.lines").join(lines)
    scored = [s.score for s in x.rows if s.score is not None]
    if len(scored) > 1:
        terms = " + ".join(_num(v) for v in scored)
        lines.append(w("tech.mean", terms=terms, count=len(scored), score=_num(x.score)))
    lines.append(w("tech.rounded", score=_num(x.score), stars=x.rounded or 0))
    if x.band is not None and x.rounded is not None:
        tc = next(c for c in r.technology_classes.items if c.id == x.band.tech_class)
        which = "tech.band_kept" if x.band.stars.contains(x.rounded) else "tech.band_clamped"
        lines.append(
            w(
                which,
                tech_class=tc.name.get(w.lang),
                band=band_text(x.band.stars.min, x.band.stars.max),
                stars=x.advisory or 0,
            )
        )
    return w("tech.lines").join(lines)


def _counted(x: Rating) -> int | None:
    """The ★ that counts: the rater's own, else the advisory one."""
    return x.user if x.user is not None else x.advisory


def _weakest_first(res: TechResult) -> list[tuple[int, Rating]]:
    """Every rating with a ★ that counts, lowest ★ first, then by table (stable: 环 and row order
    kept)."""
    rated = [(c, x) for tr in res.tables for x in tr.ratings if (c := _counted(x)) is not None]
    return sorted(rated, key=lambda e: (e[0], e[1].table))


def _star_text(x: Rating, w: Words) -> str:
    if x.user is not None:
        return w("tech.user_stars", stars=stars(x.user), n=x.user)
    if x.advisory is not None:
        return w("tech.advisory_stars", stars=stars(x.advisory), n=x.advisory)
    return w("tech.no_stars")


def _note_text(r: TechSystemRubric, x: Rating, w: Words) -> str:
    label = r.advisory.label.get(w.lang)
    if x.advisory is None:
        reason = "tech.note_no_numeric" if x.reason == NO_NUMERIC_GRADES else "tech.note_no_grades"
        return w(reason, label=label)
    band = ""
    if x.band is not None:
        band = w("tech.note_band", band=band_text(x.band.stars.min, x.band.stars.max))
    score = _num(x.score) if x.score is not None else "—"
    return w(
        "tech.note", label=label, stars=stars(x.advisory), n=x.advisory, score=score, band=band
    )


def _rating_item(read: ReadTech, x: Rating) -> str:
    if x.row is None:
        return stars_item(x.table, x.segment)
    return row_item(x.table, read.key(x.table, x.row))


def _note_for(r: TechSystemRubric, read: ReadTech, x: Rating) -> str:
    t = _table(r, x.table)
    if x.row is None or t.stars_column is None:
        return stars_item(x.table, x.segment)
    return cell_item(x.table, read.key(x.table, x.row), t.stars_column.id)


def _where(r: TechSystemRubric, read: ReadTech, x: Rating, w: Words) -> str:
    if x.row is None:
        return w(
            "tech.place_segment",
            table=table_name(r, x.table, w),
            segment=segment_name(read, x.segment, w),
        )
    return row_label(r, read, x.table, read.key(x.table, x.row), w)


# ---- the blocks of the result ------------------------------------------------------------------


def _heat(r: TechSystemRubric, read: ReadTech, res: TechResult, w: Words) -> list[dict[str, Any]]:
    """One row per 环, one column per list: the ★ that counts (or the reference value)."""
    head = [w("tech.h_segment")] + [
        w("tech.h_table", number=t.number, name=t.name.get(w.lang)) for t in r.tables
    ]
    rows = []
    for link in read.answers.segments:
        line = [cell(segment_name(read, link.id, w), head=True)]
        for tr in res.tables:
            if tr.not_involved:
                line.append(cell(r.not_involved_label.get(w.lang)))
                continue
            if tr.reference:
                ev = next((e for e in tr.reference if e.segment == link.id), None)
                text = (
                    w("tech.reference_cell", value=_num(ev.value))
                    if ev is not None and ev.value is not None
                    else "—"
                )
                line.append(cell(text))
                continue
            mine = [x for x in tr.ratings if x.segment == link.id]
            counted = [c for x in mine if (c := _counted(x)) is not None]
            if not counted:
                line.append(cell("—"))
                continue
            low, high = min(counted), max(counted)
            if len(mine) == 1 or _table(r, tr.number).rating != PER_ROW:
                text = _star_text(mine[0], w)
            else:
                text = w("tech.range_cell", low=low, high=high, count=len(counted))
            out = cell(text, item=_rating_item(read, mine[0]))
            out["tone"] = low
            line.append(out)
        rows.append(line)
    return [
        heading(w("tech.heat_title")),
        paragraph(w("tech.heat_help"), "note"),
        table(w("tech.heat_title"), head, rows),
    ]


def _weakest(
    r: TechSystemRubric, read: ReadTech, res: TechResult, w: Words
) -> list[dict[str, Any]]:
    rated = _weakest_first(res)
    if not rated:
        return [heading(w("tech.weakest_title")), paragraph(w("tech.weakest_none"))]
    entries = [
        {
            "text": w("tech.weakest_entry", where=_where(r, read, x, w), stars=_star_text(x, w)),
            "item": _rating_item(read, x),
        }
        for _, x in rated
    ]
    return [heading(w("tech.weakest_title")), items(entries)]


def _ratings_table(
    r: TechSystemRubric, read: ReadTech, res: TechResult, number: int, w: Words
) -> list[dict[str, Any]]:
    tr = res.table(number)
    t = _table(r, number)
    title = table_name(r, number, w)
    if not _filled(tr) or tr.not_involved:
        return []  # listed once, with the others, by _unfilled
    if tr.reference:
        return _reference(r, read, tr.reference, number, w)
    shown = [x for x in tr.ratings if x.rows or x.user is not None]
    head = [
        w("tech.h_where"),
        w("tech.h_advisory", label=r.advisory.label.get(w.lang)),
        w("tech.h_source"),
        w("tech.h_user"),
    ]
    rows = []
    for x in shown:
        advisory = (
            w("tech.advisory_value", stars=stars(x.advisory), n=x.advisory)
            if x.advisory is not None
            else "—"
        )
        user = cell(
            w("tech.user_value", stars=stars(x.user), n=x.user)
            if x.user is not None
            else w("tech.user_none"),
            holds=None if x.band is None or x.user is None else not x.outside_band,
        )
        rows.append(
            [
                cell(_where(r, read, x, w), head=True, item=_rating_item(read, x)),
                cell(advisory),
                cell(_rating_source(r, read, x, w)),
                user,
            ]
        )
    blocks = [heading(title), table(title, head, rows)]
    if t.stars_column is not None and t.stars_column.stars and t.stars_column.stars.definitions:
        blocks.append(paragraph(w("tech.definitions_on_form"), "note"))
    return blocks


def _reference(
    r: TechSystemRubric,
    read: ReadTech,
    values: tuple[EnterpriseValue, ...],
    number: int,
    w: Words,
) -> list[dict[str, Any]]:
    title = table_name(r, number, w)
    head = [
        w("tech.h_segment"),
        w("tech.h_level_part"),
        w("tech.h_coop_part"),
        w("tech.h_reference"),
    ]
    rows = []
    for ev in values:
        if ev.level_part is None:
            level = "—"
        elif ev.only_foreign:
            level = w("tech.only_foreign", value=ev.level_part)
        else:
            level = w("tech.best_domestic", value=ev.level_part)
        coop = "—"
        if ev.cooperation_part is not None:
            terms = " + ".join(str(g) for _, g in ev.cooperation)
            coop = (
                _num(ev.cooperation_part)
                if len(ev.cooperation) == 1
                else f"({terms}) ÷ {len(ev.cooperation)} = {_num(ev.cooperation_part)}"
            )
        value = "—" if ev.value is None else _num(ev.value)
        rows.append(
            [
                cell(segment_name(read, ev.segment, w), head=True),
                cell(level),
                cell(coop),
                cell(value),
            ]
        )
    return [
        heading(title),
        paragraph(r.advisory.reference_label.get(w.lang), "note"),
        table(title, head, rows),
    ]


def _unfilled(r: TechSystemRubric, res: TechResult, w: Words) -> list[dict[str, Any]]:
    """One line for the lists marked 不涉及 and one for those not filled in yet."""
    out = []
    sep = w("result.separator")
    not_involved = [table_name(r, tr.number, w) for tr in res.tables if tr.not_involved]
    empty = [table_name(r, tr.number, w) for tr in res.tables if not _filled(tr)]
    if not_involved:
        label = r.not_involved_label.get(w.lang)
        out.append(
            paragraph(w("tech.tables_not_involved", label=label, tables=sep.join(not_involved)))
        )
    if empty:
        out.append(paragraph(w("tech.tables_empty", tables=sep.join(empty))))
    return out


def _proposals(
    r: TechSystemRubric, read: ReadTech, res: TechResult, w: Words
) -> list[dict[str, Any]]:
    """The rows proposed for each pool, with the criteria they meet (decision T20; ours)."""
    rule = r.proposal
    title = w("tech.pools_title", label=rule.label.get(w.lang))
    out = [heading(title), paragraph(rule.text.get(w.lang), "note")]
    criteria = {c.id: c for pr in rule.rules for c in pr.criteria}
    for pool in r.libraries:
        mine = [p for p in res.proposals if p.pool == pool.id]
        name = pool.name.get(w.lang)
        if not mine:
            out.append(paragraph(w("tech.pool_none", pool=name)))
            continue
        rows = []
        for p in mine:
            key = read.key(p.table, p.row)
            reasons = w("tech.reasons_sep").join(
                criteria[x.criterion].text.get(w.lang) for x in p.reasons
            )
            rows.append(
                [
                    cell(
                        row_label(r, read, p.table, key, w), head=True, item=row_item(p.table, key)
                    ),
                    cell(reasons),
                ]
            )
        caption = w("tech.pool_caption", pool=name, count=len(mine))
        out.append(table(caption, [w("tech.h_row"), w("tech.h_reasons")], rows))
    return out


def _gaps(r: TechSystemRubric, read: ReadTech, res: TechResult, w: Words) -> list[dict[str, Any]]:
    title = r.gap_overview.label.get(w.lang)
    if not res.gaps:
        return [heading(title), paragraph(w("tech.gaps_none"))]
    head = [
        w("tech.h_row"),
        w("tech.h_gap"),
        w("tech.h_gap_years"),
        w("tech.h_static"),
        w("tech.h_suggested"),
    ]
    rows = []
    for g in res.gaps:
        key = read.key(g.table, g.row)
        band = "—"
        if g.years_band is not None:
            b = g.years_band
            band = (
                w("tech.years_open", low=_num(b.min))
                if b.max is None
                else w("tech.years_zero")
                if b.max == 0
                else w("tech.years_range", low=_num(b.min), high=_num(b.max))
            )
        suggested = "—" if g.suggested is None else str(g.suggested)
        rows.append(
            [
                cell(row_label(r, read, g.table, key, w), head=True, item=row_item(g.table, key)),
                cell("—" if g.grade is None else str(g.grade)),
                cell(band),
                cell("—" if g.years is None else w("tech.years", value=_num(g.years))),
                cell(suggested, holds=g.agrees),
            ]
        )
    # the largest gaps first: by grade (blank last), then as listed
    order = sorted(range(len(rows)), key=lambda i: -(res.gaps[i].grade or 0))
    return [heading(title), table(title, head, [rows[i] for i in order])]


def _warnings(
    r: TechSystemRubric, read: ReadTech, res: TechResult, w: Words
) -> list[dict[str, Any]]:
    out = []
    for x in res.warnings:
        if x.code == OUTSIDE_BAND:
            rating = next(
                y for y in res.table(x.table).ratings if y.segment == x.segment and y.row == x.row
            )
            item = _note_for(r, read, rating)
            params = {"given": x.given, "band": band_text(x.expected.min, x.expected.max)}
        else:
            key = read.key(x.table, x.row or 0)
            gap = next(c for c in r.gap_overview.columns if c.table == x.table)
            item = cell_item(x.table, key, gap.gap)
            entry = next(g for g in res.gaps if g.table == x.table and g.row == x.row)
            years = _num(entry.years) if entry.years is not None else "—"
            params = {"given": x.given, "expected": x.expected.min, "years": years}
        label = item_label(r, read, item, w)
        out.append(
            {
                "code": x.code,
                "item": item,
                "label": label,
                "message": w(f"warnings.{x.code}", item=label, **params),
            }
        )
    for number, held in read.held.items():
        for key, _ in held:
            item = row_item(number, key)
            label = item_label(r, read, item, w)
            out.append(
                {
                    "code": "origin_missing",
                    "item": item,
                    "label": label,
                    "message": w("warnings.origin_missing", item=label),
                }
            )
    return out


def _filled(tr: TableResult) -> bool:
    """Marked 不涉及, or with a row or a ★ of the rater's."""
    if tr.not_involved:
        return True
    return any(x.rows or x.user is not None for x in tr.ratings) or any(
        e.levels or e.only_foreign or e.cooperation for e in tr.reference
    )


def result_dict(r: TechSystemRubric, read: ReadTech, w: Words) -> dict[str, Any]:
    res = score_tech_system(r, read.answers)
    notes = [
        {"for": _note_for(r, read, x), "text": _note_text(r, x, w)}
        for tr in res.tables
        for x in tr.ratings
    ]
    for tr in res.tables:
        for ev in tr.reference:
            if ev.value is not None:
                notes.append(
                    {
                        "for": f"reference:{tr.number}:{ev.segment}",
                        "text": w(
                            "tech.reference_note",
                            label=r.advisory.reference_label.get(w.lang),
                            value=_num(ev.value),
                        ),
                    }
                )
    rated = _weakest_first(res)
    weakest = rated[0][1] if rated else None
    filled = sum(1 for tr in res.tables if _filled(tr))

    product = read.answers.product or w("tech.unnamed_product")
    headline: list[dict[str, Any]] = [
        {"label": w("tech.item_product"), "value": product},
        {"label": w("tech.lists_filled"), "value": str(filled), "max": str(len(r.tables))},
    ]
    if weakest is not None:
        headline.append(
            {
                "label": w("tech.weakest"),
                "value": w(
                    "tech.weakest_value",
                    where=_where(r, read, weakest, w),
                    stars=_star_text(weakest, w),
                ),
            }
        )
    summary = (
        w(
            "tech.summary",
            product=product,
            where=_where(r, read, weakest, w),
            stars=_star_text(weakest, w),
        )
        if weakest is not None
        else w("tech.summary_none", product=product)
    )
    view: list[dict[str, Any]] = [
        paragraph(w("tech.advisory_intro", label=r.advisory.label.get(w.lang)), "note"),
        *_heat(r, read, res, w),
        *_weakest(r, read, res, w),
    ]
    for t in r.tables:
        view += _ratings_table(r, read, res, t.number, w)
    view += _unfilled(r, res, w)
    view += _proposals(r, read, res, w)
    view += _gaps(r, read, res, w)
    return {
        "ok": True,
        "rubric": r.id,
        "lang": w.lang,
        "official": False,
        "headline": headline,
        "summary": summary,
        "view": view,
        "notes": notes,
        "stars": [
            {
                "table": x.table,
                "segment": x.segment,
                "row": None if x.row is None else read.key(x.table, x.row).row,
                "advisory": x.advisory,
                "score": None if x.score is None else _num(x.score),
                "band": None if x.band is None else [x.band.stars.min, x.band.stars.max],
                "user": x.user,
                "outside_band": x.outside_band,
            }
            for tr in res.tables
            for x in tr.ratings
        ],
        "proposals": [
            {
                "pool": p.pool,
                "table": p.table,
                "segment": p.segment,
                "row": read.key(p.table, p.row).row,
                "reasons": [x.criterion for x in p.reasons],
            }
            for p in res.proposals
        ],
        "references": [
            {
                "table": tr.number,
                "segment": ev.segment,
                "value": None if ev.value is None else _num(ev.value),
            }
            for tr in res.tables
            for ev in tr.reference
        ],
        "warnings": _warnings(r, read, res, w),
    }


def score_answers(r: TechSystemRubric, raw: dict[str, Any], w: Words) -> dict[str, Any]:
    read, problems = read_answers(r, raw)
    out = errors_dict(r, read, problems, w) if problems else result_dict(r, read, w)
    out["answers"] = answers_dict(r, read)
    return out
