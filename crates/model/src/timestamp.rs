//! Points in time as kept in review files: RFC 3339 UTC text, written back as read.

use serde::{Deserialize, Serialize};

/// A point in time, kept as the RFC 3339 UTC text it was read or made as, so a re-save writes
/// the same bytes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// The current time, to the second, in UTC (`2026-11-28T23:29:35Z`).
    pub fn now() -> Self {
        let now = time::OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .expect("0 ns is valid");
        Self(
            now.format(&time::format_description::well_known::Rfc3339)
                .expect("a UTC time always formats"),
        )
    }

    /// Accepts any RFC 3339 date-time. One already in the strict form that is also a valid
    /// `xsd:dateTime` (`T` between date and time, seconds below 60, an offset of at most 14
    /// hours, upper-case `T` and `Z`) is kept as written, so a re-save writes the same bytes;
    /// any other (`2026-11-28 10:00:00Z`, a leap second `23:59:60Z`, `+20:00`) is rewritten as
    /// the same instant in UTC (a leap second as the second before it). Compare
    /// [`Timestamp::as_str`] with the input to know whether it was rewritten.
    pub fn parse(s: &str) -> Option<Self> {
        let parsed =
            time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()?;
        if is_strict_date_time(s) {
            return Some(Self(s.to_owned()));
        }
        let mut utc = parsed.checked_to_offset(time::UtcOffset::UTC)?;
        if leap_second(s) {
            utc = utc.replace_nanosecond(0).ok()?;
        }
        utc.format(&time::format_description::well_known::Rfc3339)
            .ok()
            .map(Self)
    }

    /// The RFC 3339 text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// True if `s` is `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with seconds below 60 and an
/// offset of at most ±14:00: the intersection of RFC 3339 and `xsd:dateTime` (the lexical
/// space the Web Annotation model requires for `created` and `modified`).
fn is_strict_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let two = |i: usize| (b[i] - b'0') * 10 + (b[i + 1] - b'0');
    let head = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !head || two(17) > 59 {
        return false;
    }
    let mut i = 19;
    if b[i] == b'.' {
        let frac = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if frac == 0 {
            return false;
        }
        i += 1 + frac;
    }
    match &b[i..] {
        [b'Z'] => true,
        [sign, h1, h2, b':', m1, m2]
            if (*sign == b'+' || *sign == b'-')
                && [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit()) =>
        {
            let (h, m) = (
                (h1 - b'0') * 10 + (h2 - b'0'),
                (m1 - b'0') * 10 + (m2 - b'0'),
            );
            m <= 59 && (h < 14 || (h == 14 && m == 0))
        }
        _ => false,
    }
}

/// True if the seconds field of an RFC 3339 date-time is 60 (a leap second).
fn leap_second(s: &str) -> bool {
    s.get(17..19) == Some("60")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        let t = Timestamp::now();
        assert!(t.as_str().ends_with('Z'), "{t:?}");
        assert!(Timestamp::parse(t.as_str()).is_some());
        assert!(Timestamp::parse("yesterday").is_none());
    }

    #[test]
    fn strict_timestamps_are_kept_as_written() {
        for s in [
            "2026-11-28T10:00:00Z",
            "2026-11-28T10:00:00.250Z",
            "2026-11-28T11:00:00+01:00",
            "2026-11-28T00:00:00-14:00",
        ] {
            assert_eq!(Timestamp::parse(s).unwrap().as_str(), s);
        }
    }

    #[test]
    fn loose_timestamps_become_the_same_instant_in_utc() {
        for (loose, strict) in [
            ("2026-11-28 10:00:00Z", "2026-11-28T10:00:00Z"),
            ("2026-11-28t10:00:00z", "2026-11-28T10:00:00Z"),
            ("1990-12-31T23:59:60Z", "1990-12-31T23:59:59Z"),
            ("2026-11-28T10:00:00+20:00", "2026-11-27T14:00:00Z"),
            ("2026-11-28 10:00:00.5+01:00", "2026-11-28T09:00:00.5Z"),
        ] {
            assert_eq!(Timestamp::parse(loose).unwrap().as_str(), strict, "{loose}");
        }
        // A leap second is only valid at the end of a month (UTC).
        assert!(Timestamp::parse("2026-11-28T10:00:60Z").is_none());
    }
}
