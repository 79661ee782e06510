#!/usr/bin/env python3
"""Convert the transcribed real reports into draft files (docs/draft-format.md).

    python3 scripts/convert-fixtures.py [SOURCE_DIR] [OUT_DIR]

SOURCE_DIR (default /work/shared/fixtures) holds real-reports.json and the
NN_*.txt transcriptions; OUT_DIR (default core/fixtures) receives one
<file-stem>.json draft per report and expected.json, the check results the
core must give for each (used by core/tests/fixtures.rs). The reports are
transcribed as published: totals typed (auto_totals off), blank cells absent.

Run it again after changing the transcriptions; the output is deterministic
and written exactly as the core's draft::to_json writes it.
"""

import json
import re
import sys
from pathlib import Path

SCHEMA = "xxgk-report/draft"
VERSION = 2

# Unit levels, by file number (see the fixtures README's table).
LEVELS = {
    "01": "county_government",  # 平潭综合实验区, whole-zone summary report
    "02": "county_government",
    "05": "local_department",
    "06": "local_department",
    "08": "township",  # 君山片区管理局
    "10": "local_department",
    "11": "local_department",
    "12": "city_government",  # 淮安市人民政府
}

# 表三 row keys in template order (2021 format), with a fragment of each
# transcribed label to make sure the order is the one we expect.
TABLE3_ROWS = [
    ("new_received", "一、本年新收"),
    ("carried_over", "二、上年结转"),
    ("granted", "（一）予以公开"),
    ("partly_granted", "（二）部分公开"),
    ("withheld_state_secret", "（三）不予公开 1."),
    ("withheld_prohibited_by_law", "（三）不予公开 2."),
    ("withheld_three_safeties", "（三）不予公开 3."),
    ("withheld_third_party", "（三）不予公开 4."),
    ("withheld_internal_affairs", "（三）不予公开 5."),
    ("withheld_process_info", "（三）不予公开 6."),
    ("withheld_enforcement_files", "（三）不予公开 7."),
    ("withheld_inquiry", "（三）不予公开 8."),
    ("unavailable_not_held", "（四）无法提供 1."),
    ("unavailable_needs_creation", "（四）无法提供 2."),
    ("unavailable_still_unclear", "（四）无法提供 3."),
    ("declined_petition", "（五）不予处理 1."),
    ("declined_repeat", "（五）不予处理 2."),
    ("declined_publication", "（五）不予处理 3."),
    ("declined_excessive", "（五）不予处理 4."),
    ("declined_confirmation", "（五）不予处理 5."),
    ("other_no_correction", "（六）其他处理 1."),
    ("other_unpaid_fee", "（六）其他处理 2."),
    ("other_misc", "（六）其他处理 3."),
    ("total_handled", "（七）总计"),
    ("carried_forward", "四、结转下年度"),
]
TABLE3_COLUMNS = {
    "自然人": "natural",
    "商业企业": "business",
    "科研机构": "research",
    "社会公益组织": "nonprofit",
    "法律服务机构": "legal",
    "其他": "other_org",
    "总计": "total",
}
TABLE4_BLOCKS = {"复议": "review", "直诉": "suit_direct", "复议后诉": "suit_after_review"}
TABLE4_OUTCOMES = {"维持": "upheld", "纠正": "corrected", "其他": "other", "未结": "pending", "总计": "total"}
# Names used in the `errors` sentences of real-reports.json.
TABLE4_BLOCK_NAMES = {"复议": "review", "直接起诉": "suit_direct", "复议后起诉": "suit_after_review"}

# 表二 rows as transcribed (label prefix) → (row key, column keys).
TABLE2_ROWS = [
    ("规章", "rules", ["issued", "repealed", "in_force"]),
    ("行政规范性文件", "normative_docs", ["issued", "repealed", "in_force"]),
    ("规范性文件", "normative_docs", ["issued", "repealed", "in_force"]),  # 「规范性文件」 (sic)
    ("行政许可", "licensing", ["decisions"]),
    ("行政处罚", "penalty", ["decisions"]),
    ("行政强制", "coercion", ["decisions"]),
    ("行政事业性收费", "fees", ["amount"]),
]
TABLE2_CELLS = 3 + 3 + 1 + 1 + 1 + 1

