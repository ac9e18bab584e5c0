//! Find in the article: case-insensitive search that reports matches in char offsets.

use claimdesk_model::text::CharIndex;

/// Most matches listed; more are counted as "10000+".
pub const MAX_MATCHES: usize = 10_000;

/// The find bar's state.
#[derive(Default)]
pub struct FindBar {
    /// What the user typed.
    pub query: String,
    /// Start offsets (chars) of the matches of `query`.
    pub matches: Vec<usize>,
    /// Length of a match in chars.
    pub match_len: usize,
    /// The match last selected with Enter.
    pub current: Option<usize>,
    /// The query and article generation `matches` were computed for.
    computed_for: Option<(String, usize)>,
    folded: Option<Folded>,
}

/// The article text with every char lowercased one-for-one, so char offsets stay the same.
struct Folded {
    text: String,
    index: CharIndex,
}

/// Lowercases a char when that gives exactly one char (keeps offsets aligned), else keeps it.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

impl super::AppState {
    /// Opens the find bar (an open one keeps its query).
    pub(super) fn open_find(&mut self) {
        if self.doc.is_some() && self.find.is_none() {
            self.find = Some(FindBar::default());
        }
    }

    /// Searches the open article for `query` (the find bar's text changed).
    pub(super) fn set_find_query(&mut self, query: String) {
        if let (Some(find), Some(doc)) = (&mut self.find, &self.doc) {
            find.query = query;
            find.update(doc.review.article.text());
        }
    }

    /// Selects the next or previous match and scrolls to it.
    pub(super) fn find_step(&mut self, forward: bool) {
        if let Some(find) = &mut self.find
            && let Some((a, b)) = find.next(forward)
        {
            self.view_state.selection = Some(super::Selection { anchor: a, head: b });
            self.view_state.selected_claim = None;
            self.view_state.scroll_to(a);
        }
    }
}

impl FindBar {
    /// Recomputes the matches if the query or the article changed.
    pub fn update(&mut self, article_text: &str) {
        let key = (self.query.clone(), article_text.len());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.computed_for = Some(key);
        self.current = None;
        self.matches.clear();
        let needle: String = self.query.chars().map(fold).collect();
        self.match_len = needle.chars().count();
        if needle.is_empty() {
            return;
        }
        let folded = self.folded.get_or_insert_with(|| {
            let text: String = article_text.chars().map(fold).collect();
            let index = CharIndex::new(&text);
            Folded { text, index }
        });
        // Walk matches in order, converting byte offsets to chars incrementally.
        for (byte, _) in folded.text.match_indices(&needle).take(MAX_MATCHES) {
            self.matches.push(folded.index.char_of(&folded.text, byte));
        }
    }

    /// Moves to the next match after the current one (or the first), wrapping around.
    pub fn next(&mut self, forward: bool) -> Option<(usize, usize)> {
        if self.matches.is_empty() {
            return None;
        }
        let n = self.matches.len();
        let i = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(i);
        Some((self.matches[i], self.matches[i] + self.match_len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_in_char_offsets() {
        let text = "🇱🇾 Libya said LIBYA and libya.";
        let mut find = FindBar {
            query: "libya".into(),
            ..Default::default()
        };
        find.update(text);
        assert_eq!(find.matches, vec![3, 14, 24]);
        assert_eq!(find.next(true), Some((3, 8)));
        assert_eq!(find.next(true), Some((14, 19)));
        assert_eq!(find.next(false), Some((3, 8)));
        assert_eq!(find.next(false), Some((24, 29)));
    }
}
