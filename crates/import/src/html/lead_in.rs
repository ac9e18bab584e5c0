//! Lead-ins left dangling: a heading or a short "Read more:" line whose content inside the
//! article was all left out (a related-links list, a share bar, a gallery) says nothing on its
//! own. Such a line is removed when what follows it was left out and the next thing written
//! is another heading or lead-in, or the end of the article; a heading at the very end of the
//! article is removed too (it heads something that is not there).

use std::ops::Range;

use super::super::Blocks;

/// Longest lead-in line, in characters.
const MAX_LEAD_IN_CHARS: usize = 80;

/// The last lead-in written, while nothing but left-out blocks followed it.
#[derive(Default)]
pub struct LeadIns {
    pending: Option<Pending>,
}

struct Pending {
    /// Where it is in the written text (with the blank line before it).
    range: Range<usize>,
    /// Whether a block was left out after it.
    dropped: bool,
    /// A heading element (rather than a short line ending in `:` or `?`).
    heading: bool,
}

impl LeadIns {
    /// A block after the pending lead-in was left out.
    pub fn left_out(&mut self) {
        if let Some(p) = &mut self.pending {
            p.dropped = true;
        }
    }

    /// A block was ended: `before` is the written length before it; `heading` says whether
    /// the element was a heading (`h2`–`h6`). Removes the pending lead-in if this block
    /// shows it dangling.
    pub fn block_ended(&mut self, blocks: &mut Blocks, before: usize, heading: bool) {
        let after = blocks.written().len();
        if after == before {
            return;
        }
        let text = blocks.written()[before..].trim_start_matches('\n');
        let short = text.chars().count() <= MAX_LEAD_IN_CHARS;
        let lead_in = short && (heading || text.ends_with(':') || text.ends_with('?'));
        let mut range = before..after;
        if let Some(p) = self.pending.take()
            && p.dropped
            && (lead_in || heading)
        {
            let removed = p.range.len();
            blocks.remove_written(p.range);
            range = before - removed..after - removed;
        }
        if lead_in {
            self.pending = Some(Pending {
                range,
                dropped: false,
                heading,
            });
        }
    }

    /// The article ended: a pending heading, or a lead-in whose content was left out, goes.
    pub fn finish(&mut self, blocks: &mut Blocks) {
        if let Some(p) = self.pending.take()
            && (p.heading || p.dropped)
        {
            blocks.remove_written(p.range);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    /// A paragraph of prose long enough to score.
    fn prose(topic: &str) -> String {
        format!(
            "<p>The report on {topic}, published on Sunday, says that the ministry, the coast \
             guard and the department all knew, and that nobody acted on what they knew.</p>"
        )
    }

    #[test]
    fn headings_and_lead_ins_whose_content_was_left_out_go() {
        let page = extract(&format!(
            r#"<html><body><article><h1>Headline</h1>{}
            <h2>Related stories</h2><ul class="related"><li><a href="/a">One story</a></li>
            <li><a href="/b">Another story</a></li></ul>
            <h2>What the ministry knew</h2>{}
            <p>Read more:</p><div class="related"><a href="/c">A third story</a></div>
            <h3>Also on the site</h3>{}<h3>Share this article</h3>
            <div class="share"><a href="/s">Share</a></div></article></body></html>"#,
            prose("migrants"),
            prose("the budget"),
            prose("the harbour")
        ));
        let text = &page.text;
        for gone in [
            "Related stories",
            "Read more:",
            "Share this article",
            "One story",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        // A heading followed by text it heads stays, and so does the text around it.
        for kept in [
            "Headline",
            "What the ministry knew",
            "Also on the site",
            "the harbour",
        ] {
            assert!(text.contains(kept), "{kept} missing from {text}");
        }
        assert!(!text.contains("\n\n\n"), "{text:?}");
    }

    #[test]
    fn a_short_question_line_followed_by_its_answer_stays() {
        let page = extract(&format!(
            "<html><body><article>{}<p>Why does it matter?</p>{}</article></body></html>",
            prose("migrants"),
            prose("the budget")
        ));
        assert!(page.text.contains("Why does it matter?"), "{}", page.text);
    }
}
