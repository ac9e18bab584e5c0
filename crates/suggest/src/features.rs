//! What the model sees in a sentence: hashed word uni- and bigrams (numbers folded into shapes
//! such as `<pct>` and `<year>`, so "18%" and "40 percent" share weight), L2-normalised so a long
//! sentence does not score high by its count of "to" and "the", plus a few dense features that
//! carry over between debates and news: numbers, percentages, money, years, comparisons,
//! quantity words, named statistics, modal verbs, names, length and questions.

/// Version of the tokeniser and features; a weights file made with another version is refused.
pub const FEATURE_VERSION: u32 = 1;

/// Number of dense features ([`DENSE_NAMES`]).
pub const DENSE: usize = 13;

/// Names of the dense features, in index order (for the model card and debugging).
pub const DENSE_NAMES: [&str; DENSE] = [
    "number",
    "percentage",
    "money",
    "year",
    "comparison",
    "quantity word",
    "named statistic",
    "length",
    "short sentence",
    "question",
    "modal or future verb",
    "proper names",
    "several numbers",
];

/// A feature of the model: a hashed n-gram bucket or a dense feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    /// Bucket of a hashed uni- or bigram.
    Hashed(u32),
    /// Index into the dense features.
    Dense(usize),
}

/// A sentence as features: sorted, de-duplicated hashed buckets with their value, and the dense
/// feature values.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureVector {
    /// `(bucket, value)`, buckets ascending.
    pub hashed: Vec<(u32, f32)>,
    /// Dense feature values.
    pub dense: [f32; DENSE],
}

/// A feature present in a sentence and the byte range of the words that raised it (for reasons).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The feature.
    pub feature: Feature,
    /// The value it takes in this sentence.
    pub value: f32,
    /// Byte range of the triggering words in the sentence.
    pub range: std::ops::Range<usize>,
    /// True when all the words are stop words (never shown as a reason).
    pub stop: bool,
}

/// The feature vector of `sentence` with `bits`-bit hashing.
pub fn features(sentence: &str, bits: u8) -> FeatureVector {
    let tokens = tokenize(sentence);
    let mut hashed: Vec<(u32, f32)> = ngrams(&tokens)
        .map(|(h, _, _)| (bucket(h, bits), 0.0))
        .collect();
    hashed.sort_unstable_by_key(|&(b, _)| b);
    hashed.dedup_by_key(|&mut (b, _)| b);
    let value = 1.0 / (hashed.len().max(1) as f32).sqrt();
    for h in &mut hashed {
        h.1 = value;
    }
    let dense = dense_features(sentence, &tokens).map(|(v, _)| v);
    FeatureVector { hashed, dense }
}

/// Every feature of `sentence` with the words that raised it, for explaining a score.
pub fn sources(sentence: &str, bits: u8) -> Vec<Source> {
    let tokens = tokenize(sentence);
    let vector = features(sentence, bits);
    let value_of = |b: u32| {
        vector
            .hashed
            .binary_search_by_key(&b, |&(k, _)| k)
            .map_or(0.0, |i| vector.hashed[i].1)
    };
    let mut out: Vec<Source> = ngrams(&tokens)
        .map(|(h, first, last)| {
            let b = bucket(h, bits);
            Source {
                feature: Feature::Hashed(b),
                value: value_of(b),
                range: tokens[first].start..tokens[last].end,
                stop: tokens[first..=last].iter().all(|t| is_stop_word(&t.norm)),
            }
        })
        .collect();
    for (i, (value, range)) in dense_features(sentence, &tokens).into_iter().enumerate() {
        if let Some(range) = range.filter(|_| value != 0.0) {
            out.push(Source {
                feature: Feature::Dense(i),
                value,
                range,
                stop: false,
            });
        }
    }
    out
}

/// A word or number of a sentence: byte range and normalised form.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Lower-case word, or a number's shape: `<pct>`, `<money>`, `<year>`, `<ord>`, `<num>`.
    pub norm: String,
}

