//! Dates and times in each language's form: the month's name and the order of day, month and
//! year come from the catalogue (`date-long`, `month-1`…), the digits from [`Tr::digits`].
//! Claimdesk keeps times as RFC 3339 text in UTC; reports show them as "28 November 2026,
//! 10:00 UTC" in the report's language.

use crate::catalog::Tr;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParts {
    /// The year (2026).
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeParts {
    /// 0–23.
    pub hour: u8,
    /// 0–59.
    pub minute: u8,
}

impl DateParts {
    /// The date at the start of `text` when it is `YYYY-MM-DD` (a date or an RFC 3339
    /// date-time), with a real month and day.
    pub fn parse(text: &str) -> Option<DateParts> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .filter(|d| d.iter().all(u8::is_ascii_digit))
                .and_then(|_| text[r].parse::<u32>().ok())
        };
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        if b.get(10).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Some(DateParts {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl Tr {
    /// A date in words: "28 November 2026", "28 de noviembre de 2026", "28. November 2026".
    pub fn date(self, date: DateParts) -> String {
        let month = self.text(MONTHS[usize::from(date.month.clamp(1, 12)) - 1]);
        self.with(
            "date-long",
            &[
                ("day", self.digits(i64::from(date.day)).into()),
                ("month", month.into()),
                ("year", self.digits(i64::from(date.year)).into()),
            ],
        )
    }

    /// An RFC 3339 UTC time (`2026-11-28T10:00:00Z`) as "28 November 2026, 10:00 UTC"; a time
    /// with another offset, or text that is not a time, comes back as it is.
    pub fn timestamp(self, rfc3339: &str) -> String {
        let Some(date) = DateParts::parse(rfc3339) else {
            return rfc3339.to_owned();
        };
        let b = rfc3339.as_bytes();
        let utc = rfc3339.ends_with('Z') || rfc3339.ends_with('z');
        let two = |i: usize| {
            rfc3339
                .get(i..i + 2)
                .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|s| s.parse::<u8>().ok())
        };
        let (Some(hour), Some(minute)) = (two(11), two(14)) else {
            return rfc3339.to_owned();
        };
        if !utc || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
            return rfc3339.to_owned();
        }
        let time = TimeParts { hour, minute };
        self.with(
            "datetime-utc",
            &[
                ("date", self.date(date).into()),
                ("time", self.time(time).into()),
            ],
        )
    }

    /// A time of day on the 24-hour clock: "10:05".
    pub fn time(self, time: TimeParts) -> String {
        let pad = |n: u8| {
            let d = self.digits(i64::from(n));
            if n < 10 {
                format!("{}{d}", self.digits(0))
            } else {
                d
            }
        };
        format!("{}:{}", pad(time.hour), pad(time.minute))
    }
}

/// The catalogue's month names, January first.
const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    fn tr(tag: &str) -> Tr {
        Tr::new(Language::from_tag(tag).unwrap())
    }

    #[test]
    fn dates_take_each_languages_form() {
        let d = DateParts::parse("2026-11-28").unwrap();
        assert_eq!(tr("en").date(d), "28 November 2026");
        assert_eq!(tr("es").date(d), "28 de noviembre de 2026");
        assert_eq!(tr("fr").date(d), "28 novembre 2026");
        assert_eq!(tr("pt-BR").date(d), "28 de novembro de 2026");
        assert_eq!(tr("de").date(d), "28. November 2026");
        assert_eq!(tr("ar").date(d), "28 نوفمبر 2026");
    }

    #[test]
    fn utc_times_are_shown_in_words_and_others_as_written() {
        assert_eq!(
            tr("en").timestamp("2026-11-28T09:05:00Z"),
            "28 November 2026, 09:05 UTC"
        );
        assert_eq!(
            tr("de").timestamp("2026-01-02T23:59:59.5Z"),
            "2. Januar 2026, 23:59 UTC"
        );
        assert_eq!(
            tr("en").timestamp("2026-11-28T09:05:00+01:00"),
            "2026-11-28T09:05:00+01:00"
        );
        assert_eq!(tr("en").timestamp("yesterday"), "yesterday");
    }

    #[test]
    fn only_real_dates_parse() {
        assert!(DateParts::parse("2026-13-01").is_none());
        assert!(DateParts::parse("2026-1-01").is_none());
        assert!(DateParts::parse("20261").is_none());
        assert!(DateParts::parse("2026-11-280").is_none());
        assert_eq!(
            DateParts::parse("2026-02-03T00:00:00Z"),
            Some(DateParts {
                year: 2026,
                month: 2,
                day: 3
            })
        );
    }
}
