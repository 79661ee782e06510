//! The format description's keys and labels as JSON, for the tools outside
//! Rust that need them (scripts/convert-fixtures.py, the browser tests'
//! page objects): core/fixtures/format-keys.json, generated from [`format`]
//! and checked current by a test, so no script keeps a list of its own.

use serde_json::{json, Value};

use super::{format, FormatVersion, TableId};
use crate::model::UnitLevel;

/// Where the generated file lives, relative to the core crate.
pub const KEYS_FILE: &str = "fixtures/format-keys.json";

/// Per edition and table: rows and columns (key and label, in reading order),
/// every input cell (path, labels, kind) and the sum and balance rules (cell
/// paths); and the unit levels (key and label).
pub fn keys_json() -> Value {
    let mut editions = serde_json::Map::new();
    for version in [FormatVersion::Trial2019, FormatVersion::Official2021] {
        let f = format(version);
        let mut tables = serde_json::Map::new();
        for id in TableId::ALL {
            let t = f.table(id);
            let mut rows: Vec<Value> = Vec::new();
            let mut cols: Vec<Value> = Vec::new();
            for field in &t.fields {
                let row = json!({ "key": field.key.row, "label": field.row_label });
                if !rows.contains(&row) {
                    rows.push(row);
                }
                let col = json!({ "key": field.key.col, "label": field.col_label });
                if !cols.iter().any(|c| c["key"] == col["key"]) {
                    cols.push(col);
                }
            }
            let fields: Vec<Value> = t
                .fields
                .iter()
                .map(|f| {
                    json!({ "path": f.key.path(), "row_label": f.row_label, "col_label": f.col_label, "kind": f.kind })
                })
                .collect();
            let paths = |keys: &[super::FieldKey]| keys.iter().map(|k| k.path()).collect::<Vec<_>>();
            let sums: Vec<Value> = t
                .sums
                .iter()
                .map(|s| json!({ "id": s.id, "total": s.total.path(), "parts": paths(&s.parts) }))
                .collect();
            tables.insert(
                id.key().to_string(),
                json!({ "rows": rows, "columns": cols, "fields": fields, "sums": sums }),
            );
        }
        let balances: Vec<Value> = f
            .balances
            .iter()
            .map(|b| {
                let paths = |keys: &[super::FieldKey]| keys.iter().map(|k| k.path()).collect::<Vec<_>>();
                json!({ "id": b.id, "left": paths(&b.left), "right": paths(&b.right) })
            })
            .collect();
        editions.insert(version.key().to_string(), json!({ "tables": tables, "balances": balances }));
    }
    let levels: Vec<Value> =
        UnitLevel::ALL.iter().map(|l| json!({ "key": l.key(), "label": l.label() })).collect();
    json!({
        "generated_by": "xxgk-core format::keys (cargo test -p xxgk-core keys_file_is_current; XXGK_WRITE_KEYS=1 rewrites it)",
        "formats": editions,
        "unit_levels": levels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_file_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(KEYS_FILE);
        let want = serde_json::to_string_pretty(&keys_json()).unwrap() + "\n";
        if std::env::var_os("XXGK_WRITE_KEYS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{KEYS_FILE} is out of date with the format description: run \
             XXGK_WRITE_KEYS=1 cargo test -p xxgk-core keys_file_is_current, then commit it"
        );
    }
}