impl Token {
    fn is_number(&self) -> bool {
        self.norm.starts_with('<')
    }
}

/// Splits a sentence into words (letters with inner apostrophes and hyphens) and numbers (with a
/// currency sign, inner `.`/`,`, and a `%`, decade `s` or ordinal suffix).
pub(crate) fn tokenize(sentence: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut it = sentence.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        let currency = matches!(c, '$' | '€' | '£');
        let digit_next = currency && it.peek().is_some_and(|&(_, d)| d.is_ascii_digit());
        if c.is_ascii_digit() || digit_next {
            let mut end = start + c.len_utf8();
            let mut digits = usize::from(c.is_ascii_digit());
            let mut separators = false;
            while let Some(&(i, d)) = it.peek() {
                let inner = matches!(d, '.' | ',')
                    && sentence[i + 1..].starts_with(|x: char| x.is_ascii_digit());
                if !(d.is_ascii_digit() || inner) {
                    break;
                }
                digits += usize::from(d.is_ascii_digit());
                separators |= inner;
                end = i + d.len_utf8();
                it.next();
            }
            let (end, suffix) = number_suffix(sentence, end);
            while it.peek().is_some_and(|&(i, _)| i < end) {
                it.next();
            }
            let norm = number_shape(currency, digits, separators, &sentence[start..end], suffix);
            tokens.push(Token {
                start,
                end,
                norm: norm.to_owned(),
            });
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = it.peek() {
                let inner = matches!(d, '\'' | '’' | '-')
                    && sentence[i + d.len_utf8()..].starts_with(char::is_alphabetic);
                if !(d.is_alphabetic() || inner) {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
            let norm = sentence[start..end].to_lowercase().replace('’', "'");
            tokens.push(Token { start, end, norm });
        }
    }
    mark_percent_words(&mut tokens);
    tokens
}

/// The suffix after a number's digits: `%`, a decade's `s`, an ordinal (`1st`), or none.
fn number_suffix(sentence: &str, end: usize) -> (usize, &'static str) {
    let rest = &sentence[end..];
    let word_ends = |n: usize| !rest[n..].starts_with(char::is_alphanumeric);
    if rest.starts_with('%') {
        return (end + 1, "%");
    }
    for ord in ["st", "nd", "rd", "th"] {
        if rest.starts_with(ord) && word_ends(2) {
            return (end + 2, "th");
        }
    }
    if rest.starts_with('s') && word_ends(1) {
        return (end + 1, "s");
    }
    (end, "")
}

/// The shape a number is folded into.
fn number_shape(
    currency: bool,
    digits: usize,
    separators: bool,
    text: &str,
    suffix: &str,
) -> &'static str {
    let year = digits == 4
        && !separators
        && !currency
        && (text.starts_with("19") || text.starts_with("20"));
    match suffix {
        "%" => "<pct>",
        "th" => "<ord>",
        _ if currency => "<money>",
        _ if year => "<year>",
        _ => "<num>",
    }
}

/// "40 percent" / "40 per cent": the number becomes `<pct>`.
fn mark_percent_words(tokens: &mut [Token]) {
    for i in 1..tokens.len() {
        let percent = tokens[i].norm == "percent"
            || (tokens[i].norm == "per" && tokens.get(i + 1).is_some_and(|t| t.norm == "cent"));
        if percent && tokens[i - 1].is_number() {
            tokens[i - 1].norm = "<pct>".to_owned();
        }
    }
}

/// Uni- and bigrams as `(hash, first token, last token)`.
fn ngrams(tokens: &[Token]) -> impl Iterator<Item = (u64, usize, usize)> + '_ {
    let unigrams = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (fnv(&[b"1", t.norm.as_bytes()]), i, i));
    let bigrams = tokens.windows(2).enumerate().map(|(i, w)| {
        (
            fnv(&[b"2", w[0].norm.as_bytes(), b" ", w[1].norm.as_bytes()]),
            i,
            i + 1,
        )
    });
    unigrams.chain(bigrams)
}

