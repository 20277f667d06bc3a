//! Numbers as decimal text for the page (file sizes, years, chart coordinates), written with
//! integer arithmetic and serde_json's shortest float writer: the app then carries one float
//! formatter rather than also `core::fmt`'s.

/// `value` with `places` decimals, halves to even, as `format!("{value:.places$}")` writes it.
/// The rounding is of `value * 10^places` as a float, so the two can differ only for a value
/// within a rounding error of a half (0.15 is really 0.1499…): never for the sizes and years
/// the page shows, and by one last digit for a chart coordinate. Finite values under
/// 2^53 / 10^places only.
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round_ties_even() as u64;
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let whole = scaled / scale;
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = (scaled % scale).to_string();
    let zeros = "0".repeat(places as usize - fraction.len());
    format!("{sign}{whole}.{zeros}{fraction}")
}

/// The shortest text that reads back as `value`: what `value.to_string()` writes for finite
/// values from 1e-5 up to 1e16 (an integral value has no `.0`).
pub fn shortest(value: f64) -> String {
    let text = serde_json::to_string(&value).unwrap_or_default();
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_what_format_writes() {
        let values = [
            0.0,
            -0.0,
            0.04,
            0.25,
            1.25,
            1.75,
            2.5,
            3.5,
            9.96,
            10.0,
            123.456,
            5.0,
            0.999,
            1023.5,
            1_048_576.0,
            -1.25,
            -0.04,
            0.125,
            0.375,
        ];
        for v in values {
            assert_eq!(fixed(v, 0), format!("{v:.0}"), "{v}");
            assert_eq!(fixed(v, 1), format!("{v:.1}"), "{v}");
            assert_eq!(fixed(v, 2), format!("{v:.2}"), "{v}");
        }
    }

    #[test]
    fn fixed_matches_format_for_sizes_and_years() {
        for chars in (0..3_000_000u64).step_by(9_973) {
            let mb = (chars * 2) as f64 / 1_048_576.0;
            assert_eq!(fixed(mb, 1), format!("{mb:.1}"), "{chars}");
            let kb = ((chars * 2) as f64 / 1024.0).ceil();
            assert_eq!(fixed(kb, 0), format!("{kb:.0}"), "{chars}");
        }
        for days in 365..40_000 {
            let years = days as f64 / 365.0;
            assert_eq!(fixed(years, 1), format!("{years:.1}"), "{days}");
        }
    }

    #[test]
    fn shortest_writes_what_to_string_writes() {
        let values = [
            0.0,
            -0.0,
            1.0,
            40.0,
            480.0,
            0.1,
            0.3,
            153.33333333333334,
            2.0 / 3.0,
            1e-5,
            1e15,
            12.5,
        ];
        for v in values {
            assert_eq!(shortest(v), v.to_string(), "{v}");
        }
        for n in 0..500 {
            let v = n as f64 / 7.0 * 230.0;
            assert_eq!(shortest(v), v.to_string(), "{v}");
        }
    }
}