# Warnings expected on top of the listed errors, with the reason.
EXPECTED_WARNINGS = {
    # README: 现行有效 0 < 制发 5 with 0 repealed.
    # 表四's 2 + 0 + 19 (computed) or 15 cases against 2 applications.
    "11_pingtan-shehui-shiyeju-2024": ["t2.in_force.normative_docs", "plausible.appeals"],
}
# Cross-year warnings when last year's fixture is given as `previous`.
EXPECTED_CROSS_WARNINGS = {
    # domain.md: 平潭自然资源局 2023 现行有效 35 ≠ 32 + 2 − 1.
    "06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023": ["cross.in_force.normative_docs"],
}


def fail(msg):
    sys.exit(f"convert-fixtures: {msg}")


def unit_name(org):
    """「平潭综合实验区（福建省；…）」 → 「平潭综合实验区」."""
    return re.split(r"（| \(", org, maxsplit=1)[0].strip()


def set_cell(table, row, col, value):
    if value is None:
        return
    text = str(value).strip()
    if text:
        table.setdefault(row, {})[col] = text


def table2(lines):
    out = {}
    for line in lines:
        if not line.startswith("  ") or line.strip().startswith("["):
            continue  # band headers, and rows missing on the page
        label, *values = [part.strip() for part in line.split("|")]
        match = next((m for m in TABLE2_ROWS if label.startswith(m[0])), None)
        if match is None:
            fail(f"unknown 表二 row {label!r}")
        _, row, cols = match
        if len(values) != len(cols):
            fail(f"表二 row {label!r}: {len(values)} values for {len(cols)} columns")
        for col, value in zip(cols, values):
            set_cell(out, row, col, None if value == "(blank)" else value)
    return out


def table3(report):
    if report["single_row_other"]:
        fail(f"{report['file']}: 2019-style single （六） row is not handled")
    cols = [TABLE3_COLUMNS[c] for c in report["table3_columns"]]
    labels = list(report["table3"])
    if len(labels) != len(TABLE3_ROWS):
        fail(f"{report['file']}: {len(labels)} 表三 rows")
    out = {}
    for label, (row, fragment) in zip(labels, TABLE3_ROWS):
        if fragment not in label:
            fail(f"{report['file']}: 表三 row {label!r} is not {row}")
        for col, value in zip(cols, report["table3"][label]):
            set_cell(out, row, col, value)
    return out


def table4(cells):
    out = {}
    for name, value in cells.items():
        block, outcome = name.split("_")
        set_cell(out, TABLE4_BLOCKS[block], TABLE4_OUTCOMES[outcome], value)
    return out


def narratives(txt):
    """The first paragraph of each section and the 落款, from the transcription."""
    found, current = {}, None
    in_section = False
    for line in txt.splitlines():
        if line.startswith("== Narrative"):
            in_section = True
            continue
        if in_section and line.startswith("== "):
            break
        if not in_section:
            continue
        heading = re.fullmatch(r"\[(.+)\]", line.strip())
        if heading:
            current = heading.group(1)
            continue
        if current and line.strip():
            # Drop the transcriber's bracketed summary of the rest of the section.
            text = re.sub(r"\s*\[[^\]]*\]\s*$", "", line.strip())
            found[current] = (found.get(current, "") + "\n" + text).strip()
    pick = lambda prefix: next((v for k, v in found.items() if k.startswith(prefix)), "")
    signature_org, signature_date = "", ""
    closing = pick("落款")
    if closing:
        m = re.fullmatch(r"(.+?)[\s\u3000]+(\d{4})年(\d{1,2})月(\d{1,2})日", closing)
        if not m:
            fail(f"unreadable 落款 {closing!r}")
        signature_org = m.group(1)
        signature_date = f"{m.group(2)}-{int(m.group(3)):02}-{int(m.group(4)):02}"
    return {
        "preamble": pick("preamble"),
        "overview": pick("一、"),
        "problems": pick("五、"),
        "other": pick("六、"),
        "signature_org": signature_org,
        "signature_date": signature_date,
    }


