#!/usr/bin/env python3
"""Convert the transcribed real reports into draft files (docs/draft-format.md).

    python3 scripts/convert-fixtures.py [SOURCE_DIR] [OUT_DIR]

Run by hand; nothing in the build or the tests runs it. SOURCE_DIR (default
../shared/fixtures next to the repository) holds real-reports.json and the
NN_*.txt transcriptions; OUT_DIR (default core/fixtures) receives one
<file-stem>.json draft per report and expected.json, the check results the
core must give for each (used by core/tests/fixtures.rs). The reports are
transcribed as published: totals typed (auto_totals off), blank cells absent.

Run it again after changing the transcriptions; the output is deterministic
and written exactly as the core's draft::to_json writes it. The browser
tests read the same drafts (tests/e2e/lib/fixtures.mjs).

Row and column keys are not listed here: cells are found by their labels in
core/fixtures/format-keys.json, which the core generates from its format
description (format::keys, checked current by `cargo test`).
"""

import json
import re
import sys
from pathlib import Path

SCHEMA = "xxgk-report/draft"
VERSION = 3

ROOT = Path(__file__).resolve().parent.parent
KEYS = json.loads((ROOT / "core" / "fixtures" / "format-keys.json").read_text(encoding="utf-8"))
FORMAT = KEYS["formats"]["2021"]["tables"]

# Unit levels: the transcription's level text (its start) → the draft's key.
LEVELS = [
    ("地级市", "city_government"),
    ("市/县级政府", "county_government"),
    ("县级部门", "local_department"),
    ("乡镇", "township"),
]
if unknown := {key for _, key in LEVELS} - {level["key"] for level in KEYS["unit_levels"]}:
    sys.exit(f"convert-fixtures: unknown unit levels {unknown}")

# The transcription's own words for some labels → the label the format prints.
TABLE2_ALIASES = {"规范性文件": "行政规范性文件"}  # 「规范性文件」 (sic) in some reports
TABLE3_RESULTS = "三、本年度办理结果 "  # prefix of the first result rows' transcribed labels
TABLE4_BLOCKS = {"复议": "行政复议", "直诉": "行政诉讼 未经复议直接起诉", "复议后诉": "行政诉讼 复议后起诉"}
TABLE4_OUTCOMES = {"维持": "结果维持", "纠正": "结果纠正", "其他": "其他结果", "未结": "尚未审结", "总计": "总计"}
# Names used in the `errors` sentences of real-reports.json.
TABLE4_BLOCK_NAMES = {"复议": "行政复议", "直接起诉": "行政诉讼 未经复议直接起诉", "复议后起诉": "行政诉讼 复议后起诉"}


def key_of(items, label, what):
    """The key of the row or column labelled `label` in the format description."""
    found = next((item["key"] for item in items if item["label"] == label), None)
    if found is None:
        fail(f"no {what} labelled {label!r} in format-keys.json")
    return found


def cell_path(table, row_label, col_label):
    """table → 'table.row.col' of the cell with these labels."""
    for field in FORMAT[table]["fields"]:
        if field["row_label"] == row_label and field["col_label"] == col_label:
            return field["path"].split(".")[1:]
    fail(f"no {table} cell {row_label!r} · {col_label!r} in format-keys.json")


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
    headers = []
    for line in lines:
        if not line.startswith("  "):
            # A band: 「第二十条第（一）项: 信息内容 | 本年制发件数 | …」 names the columns below it.
            headers = [part.strip() for part in line.split("|")][1:]
            continue
        if line.strip().startswith("["):
            continue  # rows missing on the page
        label, *values = [part.strip() for part in line.split("|")]
        label = re.sub(r"\s*\(.*\)$", "", label)  # the transcriber's note, e.g. 「(sic; …)」
        label = TABLE2_ALIASES.get(label, label)
        if len(values) != len(headers):
            fail(f"表二 row {label!r}: {len(values)} values for {len(headers)} columns")
        for header, value in zip(headers, values):
            row, col = cell_path("table2", label, header)
            set_cell(out, row, col, None if value == "(blank)" else value)
    return out


def table3_rows(report):
    """The transcribed 表三 row labels → row keys, every row checked against the format's."""
    rows = {}
    for label in report["table3"]:
        rows[label] = key_of(FORMAT["table3"]["rows"], label.removeprefix(TABLE3_RESULTS), "表三 row")
    if list(rows.values()) != [row["key"] for row in FORMAT["table3"]["rows"]]:
        fail(f"{report['file']}: 表三 rows are not the template's, in its order")
    return rows


def table3(report):
    if report["single_row_other"]:
        fail(f"{report['file']}: 2019-style single （六） row is not handled")
    cols = [key_of(FORMAT["table3"]["columns"], c, "表三 column") for c in report["table3_columns"]]
    out = {}
    for label, row in table3_rows(report).items():
        for col, value in zip(cols, report["table3"][label]):
            set_cell(out, row, col, value)
    return out


def table4(cells):
    out = {}
    for name, value in cells.items():
        block, outcome = name.split("_")
        row, col = cell_path("table4", TABLE4_BLOCKS[block], TABLE4_OUTCOMES[outcome])
        set_cell(out, row, col, value)
    return out


def level(report):
    found = next((key for prefix, key in LEVELS if report["level"].startswith(prefix)), None)
    if found is None:
        fail(f"{report['file']}: unknown unit level {report['level']!r}")
    return found


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
            "unit_level": level(report),
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
            "verified": [],
        },
    }


def error_ids(report):
    """The check ids behind the `errors` sentences of real-reports.json."""
    rows = table3_rows(report)
    col = lambda label: key_of(FORMAT["table3"]["columns"], label, "表三 column")
    ids = []
    for sentence in report["errors"]:
        if m := re.match(r"column (\S+): 一\+二", sentence):
            ids.append(f"t3.balance.{col(m.group(1))}")
        elif m := re.match(r"column (\S+): \(七\)总计", sentence):
            ids.append(f"t3.col.{col(m.group(1))}")
        elif m := re.match(r"row “(.+)”: six columns", sentence):
            ids.append(f"t3.row.{rows[m.group(1)]}")
        elif m := re.match(r"表四 (\S+):", sentence):
            block = key_of(FORMAT["table4"]["rows"], TABLE4_BLOCK_NAMES[m.group(1)], "表四 block")
            ids.append(f"t4.sum.{block}")
        else:
            fail(f"{report['file']}: cannot map error {sentence!r}")
    return ids


def blank_tables(report_json):
    """Tables with blank cells: what the export-time warnings must list."""
    r = report_json["report"]
    return [
        f"blank.{t}"
        for t in ("table2", "table3", "table4")
        if sum(len(cols) for cols in r[t].values()) < len(FORMAT[t]["fields"])
    ]


def main():
    source = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "fixtures")
    out_dir = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "core" / "fixtures")
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
