//! The time, as the browser knows it (local time zone for display).

use wasm_bindgen::JsValue;

/// Now, in ms since 1970 (UTC).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn date(ms: u64) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(ms as f64))
}

/// 「14:03:21」 in local time.
pub fn time_of_day(ms: u64) -> String {
    let d = date(ms);
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

/// 「2024-01-15 14:03」 in local time.
pub fn date_time(ms: u64) -> String {
    let d = date(ms);
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The calendar year now, in local time.
pub fn current_year() -> u16 {
    js_sys::Date::new_0().get_full_year() as u16
}

/// The year a new report is about (core's rule: the year just ended).
pub fn report_year() -> u16 {
    xxgk_core::year::year_just_ended(current_year())
}

/// 32 random bits for new draft ids.
pub fn entropy() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}
