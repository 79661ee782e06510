//! The column widths every drawing of an official table shares (the input grid and the preview),
//! from its [`TableSpec`](xxgk_core::format::TableSpec). The label cells' classes are
//! [`crate::grid::markup::label_class`].

use leptos::prelude::*;

/// The column widths (any unit), as shares of the table width.
pub fn col_group(widths: &[u32]) -> impl IntoView {
    let total: u32 = widths.iter().sum::<u32>().max(1);
    let cols = widths
        .iter()
        .map(|w| {
            // Hundredths of a percent, in integers (no float formatting in the wasm).
            let share = w * 10_000 / total;
            // Set through the CSSOM (style.setProperty), which the CSP allows without style-src-attr.
            view! { <col style:width=format!("{}.{:02}%", share / 100, share % 100) /> }
        })
        .collect_view();
    view! { <colgroup>{cols}</colgroup> }
}