/// The bucket of a hash among `2^bits`.
fn bucket(hash: u64, bits: u8) -> u32 {
    (hash >> (64 - u32::from(bits))) as u32
}

/// FNV-1a over the concatenated parts: stable across platforms and Rust versions.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // Mix the high bits (buckets use them).
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

const COMPARISON: &[&str] = &[
    "more",
    "less",
    "fewer",
    "most",
    "least",
    "higher",
    "lower",
    "bigger",
    "smaller",
    "larger",
    "greater",
    "highest",
    "lowest",
    "biggest",
    "largest",
    "greatest",
    "smallest",
    "increase",
    "increased",
    "increases",
    "decrease",
    "decreased",
    "rose",
    "risen",
    "fell",
    "fallen",
    "doubled",
    "tripled",
    "halved",
    "grew",
    "grown",
    "dropped",
    "record",
    "twice",
    "worst",
    "best",
    "only",
    "never",
    "first",
    "last",
];

const QUANTITY: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "half",
    "third",
    "quarter",
    "majority",
    "percent",
    "average",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "times",
    "number",
];

const MONEY_WORDS: &[&str] = &[
    "dollars", "dollar", "euros", "pounds", "cents", "budget", "paid",
];

const STATISTICS: &[&str] = &[
    "unemployment",
    "jobs",
    "gdp",
    "deficit",
    "debt",
    "inflation",
    "tax",
    "taxes",
    "budget",
    "crime",
    "murders",
    "poverty",
    "wages",
    "income",
    "growth",
    "economy",
    "population",
    "emissions",
    "rate",
    "rates",
    "spending",
    "cost",
    "costs",
    "prices",
    "insurance",
    "premiums",
    "trade",
    "deaths",
    "died",
    "killed",
    "immigrants",
    "voted",
    "vote",
    "votes",
    "law",
    "bill",
    "percent",
    "study",
    "report",
    "survey",
    "poll",
    "statistics",
    "figures",
    "data",
];

const MODAL: &[&str] = &[
    "will", "would", "should", "could", "must", "can", "going", "gonna", "want", "need", "hope",
    "think", "believe", "feel",
];

/// Dense feature values, each with the byte range of the words that raised it.
fn dense_features(
    sentence: &str,
    tokens: &[Token],
) -> [(f32, Option<std::ops::Range<usize>>); DENSE] {
    let mut out: [(f32, Option<std::ops::Range<usize>>); DENSE] = Default::default();
    let mut hit = |i: usize, value: f32, range: std::ops::Range<usize>| {
        if out[i].1.is_none() {
            out[i] = (value, Some(range));
        }
    };
    let mut numbers = 0usize;
    let mut names = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        let prev = i.checked_sub(1).map(|p| &tokens[p]);
        let with_next = |n: Option<&Token>| n.map_or(t.end, |n| n.end);
        match t.norm.as_str() {
            "<pct>" => hit(
                1,
                1.0,
                t.start..with_next(next.filter(|n| n.norm == "percent")),
            ),
            "<money>" => hit(2, 1.0, t.start..t.end),
            "<year>" => {
                let lead = prev.filter(|p| {
                    matches!(p.norm.as_str(), "since" | "in" | "by" | "from" | "until")
                });
                hit(3, 1.0, lead.map_or(t.start, |p| p.start)..t.end);
            }
            _ => {}
        }
        if t.is_number() && t.norm != "<year>" && t.norm != "<ord>" {
            numbers += 1;
            hit(0, 1.0, t.start..with_next(next.filter(|n| !n.is_number())));
            if next.is_some_and(|n| MONEY_WORDS.contains(&n.norm.as_str())) {
                hit(2, 1.0, t.start..with_next(next));
            }
        }
        let word = t.norm.as_str();
        if COMPARISON.contains(&word) {
            hit(
                4,
                1.0,
                t.start..with_next(next.filter(|n| n.norm == "than")),
            );
        }
        if QUANTITY.contains(&word) {
            hit(
                5,
                1.0,
                prev.filter(|p| p.is_number()).map_or(t.start, |p| p.start)..t.end,
            );
        }
        if STATISTICS.contains(&word) {
            hit(6, 1.0, t.start..t.end);
        }
        if MODAL.contains(&word) {
            hit(10, 1.0, t.start..t.end);
        }
        let capital = sentence[t.start..].starts_with(char::is_uppercase);
        if i > 0 && capital && !t.is_number() && word != "i" {
            names += 1;
            hit(11, 0.0, t.start..t.end);
        }
    }
    let words = tokens.len() as f32;
    out[7] = ((1.0 + words).ln() / 64f32.ln(), None);
    out[8] = (if tokens.len() <= 4 { 1.0 } else { 0.0 }, None);
    out[9] = (
        if sentence.trim_end().ends_with('?') {
            1.0
        } else {
            0.0
        },
        None,
    );
    out[11].0 = names.min(4) as f32 / 4.0;
    out[12] = (
        numbers.min(4) as f32 / 4.0,
        out[0].1.clone().filter(|_| numbers >= 2),
    );
    out
}

