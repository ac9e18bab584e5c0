//! Splitting an article into chunks the view lays out one at a time: one per line, and giant
//! paragraphs cut into pieces of a few KB so no single layout is slow.

use claimdesk_model::Article;

/// Pieces of a paragraph longer than this many bytes are cut (at a sentence end if possible).
pub const MAX_CHUNK_BYTES: usize = 3 * 1024;

/// A piece of the article laid out as one galley. Never contains a `\n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// First char (document offset).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Byte range in the article text.
    pub byte_start: usize,
    /// End of the byte range.
    pub byte_end: usize,
    /// True if a `\n` (or the end of the text) follows: the view leaves paragraph space after it.
    pub ends_line: bool,
    /// True if it has a right-to-left char: the view lays it out with bidi (`bidi_layout`).
    pub rtl: bool,
}

impl Chunk {
    /// Number of chars.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a blank line.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Cuts the whole article into chunks, in order; together with the `\n`s between lines they
/// cover every char exactly once.
pub fn chunk_article(article: &Article) -> Vec<Chunk> {
    let text = article.text();
    let mut chunks = Vec::with_capacity(text.len() / 300 + 1);
    let mut char_pos = 0;
    let mut byte_pos = 0;
    for line in text.split('\n') {
        let mut rest = line;
        loop {
            let cut = cut_point(rest);
            let piece = &rest[..cut];
            let chars = piece.chars().count();
            let last = cut == rest.len();
            chunks.push(Chunk {
                start: char_pos,
                end: char_pos + chars,
                byte_start: byte_pos,
                byte_end: byte_pos + piece.len(),
                ends_line: last,
                rtl: claimdesk_model::bidi::has_rtl(piece),
            });
            char_pos += chars;
            byte_pos += piece.len();
            rest = &rest[cut..];
            if last {
                break;
            }
        }
        // The '\n' after the line (the last line has none; the extra count is harmless).
        char_pos += 1;
        byte_pos += 1;
    }
    chunks
}

/// Where to end the next piece of `line`: all of it if short, else after a sentence end, else
/// after a space, else at a char boundary.
fn cut_point(line: &str) -> usize {
    if line.len() <= MAX_CHUNK_BYTES {
        return line.len();
    }
    let mut limit = MAX_CHUNK_BYTES;
    while !line.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &line[..limit];
    let min = limit / 2;
    for pattern in [". ", "? ", "! ", "; ", " "] {
        if let Some(i) = window.rfind(pattern)
            && i + pattern.len() > min
        {
            return i + pattern.len();
        }
    }
    limit
}

/// Index of the chunk that holds char `pos` (or the nearest one before it, for a `\n`).
pub fn chunk_at(chunks: &[Chunk], pos: usize) -> usize {
    chunks.partition_point(|c| c.start <= pos).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_line_and_split_giant_paragraphs() {
        let long = "Sentence one is here. ".repeat(400);
        let text = format!("Title 🇱🇾\n\n{long}\nlast");
        let article = Article::new("t", "", text.clone());
        let chunks = chunk_article(&article);
        assert_eq!(chunks[0].len(), "Title 🇱🇾".chars().count());
        assert!(chunks[1].is_empty());
        assert!(chunks.len() > 4, "the long paragraph is split");
        for c in &chunks {
            let piece = &text[c.byte_start..c.byte_end];
            assert!(!piece.contains('\n'));
            assert!(piece.len() <= MAX_CHUNK_BYTES);
            assert_eq!(article.slice(c.start, c.end), piece);
        }
        let pieces: String = chunks
            .iter()
            .map(|c| {
                let mut s = text[c.byte_start..c.byte_end].to_owned();
                if c.ends_line {
                    s.push('\n');
                }
                s
            })
            .collect();
        assert_eq!(pieces.trim_end_matches('\n'), text);
        assert_eq!(chunk_at(&chunks, 0), 0);
        assert_eq!(chunk_at(&chunks, article.char_len() - 1), chunks.len() - 1);
    }
}
