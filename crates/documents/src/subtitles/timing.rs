//! Subtitle timestamps: `[hh:]mm:ss.ttt` (WebVTT) and `hh:mm:ss,ttt` (SubRip), read leniently
//! (either separator, one to three fraction digits, one- or two-digit fields) but never past
//! what they can mean (minutes and seconds under 60, at most 9 hour digits: no overflow).

/// A cue's start and end in milliseconds, from a timing line `start --> end [settings]`.
/// `None` when either time cannot be read. An end before the start is taken as the start.
pub(crate) fn parse_timing_line(line: &str) -> Option<(u64, u64)> {
    let (left, right) = line.split_once("-->")?;
    let start = parse_whole_timestamp(left.trim())?;
    let right = right.trim_start();
    let end_len = right
        .find(|c: char| c.is_whitespace())
        .unwrap_or(right.len());
    let end = parse_whole_timestamp(&right[..end_len])?;
    Some((start, end.max(start)))
}

/// Milliseconds of a timestamp that makes up all of `s` (`00:01:02.500`, `01:02,5`).
pub(crate) fn parse_whole_timestamp(s: &str) -> Option<u64> {
    let (fields, fraction) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut numbers = [0u64; 4];
    let mut count = 0;
    for field in fields.split(':') {
        if count == numbers.len() {
            return None;
        }
        numbers[count] = parse_digits(field, 9)?;
        count += 1;
    }
    let (hours, minutes, seconds, millis) = match (count, fraction) {
        (2, f) => (0, numbers[0], numbers[1], fraction_millis(f)?),
        (3, f) => (numbers[0], numbers[1], numbers[2], fraction_millis(f)?),
        // `00:00:01:500`, a SubRip variant with a colon before the milliseconds.
        (4, None) if fields.rsplit(':').next()?.len() == 3 => {
            (numbers[0], numbers[1], numbers[2], numbers[3])
        }
        _ => return None,
    };
    if minutes >= 60 || seconds >= 60 {
        return None;
    }
    Some(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

/// Milliseconds from a fraction's digits: `5` → 500, `47` → 470, `469` → 469, `4695` → 469.
fn fraction_millis(fraction: Option<&str>) -> Option<u64> {
    let Some(digits) = fraction else {
        return Some(0);
    };
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut millis = 0;
    for (i, b) in digits.bytes().take(3).enumerate() {
        millis += u64::from(b - b'0') * [100, 10, 1][i];
    }
    Some(millis)
}

/// The value of 1 to `max_len` ASCII digits making up all of `s`.
fn parse_digits(s: &str, max_len: usize) -> Option<u64> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_formats_and_lenient_variants() {
        assert_eq!(parse_whole_timestamp("00:00:01.469"), Some(1_469));
        assert_eq!(parse_whole_timestamp("00:00:01,469"), Some(1_469));
        assert_eq!(parse_whole_timestamp("01:02.5"), Some(62_500));
        assert_eq!(parse_whole_timestamp("1:02:03,04"), Some(3_723_040));
        assert_eq!(parse_whole_timestamp("100:00:00.000"), Some(360_000_000));
        assert_eq!(parse_whole_timestamp("00:00:01:500"), Some(1_500));
        assert_eq!(parse_whole_timestamp("00:00:01"), Some(1_000));
        assert_eq!(parse_whole_timestamp("00:00:01.4695"), Some(1_469));
    }

    #[test]
    fn malformed_timestamps_are_refused() {
        for bad in [
            "",
            "1",
            "00:60:00.000",
            "00:00:75.000",
            "aa:bb:cc",
            "00:00:01.",
            "00:00:01.x",
            "1:2:3:4:5",
            "9999999999:00:00.000",
            "00:00:-1.000",
            "00:00:01.000 ",
        ] {
            assert_eq!(parse_whole_timestamp(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn timing_lines_ignore_settings_and_keep_end_after_start() {
        assert_eq!(
            parse_timing_line("00:00:00.030 --> 00:00:02.470 align:start position:0%"),
            Some((30, 2_470))
        );
        assert_eq!(
            parse_timing_line("00:00:05,000-->00:00:04,000"),
            Some((5_000, 5_000))
        );
        assert_eq!(parse_timing_line("00:00:05,000 --> "), None);
        assert_eq!(parse_timing_line("NOTE --> not a time"), None);
    }
}