def draft(report, txt):
    year = int(report["year"])
    if report["format_note"] != "2021":
        fail(f"{report['file']}: format {report['format_note']} is not handled")
    text = narratives(txt)
    sort = lambda table: {row: dict(sorted(cols.items())) for row, cols in sorted(table.items())}
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "report": {
            "unit_name": unit_name(report["org"]),
            "unit_level": LEVELS[report["file"][:2]],
            "year": year,
            "format": "2021",
            "doc_number": "",
            "title_form": "annual",
            "addressee": "",
            "preamble": text["preamble"],
            "sections": {"overview": text["overview"], "problems": text["problems"], "other": text["other"]},
            "table_intros": {"table2": "", "table3": "", "table4": ""},
            "table2": sort(table2(report["table2_lines"])),
            "table3": sort(table3(report)),
            "table4": sort(table4(report["table4"])),
            "signature_org": text["signature_org"],
            "signature_date": text["signature_date"],
            "imprint_org": "",
            "imprint_date": "",
            # Transcribed as published: the printed totals are the data.
            "auto_totals": False,
            "previous": None,
        },
    }


def error_ids(report):
    """The check ids behind the `errors` sentences of real-reports.json."""
    labels = {label: row for label, (row, _) in zip(report["table3"], TABLE3_ROWS)}
    ids = []
    for sentence in report["errors"]:
        if m := re.match(r"column (\S+): 一\+二", sentence):
            ids.append(f"t3.balance.{TABLE3_COLUMNS[m.group(1)]}")
        elif m := re.match(r"column (\S+): \(七\)总计", sentence):
            ids.append(f"t3.col.{TABLE3_COLUMNS[m.group(1)]}")
        elif m := re.match(r"row “(.+)”: six columns", sentence):
            ids.append(f"t3.row.{labels[m.group(1)]}")
        elif m := re.match(r"表四 (\S+):", sentence):
            ids.append(f"t4.sum.{TABLE4_BLOCK_NAMES[m.group(1)]}")
        else:
            fail(f"{report['file']}: cannot map error {sentence!r}")
    return ids


def blank_tables(report_json):
    """Tables with blank cells: what the export-time warnings must list."""
    r = report_json["report"]
    counts = {"table2": TABLE2_CELLS, "table3": 25 * 7, "table4": 15}
    return [
        f"blank.{t}" for t, n in counts.items() if sum(len(cols) for cols in r[t].values()) < n
    ]


def main():
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/fixtures")
    out_dir = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).parent.parent / "core" / "fixtures")
    out_dir.mkdir(parents=True, exist_ok=True)
    reports = json.loads((source / "real-reports.json").read_text(encoding="utf-8"))
    drafts, expected = {}, {}
    for report in reports:
        stem = Path(report["file"]).stem
        txt = (source / report["file"]).read_text(encoding="utf-8")
        d = draft(report, txt)
        drafts[stem] = d
        if report["reconciles"] != (not report["errors"]):
            fail(f"{stem}: `reconciles` disagrees with `errors`")
        expected[stem] = {
            "errors": error_ids(report),
            "warnings": EXPECTED_WARNINGS.get(stem, []),
            "export_warnings": blank_tables(d),
        }
    # Cross-year pairs: the same unit's report for the year before.
    for stem, d in drafts.items():
        r = d["report"]
        last = next(
            (s for s, o in drafts.items() if o["report"]["unit_name"] == r["unit_name"] and o["report"]["year"] == r["year"] - 1),
            None,
        )
        if last:
            expected[stem]["with_previous"] = {
                "previous": last,
                "errors": expected[stem]["errors"],
                "warnings": expected[stem]["warnings"] + EXPECTED_CROSS_WARNINGS.get(stem, []),
            }
    for stem, d in drafts.items():
        write(out_dir / f"{stem}.json", d)
    write(out_dir / "expected.json", expected)
    print(f"wrote {len(drafts)} drafts and expected.json to {out_dir}")


def write(path, value):
    # serde_json's pretty printer: two-space indent, "key": value, UTF-8 as is.
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
