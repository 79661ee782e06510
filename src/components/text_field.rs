//! Text inputs bound to one `String` of the report: a single line
//! ([`TextField`]) or an auto-growing text area ([`TextArea`]).
//!
//! Typing coalesces into one undo step per field; while an input method is
//! composing, nothing is written until the composition ends.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CompositionEvent, Event, HtmlTextAreaElement};
use xxgk_core::checks::{TextPlace, TextSpan};
use xxgk_core::model::Report;

use crate::dom::{is_composing, scroll_to_center, target_value};
use crate::state::{use_editor, EditorState};

/// Reads and writes one text of the report.
#[derive(Clone, Copy)]
pub struct TextBinding {
    /// Stable name of the field, for undo coalescing.
    pub name: &'static str,
    pub get: fn(&Report) -> &String,
    pub get_mut: fn(&mut Report) -> &mut String,
}

impl TextBinding {
    /// The field's text, as a memo: it changes only when this field does.
    fn value(self, state: EditorState) -> Memo<String> {
        Memo::new(move |_| state.report().with(|r| (self.get)(r).clone()))
    }

    fn handlers(self, state: EditorState) -> (impl Fn(Event) + Copy, impl Fn(CompositionEvent) + Copy) {
        let write = move |ev: &Event| {
            let text = target_value(ev);
            state.type_into(self.name, |r| {
                let field = (self.get_mut)(r);
                let changed = *field != text;
                *field = text;
                changed
            });
        };
        let on_input = move |ev: Event| {
            if !is_composing(&ev) {
                write(&ev);
            }
        };
        let on_composition_end = move |ev: CompositionEvent| write(&ev);
        (on_input, on_composition_end)
    }
}

/// A labelled single-line input.
#[component]
pub fn TextField(
    label: &'static str,
    binding: TextBinding,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let state = use_editor();
    let value = binding.value(state);
    let (on_input, on_composition_end) = binding.handlers(state);
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type=kind
                name=binding.name
                placeholder=placeholder
                prop:value=move || value.get()
                readonly=move || state.read_only().get()
                on:input=on_input
                on:compositionend=on_composition_end
            />
            {(!hint.is_empty()).then(|| view! { <span class="field-hint">{hint}</span> })}
        </label>
    }
}

/// A text area that grows with its text, with an optional live character
/// count that warns above `soft_limit`.
#[component]
pub fn TextArea(
    label: String,
    binding: TextBinding,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = None)] soft_limit: Option<usize>,
    #[prop(default = true)] count: bool,
) -> impl IntoView {
    let state = use_editor();
    let value = binding.value(state);
    let (on_input, on_composition_end) = binding.handlers(state);
    let node = NodeRef::<html::Textarea>::new();
    // Fit the height to the text whenever it changes (typing, undo, a loaded draft).
    Effect::new(move |_| {
        value.track();
        if let Some(area) = node.get() {
            fit_height(area);
        }
    });
    let chars = Memo::new(move |_| value.with(|v| character_count(v)));
    let over = move || soft_limit.is_some_and(|limit| chars.get() > limit);
    view! {
        <div class="textarea-field">
            <textarea
                node_ref=node
                name=binding.name
                aria-label=label
                placeholder=placeholder
                rows="3"
                prop:value=move || value.get()
                readonly=move || state.read_only().get()
                on:input=on_input
                on:compositionend=on_composition_end
            ></textarea>
            {count.then(|| view! {
                <p class="char-count" class=("over", over) aria-live="polite">
                    {move || format!("{} 字", chars.get())}
                    {move || soft_limit.map(|limit| if over() {
                        format!("，已超过建议的 {limit} 字，请精简")
                    } else {
                        format!("（建议不超过 {limit} 字）")
                    })}
                </p>
            })}
        </div>
    }
}

thread_local! {
    /// Text areas waiting to be fitted in the next animation frame.
    static TO_FIT: std::cell::RefCell<Vec<HtmlTextAreaElement>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Whether the browser grows text areas by itself (CSS `field-sizing: content`, Chromium 123+).
    static SIZES_ITSELF: bool = web_sys::window()
        .and_then(|w| w.get("CSS"))
        .and_then(|css| js_sys::Reflect::get(&css, &"supports".into()).ok().map(|f| (css, f)))
        .and_then(|(css, f)| f.dyn_into::<js_sys::Function>().ok().map(|f| (css, f)))
        .and_then(|(css, f)| f.call2(&css, &"field-sizing".into(), &"content".into()).ok())
        .is_some_and(|r| r.is_truthy());
}

/// Grows a text area to its text. Where CSS cannot, the height is measured in
/// the next animation frame, all waiting areas together: measuring each one
/// as its text arrives would lay out the whole page once per area.
fn fit_height(area: HtmlTextAreaElement) {
    if SIZES_ITSELF.with(|s| *s) {
        return;
    }
    let first = TO_FIT.with_borrow_mut(|queue| {
        queue.push(area);
        queue.len() == 1
    });
    if first {
        request_animation_frame(|| {
            let areas = TO_FIT.with_borrow_mut(std::mem::take);
            for area in &areas {
                let _ = web_sys::HtmlElement::style(area).set_property("height", "auto");
            }
            let heights: Vec<i32> = areas.iter().map(|a| a.scroll_height()).collect();
            for (area, height) in areas.iter().zip(heights) {
                let _ =
                    web_sys::HtmlElement::style(area).set_property("height", &format!("{}px", height + 2));
            }
        });
    }
}

/// Characters as a reader counts them (the core's count, which its length check uses).
pub use xxgk_core::checks::text::character_count;

/// The text area of a text of the report, by its field name (「overview」, 「preamble」…).
pub fn text_area(name: &str) -> Option<HtmlTextAreaElement> {
    let selector = format!("textarea[name=\"{name}\"]");
    document().query_selector(&selector).ok()??.dyn_into().ok()
}

/// UTF-16 offset (what the DOM counts) of character `chars` of `text`.
pub fn utf16_at(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(char::len_utf16).sum::<usize>() as u32
}

/// Character index of UTF-16 offset `units` of `text`.
pub fn char_at(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    text.chars()
        .take_while(|c| {
            seen += c.len_utf16() as u32;
            seen <= units
        })
        .count()
}

/// Selects a passage a check is about in its text area and scrolls to it.
pub fn select_span(span: &TextSpan) {
    // The sections' areas are named by their key, the paragraphs before the tables by their path.
    let name = match span.place {
        TextPlace::TableIntro(_) => span.place.path(),
        _ => span.place.key(),
    };
    let Some(area) = text_area(name) else { return };
    let text = area.value();
    scroll_to_center(&area);
    let _ = area.focus();
    let _ = area.set_selection_range(utf16_at(&text, span.start), utf16_at(&text, span.end));
}
