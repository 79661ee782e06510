//! One input cell of a table.
//!
//! It shows exactly what was typed (or, for a computed total, the computed
//! value, read-only), the core's message when the text is not a valid number,
//! and the highlight of the worst failing check it takes part in. Each of
//! those is its own memo, so a keystroke elsewhere re-renders nothing here
//! unless this cell's own text, message or highlight changed.
//! Typing, keys and paste are handled once for the whole table by the grid.

use leptos::prelude::*;
use xxgk_core::format::FieldSpec;
use xxgk_core::{totals, value};

use crate::state::{use_editor, Mark};

#[component]
pub fn GridCell(field: &'static FieldSpec, col: usize, col_span: usize) -> impl IntoView {
    let state = use_editor();
    let key = field.key;
    let path = key.path();
    let computed = Memo::new(move |_| {
        state.auto_totals.track();
        state.report().with_untracked(|r| totals::is_computed(r, key))
    });
    let text = Memo::new(move |_| {
        let shown = |r: &xxgk_core::model::Report| r.raw(key).unwrap_or_default().to_string();
        if computed.get() {
            state.with_totals.with(shown)
        } else {
            state.report().with(shown)
        }
    });
    let problem = Memo::new(move |_| {
        if computed.get() {
            return None;
        }
        text.with(|t| value::parse(field.kind, t).err().map(|e| e.message()))
    });
    let mark = Memo::new(move |_| state.marks.with(|m| m.get(key)));
    let message_id = format!("msg-{path}");
    let described_by = message_id.clone();

    view! {
        <td
            colspan=col_span
            data-col=col
            class="cell"
            class=("computed", move || computed.get())
            class=("invalid", move || problem.with(Option::is_some))
            class=(Mark::Error.class(), move || mark.get() == Some(Mark::Error))
            class=(Mark::Warning.class(), move || mark.get() == Some(Mark::Warning))
        >
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                data-field=path
                aria-label=field.accessible_label()
                title=move || computed.get().then_some("自动计算：由同行或同列各项相加得出")
                prop:value=move || text.get()
                readonly=move || computed.get() || state.read_only().get()
                tabindex=move || computed.get().then_some("-1")
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then(|| described_by.clone())
            />
            {move || problem.get().map(|message| view! { <div class="cell-msg" id=message_id.clone() role="alert">{message}</div> })}
        </td>
    }
}
