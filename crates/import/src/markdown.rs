//! Markdown articles: the text with the Markdown syntax removed, by a CommonMark parser.
//!
//! Headings, paragraphs and block quotes become paragraphs; list items become lines of one
//! block; emphasis markers are dropped; links become their text; inline code and code blocks
//! are kept as text; raw HTML and images are dropped. YAML front matter is not text, but its
//! `title:` and `date:` are used.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{Blocks, PageMeta, date_part};

/// The plain text of a Markdown document and what its front matter or first heading say.
pub fn extract(markdown: &str) -> (String, PageMeta) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = Extractor::default();
    for event in Parser::new_ext(markdown, options) {
        out.event(event);
    }
    (out.blocks.finish(), out.meta)
}

/// The text being gathered from a stream of CommonMark events, and where in the document the
/// stream is.
#[derive(Default)]
struct Extractor {
    blocks: Blocks,
    meta: PageMeta,
    list_depth: usize,
    image_depth: usize,
    code_block: bool,
    in_metadata: bool,
    /// The text of the first level-1 heading while it is being read (when no title is known).
    heading: Option<String>,
}

impl Extractor {
    fn event(&mut self, event: Event) {
        let blocks = &mut self.blocks;
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if self.in_metadata {
                    front_matter(&t, &mut self.meta);
                } else if self.image_depth > 0 {
                    // Alt text of images is not the article's text.
                } else if self.code_block {
                    blocks.raw(t.trim_end_matches('\n'));
                } else {
                    self.inline_text(&t);
                }
            }
            Event::Code(t) => self.inline_text(&t),
            Event::SoftBreak => blocks.text(" "),
            Event::HardBreak => blocks.line_break(),
            Event::Rule => blocks.end_block(),
            Event::TaskListMarker(done) => blocks.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(label) => blocks.text(&format!("[{label}]")),
            // Raw HTML never becomes article text; math is kept as written.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::InlineMath(t) | Event::DisplayMath(t) => blocks.text(&t),
        }
    }

    /// Text of a paragraph or heading (also kept as the title while in the first heading).
    fn inline_text(&mut self, t: &str) {
        if let Some(h) = self.heading.as_mut() {
            h.push_str(t);
        }
        self.blocks.text(t);
    }

    /// A block starting: a paragraph of its own at the top level, a new line inside a list.
    fn open_block(&mut self) {
        if self.list_depth == 0 {
            self.blocks.end_block();
        } else {
            self.blocks.line_break();
        }
    }

    fn start(&mut self, tag: Tag) {
        let blocks = &mut self.blocks;
        match tag {
            Tag::Heading { level, .. } => {
                blocks.end_block();
                if level == HeadingLevel::H1 && self.meta.title.is_none() {
                    self.heading = Some(String::new());
                }
            }
            Tag::Paragraph => {
                if self.list_depth == 0 {
                    blocks.end_block();
                } else if !blocks.current_is_empty() {
                    blocks.line_break();
                }
            }
            Tag::BlockQuote(_) | Tag::Table(_) | Tag::FootnoteDefinition(_) => blocks.end_block(),
            Tag::TableRow | Tag::TableHead => blocks.line_break(),
            Tag::TableCell => blocks.text(" "),
            Tag::List(_) => {
                self.open_block();
                self.list_depth += 1;
            }
            Tag::Item => blocks.line_break(),
            Tag::CodeBlock(_) => {
                self.open_block();
                self.code_block = true;
            }
            Tag::Image { .. } => self.image_depth += 1,
            Tag::MetadataBlock(_) => self.in_metadata = true,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let blocks = &mut self.blocks;
        match tag {
            TagEnd::Heading(_) => {
                if let Some(h) = self.heading.take() {
                    let h = h.trim().to_owned();
                    if !h.is_empty() {
                        self.meta.title = Some(h);
                    }
                }
                blocks.end_block();
            }
            TagEnd::Paragraph if self.list_depth == 0 => blocks.end_block(),
            TagEnd::BlockQuote(_) | TagEnd::Table | TagEnd::FootnoteDefinition => {
                blocks.end_block()
            }
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    blocks.end_block();
                }
            }
            TagEnd::CodeBlock => {
                self.code_block = false;
                if self.list_depth == 0 {
                    blocks.end_block();
                }
            }
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::MetadataBlock(_) => self.in_metadata = false,
            _ => {}
        }
    }
}

fn front_matter(yaml: &str, meta: &mut PageMeta) {
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        match key.trim() {
            "title" if !value.is_empty() => meta.title = Some(value.to_owned()),
            "date" | "published" => meta.published = date_part(value),
            "canonical_url" | "canonical" | "url"
                if url::Url::parse(value).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) =>
            {
                meta.canonical_url = Some(value.to_owned())
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markdown_syntax() {
        let (text, meta) = extract(
            "---\ntitle: \"Post\"\ndate: 2017-11-27\n---\n\n# The *big* claim\n\nThe **ministry** \
             said the [reports](https://x.example) were\n`false`.\n\n- one\n- two *items*\n\n> quoted\n\n\
             ```\ncode line\n```\n\n<div>raw</div>\n\n![alt text](i.png) after image\n",
        );
        assert_eq!(
            text,
            "The big claim\n\nThe ministry said the reports were false.\n\none\ntwo items\n\n\
             quoted\n\ncode line\n\nafter image\n"
        );
        assert_eq!(meta.title.as_deref(), Some("Post"));
        assert_eq!(meta.published.as_deref(), Some("2017-11-27"));
    }

    #[test]
    fn first_h1_is_the_title_without_front_matter() {
        let (_, meta) = extract("Intro\n\n# Heading `one`\n\n# Second\n");
        assert_eq!(meta.title.as_deref(), Some("Heading one"));
    }
}
