//! Find in the article: case-insensitive search that reports matches in char offsets, and the
//! find bar's commands.

use claimdesk_model::text::CharIndex;

use super::OpenReview;
use super::navigation::Direction;
use super::view::Selection;

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

/// What the find bar asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum FindCommand {
    /// Open the find bar (or keep it open, with its query).
    Open,
    /// Search the article for this text.
    SetQuery(String),
    /// Select the next or previous match and scroll to it.
    Step(Direction),
    /// Close the find bar.
    Close,
}

/// Applies a find command to the open review.
pub fn apply(open: &mut OpenReview, command: FindCommand) {
    match command {
        FindCommand::Open => {
            open.find.get_or_insert_with(FindBar::default);
        }
        FindCommand::SetQuery(query) => {
            let text = open.doc.review().article.text();
            if let Some(find) = &mut open.find {
                find.query = query;
                find.update(text);
            }
        }
        FindCommand::Step(direction) => {
            if let Some(find) = &mut open.find
                && let Some((a, b)) = find.next(direction)
            {
                let view = &mut open.view;
                view.selection = Some(Selection { anchor: a, head: b });
                view.selected_claim = None;
                view.scroll_to(a);
            }
        }
        FindCommand::Close => open.find = None,
    }
}

impl FindBar {
    /// The article text was swapped: the matches are gone, the query stays.
    pub fn article_swapped(&mut self) {
        *self = Self {
            query: std::mem::take(&mut self.query),
            ..Self::default()
        };
    }

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
    pub fn next(&mut self, direction: Direction) -> Option<(usize, usize)> {
        let i = direction.step(self.current, self.matches.len())?;
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
        assert_eq!(find.next(Direction::Forward), Some((3, 8)));
        assert_eq!(find.next(Direction::Forward), Some((14, 19)));
        assert_eq!(find.next(Direction::Backward), Some((3, 8)));
        assert_eq!(find.next(Direction::Backward), Some((24, 29)));
    }
}
