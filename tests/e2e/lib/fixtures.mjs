// The real reports the browser tests type, import and compare against: the drafts in
// core/fixtures/ (written by scripts/convert-fixtures.py, checked by the core's tests), and the
// format's keys as the core exports them (core/fixtures/format-keys.json). Nothing here lists a
// key or rebuilds a draft by hand.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const dir = path.join(repoRoot, 'core/fixtures');
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));

/** The format description's keys: `formats[edition].tables[table]` → rows, columns, fields, sums. */
export const FORMAT_KEYS = readJson('format-keys.json');
const table3 = FORMAT_KEYS.formats['2021'].tables.table3;
/** 表三's seven number columns, in order (the six applicants, then 总计). */
export const T3_COLUMNS = table3.columns.map((c) => c.key);
/** 表三's six applicant columns: the parts of a row's 总计. */
export const T3_APPLICANTS = table3.sums.find((s) => s.id === 't3.row.granted').parts.map((p) => p.split('.')[2]);

const expected = readJson('expected.json');

/**
 * Each draft, with what the tests read from it: file, unit_name, unit_level, year,
 * cells ({ "table3.granted.natural": "27", … }, blank cells absent), text ({ preamble, overview,
 * problems, other }), failing (the check ids it fails) and draft (the file, parsed).
 */
export const REPORTS = fs
  .readdirSync(dir)
  .filter((name) => /^\d.*\.json$/.test(name))
  .sort()
  .map((file) => {
    const draft = readJson(file);
    const r = draft.report;
    const cells = {};
    for (const table of ['table2', 'table3', 'table4']) {
      for (const [row, cols] of Object.entries(r[table])) {
        for (const [col, value] of Object.entries(cols)) cells[`${table}.${row}.${col}`] = value;
      }
    }
    return {
      file,
      unit_name: r.unit_name,
      unit_level: r.unit_level,
      year: r.year,
      cells,
      text: { preamble: r.preamble, ...r.sections },
      failing: expected[file.replace(/\.json$/, '')].errors,
      draft,
    };
  });

/** The report whose file name starts with `prefix` ('01_' …). */
export const report = (prefix) => {
  const found = REPORTS.find((r) => r.file.startsWith(prefix));
  if (!found) throw new Error(`no fixture ${prefix} in core/fixtures`);
  return found;
};

/**
 * The draft file of report `r`, as text: the fixture itself, with automatic totals as asked
 * (off by default: published figures as printed, so the checks judge the typed totals) and,
 * when given, another format version (to test what a newer program wrote).
 */
export function draftFile(r, { autoTotals = false, version = r.draft.version } = {}) {
  const file = structuredClone(r.draft);
  file.report.auto_totals = autoTotals;
  file.version = version;
  return JSON.stringify(file, null, 2);
}
