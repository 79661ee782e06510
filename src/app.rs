use leptos::prelude::*;

/// The application shell: header and the main area the editor fills.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="app-header">
            <h1>"政府信息公开工作年度报告编制"</h1>
        </header>
        <main class="app-main"></main>
    }
}
