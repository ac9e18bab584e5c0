//! Joining two lines of a paragraph: a word broken at the line end ("govern-" / "ment") becomes
//! one word, while real hyphens stay: compounds ("five-and-a-" / "half", "well-" / "known"
//! when the document writes "well-known" elsewhere), suspended hyphens ("self-" / "and peer-"),
//! hyphens before capitals and digits ("anti-" / "European", "COVID-" / "19"). A soft hyphen at
//! a line end always joins. The document's own words are the evidence.

use std::collections::HashSet;

/// Every word of the document, lower case, with and without its inner hyphens.
#[derive(Default)]
pub(crate) struct Words {
    words: HashSet<String>,
}

/// Words that follow a suspended hyphen ("self- and peer-reviewed").
const CONJUNCTIONS: [&str; 12] = [
    "and", "or", "nor", "to", "und", "oder", "bis", "et", "ou", "y", "o", "e",
];

/// Prefixes written with a hyphen in English compounds: a line break after them keeps it.
const HYPHENATED_PREFIXES: [&str; 16] = [
    "self", "non", "well", "ex", "all", "cross", "half", "long", "short", "state", "high", "low",
    "full", "anti", "cost", "peer",
];

impl Words {
    /// Adds the words of `line` (a line-final fragment ending in a hyphen is not a word).
    pub(crate) fn add_line(&mut self, line: &str) {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            let word = trim_word(token);
            let last = i + 1 == tokens.len();
            if word.is_empty() || (last && token.ends_with(['-', '\u{2010}', '\u{ad}'])) {
                continue;
            }
            let lower = word.to_lowercase();
            if self.words.len() < 1_000_000 {
                self.words.insert(lower);
            }
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// A token without the punctuation around it (inner hyphens and apostrophes stay).
fn trim_word(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// What goes between line `prev` (already in the text) and the next line.
#[derive(Debug, PartialEq)]
pub(crate) enum Joint {
    /// A space.
    Space,
    /// Remove `prev`'s last character (a hyphen) and nothing between.
    DropHyphen,
    /// Nothing between (the hyphen or dash stays).
    Touch,
}

/// How line `prev` and line `next` join, given the document's `words`.
pub(crate) fn joint(prev: &str, next: &str, words: &Words) -> Joint {
    let mut back = prev.chars().rev();
    let (Some(last), before) = (back.next(), back.next()) else {
        return Joint::Space;
    };
    let Some(first) = next.chars().next() else {
        return Joint::Space;
    };
    if last == '\u{ad}' {
        return Joint::DropHyphen;
    }
    if last == '—' && before.is_some_and(|c| !c.is_whitespace()) {
        return Joint::Touch;
    }
    if !matches!(last, '-' | '\u{2010}') || !before.is_some_and(char::is_alphabetic) {
        return Joint::Space;
    }
    if !first.is_lowercase() {
        return if first.is_alphanumeric() {
            Joint::Touch
        } else {
            Joint::Space
        };
    }
    let head_token = prev.rsplit(char::is_whitespace).next().unwrap_or("");
    let head = trim_word(head_token);
    let tail_token = next.split(char::is_whitespace).next().unwrap_or("");
    let tail = trim_word(tail_token);
    if CONJUNCTIONS.contains(&tail.to_lowercase().as_str()) && tail_token.len() == tail.len() {
        return Joint::Space;
    }
    let head_lower = head.to_lowercase();
    let tail_lower = tail.to_lowercase();
    let tail_first = tail_lower.split(['-', '\u{2010}']).next().unwrap_or("");
    if words.contains(&format!("{head_lower}{tail_first}")) {
        return Joint::DropHyphen;
    }
    if words.contains(&format!("{head_lower}-{tail_first}"))
        || head_lower.contains(['-', '\u{2010}'])
        || tail_lower.contains(['-', '\u{2010}'])
        || HYPHENATED_PREFIXES.contains(&head_lower.as_str())
    {
        return Joint::Touch;
    }
    Joint::DropHyphen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Words {
        let mut words = Words::default();
        for line in text.lines() {
            words.add_line(line);
        }
        words
    }

    #[test]
    fn broken_words_join_and_real_hyphens_stay() {
        let w = words("The government and the well-known report.\nA non-binding peer-assessment.");
        assert_eq!(joint("the govern-", "ment said", &w), Joint::DropHyphen);
        assert_eq!(joint("an unpre-", "cedented rise", &w), Joint::DropHyphen);
        assert_eq!(joint("five-and-a-", "half months", &w), Joint::Touch);
        assert_eq!(joint("five-", "and-a-half months", &w), Joint::Touch);
        assert_eq!(joint("peer-assess-", "ment was", &w), Joint::DropHyphen);
        assert_eq!(joint("the well-", "known report", &w), Joint::Touch);
        assert_eq!(joint("both self-", "and peer-review", &w), Joint::Space);
        assert_eq!(joint("the anti-", "European vote", &w), Joint::Touch);
        assert_eq!(joint("COVID-", "19 cases", &w), Joint::Touch);
        assert_eq!(joint("docu\u{ad}", "ment", &w), Joint::DropHyphen);
        assert_eq!(joint("a pause -", "then more", &w), Joint::Space);
        assert_eq!(joint("an ending.", "Next", &w), Joint::Space);
        assert_eq!(joint("word—", "word", &w), Joint::Touch);
    }
}
