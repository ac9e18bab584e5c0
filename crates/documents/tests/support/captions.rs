//! YouTube-style auto-captions written for the tests and benches: rolling two-line cues with
//! inline word times, each followed by a 10 ms cue holding the finished line.

/// A YouTube auto-caption file: `words` spoken 400 ms apart, `per_line` words to a caption
/// line; each cue repeats the previous line and adds the next with inline word times; a
/// 10 ms cue holds each finished line. Starts with a `[Music]` cue.
pub fn youtube_vtt(words: &[String], per_line: usize) -> String {
    let ts = |ms: u64| {
        format!(
            "{:02}:{:02}:{:02}.{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    };
    let word_ms = |i: usize| 5_000 + i as u64 * 400;
    let mut out = String::from("WEBVTT\nKind: captions\nLanguage: en\n\n");
    out.push_str("00:00:00.000 --> 00:00:04.990 align:start position:0%\n \n[Music]\n\n");
    out.push_str("00:00:04.990 --> 00:00:05.000 align:start position:0%\n[Music]\n \n\n");
    let lines: Vec<&[String]> = words.chunks(per_line).collect();
    for (k, line) in lines.iter().enumerate() {
        let first = k * per_line;
        let start = word_ms(first);
        let end = word_ms(first + line.len()) - 10;
        let previous = if k == 0 {
            " ".to_owned()
        } else {
            lines[k - 1].join(" ")
        };
        let mut timed = line[0].clone();
        for (j, w) in line.iter().enumerate().skip(1) {
            timed.push_str(&format!("<{}><c> {w}</c>", ts(word_ms(first + j))));
        }
        out.push_str(&format!(
            "{} --> {} align:start position:0%\n{previous}\n{timed}\n\n",
            ts(start),
            ts(end)
        ));
        out.push_str(&format!(
            "{} --> {} align:start position:0%\n{}\n \n\n",
            ts(end),
            ts(end + 10),
            line.join(" ")
        ));
    }
    out
}

/// `n` words of a small vocabulary, in a fixed varied order (no punctuation, as auto-captions).
pub fn spoken_words(n: usize) -> Vec<String> {
    const VOCABULARY: [&str; 12] = [
        "the",
        "budget",
        "grew",
        "by",
        "four",
        "percent",
        "and",
        "unemployment",
        "fell",
        "to",
        "record",
        "lows",
    ];
    (0..n)
        .map(|i| VOCABULARY[(i * 7 + i / 12) % VOCABULARY.len()].to_owned())
        .collect()
}
