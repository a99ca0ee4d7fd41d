//! Time for study: seconds since 1970 in UTC, days counted in UTC, dates
//! written `YYYY-MM-DD`. `MLKG_NOW` fixes the clock (for tests and
//! scripts); without it the system clock is read.

use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable that fixes the clock.
pub const NOW_VAR: &str = "MLKG_NOW";

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// The time now: `MLKG_NOW` when it is set, else the system clock.
pub fn now() -> Result<i64, String> {
    match std::env::var(NOW_VAR) {
        Ok(text) if !text.trim().is_empty() => parse_time(&text).ok_or_else(|| {
            format!("{NOW_VAR}={text:?} is not a time; write 2027-02-15 or 2027-02-15T09:30:00Z")
        }),
        _ => Ok(SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)),
    }
}

/// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]Z` (UTC) or seconds since 1970.
pub fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<i64>() {
        return Some(secs);
    }
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t.trim_end_matches('Z'))),
        None => (text, None),
    };
    let day = parse_date(date)?;
    let mut secs = day * DAY;
    if let Some(time) = time {
        let parts: Vec<&str> = time.split(':').collect();
        let field = |i: usize, max: i64| -> Option<i64> {
            match parts.get(i) {
                None if i == 2 => Some(0),
                None => None,
                Some(p) => p.parse::<i64>().ok().filter(|v| (0..max).contains(v)),
            }
        };
        if parts.len() > 3 {
            return None;
        }
        secs += field(0, 24)? * 3600 + field(1, 60)? * 60 + field(2, 61)?;
    }
    Some(secs)
}

/// Reads `YYYY-MM-DD` as a day number (days since 1970-01-01).
pub fn parse_date(text: &str) -> Option<i64> {
    let mut it = text.trim().splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) || !(1900..=9999).contains(&y) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// The day number of a time.
pub fn day_of(secs: i64) -> i64 {
    secs.div_euclid(DAY)
}

/// A span of time ahead in words: "in 10 minutes", "tomorrow", "in 3 days".
pub fn in_words(secs: i64) -> String {
    match secs {
        s if s < 3600 => format!("in {} minutes", (s / 60).max(1)),
        s if s < DAY => format!("in {} hours", s / 3600),
        s if s < 2 * DAY => "tomorrow".to_string(),
        s => format!("in {} days", s / DAY),
    }
}

/// A day number as `YYYY-MM-DD`.
pub fn format_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A time as `YYYY-MM-DD HH:MM` (UTC).
pub fn format_time(secs: i64) -> String {
    let rem = secs.rem_euclid(DAY);
    format!(
        "{} {:02}:{:02}",
        format_day(day_of(secs)),
        rem / 3600,
        rem % 3600 / 60
    )
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days-from-civil and its inverse, proleptic Gregorian.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        for day in [-1000, 0, 11_016, 20_000, 21_000, 60_000] {
            assert_eq!(parse_date(&format_day(day)), Some(day));
        }
        assert_eq!(parse_date("2027-02-29"), None);
        assert_eq!(
            parse_date("2028-02-29").map(format_day).as_deref(),
            Some("2028-02-29")
        );
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("1970-01-02T01:02:03Z"), Some(DAY + 3723));
        assert_eq!(parse_time("1970-01-02 01:02"), Some(DAY + 3720));
        assert_eq!(parse_time("12345"), Some(12345));
        assert_eq!(parse_time("soon"), None);
        assert_eq!(parse_time("2026-12-01T25:00Z"), None);
        assert_eq!(format_time(DAY + 3723), "1970-01-02 01:02");
    }
}