/// Words too common to explain a score ("to", "the"); hidden from reasons.
pub fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its",
        "it's", "this", "that", "these", "those", "there", "here", "i", "we", "you", "he", "she",
        "they", "me", "us", "him", "her", "them", "my", "our", "your", "his", "their", "what",
        "which", "who", "whom", "so", "not", "no", "do", "does", "did", "have", "has", "had",
        "just", "very", "about", "up", "out", "all", "can", "will", "would", "i'm", "we're",
        "that's", "don't", "know", "said", "say", "says", "think", "going", "get", "got", "one",
        "now", "then", "than", "also", "because", "when", "where", "how", "why", "some", "any",
        "into", "over", "after", "before", "again", "well", "let", "let's", "way", "want",
        "people",
    ];
    STOP.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn numbers_fold_into_shapes() {
        assert_eq!(
            norms(
                "In 2012, 18% of $4.5bn went to 40 per cent of the 1990s' 3rd-year U.S. firms’ staff, 1,200 people."
            ),
            [
                "in", "<year>", "<pct>", "of", "<money>", "bn", "went", "to", "<pct>", "per",
                "cent", "of", "the", "<year>", "<ord>", "year", "u", "s", "firms", "staff",
                "<num>", "people"
            ]
        );
    }

    #[test]
    fn vectors_are_normalised_and_sorted() {
        let v = features("The deficit fell by 40 percent since 2012.", 18);
        assert!(v.hashed.windows(2).all(|w| w[0].0 < w[1].0));
        let norm: f32 = v.hashed.iter().map(|&(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-5, "{norm}");
        assert_eq!(v.dense[1], 1.0, "percentage");
        assert_eq!(v.dense[3], 1.0, "year");
        assert_eq!(v.dense[4], 1.0, "comparison: fell");
        assert_eq!(v.dense[6], 1.0, "named statistic: deficit");
        assert_eq!(v.dense[9], 0.0, "not a question");
    }

    #[test]
    fn sources_name_the_words() {
        let s = "Unemployment is down to 3.9 percent since 2012, more than anyone expected.";
        let found: Vec<(Feature, &str, bool)> = sources(s, 18)
            .into_iter()
            .map(|x| (x.feature, &s[x.range], x.stop))
            .collect();
        let dense = |i: usize| {
            found
                .iter()
                .find(|(f, _, _)| *f == Feature::Dense(i))
                .map(|(_, t, _)| *t)
        };
        assert_eq!(dense(1), Some("3.9 percent"));
        assert_eq!(dense(3), Some("since 2012"));
        assert_eq!(dense(4), Some("more than"));
        assert_eq!(dense(6), Some("Unemployment"));
        assert!(found.iter().any(|(_, t, stop)| *t == "is" && *stop));
        assert!(
            found
                .iter()
                .any(|(_, t, stop)| *t == "since 2012" && !*stop)
        );
    }
}
