//! The app's wasm keeps its relocations (`--emit-relocs`) and exports its function table
//! (`--export-table`): scripts/split-wasm.mjs needs both to split it into the editor and the parts
//! loaded on demand (docs/first-load.md). Without the export, a wasm built for Chromium 80 (no
//! reference types: call_indirect carries no table relocation) comes out of the split with two
//! tables, which wasm-bindgen refuses. Only that bin, only on wasm; the workers link as before.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        println!("cargo:rustc-link-arg-bin=xxgk-report-web=--emit-relocs");
        println!("cargo:rustc-link-arg-bin=xxgk-report-web=--export-table");
    }
}
