"""Calculator pieces of the technology innovation system ("1295"): how each table's row is laid out
on the form (its columns in the official order, grouped under their printed group headers), and a
complete answers document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zhiping.answers.tech_system_1295 import ORIGINS
from zhiping.model.tech_system_1295 import (
    PER_ROW,
    PER_SEGMENT,
    STARS,
    Column,
    ColumnGroup,
    Table,
    TechSystemRubric,
)

SEGMENT_COLUMN = "segment"  # the 环 column: on the form, a row sits in its 环's block instead
STAR_COUNTS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class FieldRun:
    """Consecutive row columns under one printed group header (``group`` None: no header)."""

    group: ColumnGroup | None
    columns: tuple[Column, ...]


def row_columns(table: Table) -> tuple[Column, ...]:
    """The columns a row of ``table`` is filled with, in the official order: not the 环 column, and
    the ★ column only where the ★ is given per row (elsewhere it is the 环 block's picker)."""
    return tuple(
        c
        for c in table.columns
        if c.id != SEGMENT_COLUMN and (c.kind != STARS or table.rating == PER_ROW)
    )


def field_runs(table: Table) -> tuple[FieldRun, ...]:
    groups = {g.id: g for g in table.groups}
    runs: list[FieldRun] = []
    for column in row_columns(table):
        group = groups.get(column.group) if column.group else None
        if runs and runs[-1].group == group and group is not None:
            runs[-1] = FieldRun(group, (*runs[-1].columns, column))
        else:
            runs.append(FieldRun(group, (column,)))
    return tuple(runs)


def calculator_context(m: TechSystemRubric) -> dict[str, Any]:
    return {
        "runs": {t.number: field_runs(t) for t in m.tables},
        "segment_rated": {t.number for t in m.tables if t.rating == PER_SEGMENT},
        "segment_header": {t.number: t.column(SEGMENT_COLUMN) for t in m.tables},
        "row_label": {t.number: t.column(t.row_label) if t.row_label else None for t in m.tables},
        "list_text": {entry.table: entry.text for entry in m.framework.lists},
        "origins": tuple(ORIGINS),  # an enterprise row (table 3) is domestic or foreign
        "star_counts": STAR_COUNTS,
    }


def example_answers(m: TechSystemRubric) -> dict[str, Any]:
    """A lithium-ion power battery in two links (cathode material, cell manufacturing), with the key
    technology, enterprise and key software lists filled, the standards list not involved."""
    return {
        "rubric": m.id,
        "product": "锂离子动力电池",
        "basis": "按产品组成环节划分",
        "segments": {"s1": {"name": "正极材料"}, "s2": {"name": "电芯制造"}},
        "tables": {
            "1": {
                "segments": {
                    "s1": {
                        "stars": 3,
                        "rows": {
                            "r1": {
                                "technology": "高镍前驱体共沉淀",
                                "application": "三元正极材料",
                                "commonality": 2,
                                "level": 3,
                                "indicators": "镍含量、振实密度、粒径分布",
                                "international": "镍含量90%以上量产",
                                "domestic": "镍含量88%小批量",
                                "gap": 2,
                                "needs_industrialization": True,
                            },
                            "r2": {
                                "technology": "单晶化烧结",
                                "commonality": 3,
                                "level": 4,
                                "gap": 1,
                                "mature": True,
                            },
                        },
                    },
                    "s2": {
                        "stars": 1,
                        "rows": {
                            "r1": {
                                "technology": "干法电极",
                                "application": "电芯极片",
                                "level": 2,
                                "gap": 3,
                                "commonality": 3,
                                "no_autonomy": True,
                            }
                        },
                    },
                }
            },
            "3": {
                "segments": {
                    "s1": {
                        "rows": {
                            "r1": {
                                "origin": "domestic",
                                "name": "某材料股份有限公司",
                                "size": "120亿元",
                                "country": "中国",
                                "product": "高镍三元正极材料",
                                "market_share": "18%",
                                "level": "domestic_leading",
                                "cooperation": 3,
                            },
                            "r2": {
                                "origin": "foreign",
                                "name": "某国际化学公司",
                                "country": "韩国",
                                "level": "international_advanced",
                                "cooperation": 2,
                            },
                        }
                    }
                }
            },
            "7": {"not_involved": True},
            "9": {
                "segments": {
                    "s2": {
                        "rows": {
                            "r1": {
                                "software": "制造执行系统（MES）",
                                "category": "production_control",
                                "overall": 3,
                                "international": "多工厂协同排程",
                                "domestic": "单工厂应用成熟",
                                "gap": 2,
                                "static_years": "2.5",
                            }
                        }
                    }
                }
            },
        },
        "meta": {"company": "示例电池企业", "date": "2026-11-23"},
    }
