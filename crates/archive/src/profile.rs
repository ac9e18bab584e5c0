//! What the re-ranker compares in a query and in an archived claim: the analysed words (English
//! stems, stop words left out), which of them are names (a capitalised word that does not start
//! a sentence, or a short acronym) and which are numbers, and the pairs of words side by side.

use std::collections::HashMap;

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use super::query::is_stop_word;

/// A word id: the position of the word in a [`Vocabulary`].
pub(crate) type WordId = u32;

/// The words seen during one search or one scan, each given a small id, so that profiles are
/// compared as sorted integer lists instead of strings.
#[derive(Default)]
pub(crate) struct Vocabulary {
    ids: HashMap<String, WordId>,
    words: Vec<String>,
}

impl Vocabulary {
    fn id(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.ids.insert(word.to_owned(), id);
        self.words.push(word.to_owned());
        id
    }

    /// How many distinct words were seen.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The word of an id.
    pub fn word(&self, id: WordId) -> &str {
        &self.words[id as usize]
    }
}

/// The words of one text, as sorted, distinct word ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Profile {
    /// Every word other than a stop word.
    pub words: Vec<WordId>,
    /// Words written as names ("Obama", "CDC"), not at the start of a sentence.
    pub names: Vec<WordId>,
    /// Words with a digit ("2020", "70").
    pub numbers: Vec<WordId>,
    /// Neighbouring words (stop words skipped), as `first << 32 | second`.
    pub pairs: Vec<u64>,
    /// How many words the text has (stop words included).
    pub length: usize,
}

impl Profile {
    /// Analyses `text` with the index's English analyser.
    pub fn of(text: &str, analyser: &mut TextAnalyzer, vocabulary: &mut Vocabulary) -> Self {
        let mut profile = Profile::default();
        let mut previous: Option<WordId> = None;
        let mut stream = analyser.token_stream(text);
        while let Some(token) = stream.next() {
            profile.length += 1;
            let word = text.get(token.offset_from..token.offset_to).unwrap_or("");
            if is_stop_word(word) {
                continue;
            }
            let id = vocabulary.id(&token.text);
            profile.words.push(id);
            if word.chars().any(|c| c.is_ascii_digit()) {
                profile.numbers.push(id);
            } else if is_name(word) && !starts_sentence(&text[..token.offset_from]) {
                profile.names.push(id);
            }
            if let Some(p) = previous {
                profile.pairs.push(u64::from(p) << 32 | u64::from(id));
            }
            previous = Some(id);
        }
        for list in [&mut profile.words, &mut profile.names, &mut profile.numbers] {
            list.sort_unstable();
            list.dedup();
        }
        profile.pairs.sort_unstable();
        profile.pairs.dedup();
        profile
    }
}

/// "Obama", "McDonald", "CDC", "U" (of "U.S."): a capital followed by lower case, or a short
/// word all in capitals. "BREAKING" and "NOT" in shouted tweets are not names.
fn is_name(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    if rest.iter().any(|c| c.is_lowercase()) {
        return true;
    }
    // All capitals: an acronym if short ("CDC", "NASA", "EU"), shouting if long.
    word.chars().count() <= 4 && !matches!(word, "NOT" | "ALL" | "NEW" | "WAS" | "YES")
}

/// True if a word after `before` starts a sentence (so its capital says nothing).
fn starts_sentence(before: &str) -> bool {
    let before = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '*')
    });
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | '…' | '—' | '–' | '-'),
    }
}

/// How many items two sorted lists share.
pub(crate) fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// True if the sorted list `list` holds `item`.
pub(crate) fn holds<T: Ord>(list: &[T], item: &T) -> bool {
    list.binary_search(item).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::ENGLISH;
    use tantivy::tokenizer::TokenizerManager;

    fn analyser() -> TextAnalyzer {
        TokenizerManager::default().get(ENGLISH).unwrap()
    }

    fn words<'a>(v: &'a Vocabulary, ids: &[WordId]) -> Vec<&'a str> {
        let mut out: Vec<&str> = ids.iter().map(|&i| v.word(i)).collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn names_numbers_and_pairs() {
        let mut v = Vocabulary::default();
        let p = Profile::of(
            "Drinking hot water kills the virus, said the CDC and Barack Obama in 2020. \
             BREAKING: Vaccines are NOT safe",
            &mut analyser(),
            &mut v,
        );
        assert_eq!(words(&v, &p.names), ["barack", "cdc", "obama"]);
        assert_eq!(words(&v, &p.numbers), ["2020"]);
        assert!(!words(&v, &p.words).contains(&"the"));
        assert!(words(&v, &p.words).contains(&"vaccin"));
        let hot = v.ids["hot"];
        let water = v.ids["water"];
        assert!(holds(&p.pairs, &(u64::from(hot) << 32 | u64::from(water))));
        assert_eq!(p.length, 19);
    }

    #[test]
    fn shared_counts_common_items_of_sorted_lists() {
        assert_eq!(shared(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(shared::<u32>(&[], &[1]), 0);
    }
}
