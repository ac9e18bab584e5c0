//! Writing out the article's text: blocks become paragraphs, inline elements keep their text,
//! and inside the article, blocks that read as chrome are left out: mostly links (menus, tag
//! lists, "most read"), forms, image galleries, embeds with little text, the byline line.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

use super::super::Blocks;
use super::chrome::{class_weight, is_caption_name};
use super::lead_in::LeadIns;
use super::score::Analysis;

/// What the walk left out.
#[derive(Debug, Default)]
pub struct Written {
    /// The text: paragraphs separated by blank lines.
    pub text: String,
    /// Blocks left out inside the article (chrome by name or by content).
    pub left_out: usize,
    /// Whether the text has a top-level heading.
    pub has_h1: bool,
    /// The text of the author line left out of the text, if any.
    pub byline: Option<String>,
}

/// Writes the text of `parts` (or of the whole body when empty).
pub fn write_parts(analysis: &Analysis, parts: &[usize]) -> Written {
    let mut writer = Writer {
        analysis,
        blocks: Blocks::default(),
        pre_depth: 0,
        written: Written::default(),
        byline_seen: false,
        context: Vec::new(),
        block_open: Vec::new(),
        lead_ins: LeadIns::default(),
    };
    let roots = if parts.is_empty() {
        vec![analysis.body()]
    } else {
        parts.to_vec()
    };
    for root in roots {
        writer.write(analysis.nodes[root].el, root);
    }
    writer.lead_ins.finish(&mut writer.blocks);
    let mut written = writer.written;
    written.text = writer.blocks.finish();
    written
}

struct Writer<'a, 'b> {
    analysis: &'b Analysis<'a>,
    blocks: Blocks,
    pre_depth: usize,
    written: Written,
    byline_seen: bool,
    /// For each open element: (inside a figure, inside a data table or code).
    context: Vec<(bool, bool)>,
    /// For each open element: whether it is a block.
    block_open: Vec<bool>,
    /// Headings and lead-in lines whose content may turn out to be left out.
    lead_ins: LeadIns,
}

impl Writer<'_, '_> {
    /// Writes the subtree of listed element `root_index`. The walk meets the listed elements
    /// in the order [`Analysis::nodes`] lists them, so a counter gives each one's index (no
    /// lookup); an element that is not the next listed one is inside a never-text subtree.
    fn write(&mut self, root: ElementRef, root_index: usize) {
        let nodes = &self.analysis.nodes;
        let mut next = root_index;
        let mut skip = super::parse::SkipSubtree::default();
        for edge in root.traverse() {
            if skip.skips(&edge) {
                continue;
            }
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let listed = nodes.get(next).filter(|n| n.el.id() == node.id());
                        let Some(info) = listed else {
                            skip.start(node.id());
                            continue;
                        };
                        let i = next;
                        next += 1;
                        if i != root_index && !self.keeps(i) {
                            skip.start(node.id());
                            next = info.end;
                            continue;
                        }
                        let (figure, protected) = self.context.last().copied().unwrap_or_default();
                        let name = el.name();
                        let protects = matches!(name, "code" | "pre")
                            || (name == "table"
                                && is_data_table(ElementRef::wrap(node).expect("an element")));
                        self.context
                            .push((figure || name == "figure", protected || protects));
                        self.block_open.push(info.tag.block);
                        self.open(name, info.tag.block);
                    }
                    Node::Text(t) if self.pre_depth > 0 => self.blocks.raw(t),
                    Node::Text(t) => self.blocks.text(t),
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        self.context.pop();
                        let block = self.block_open.pop().unwrap_or(false);
                        self.close(el.name(), block);
                    }
                }
            }
        }
        self.end_block(false);
    }

    fn open(&mut self, name: &str, block: bool) {
        if name == "h1" {
            self.written.has_h1 = true;
        }
        if name == "br" {
            self.blocks.line_break();
        } else if name == "pre" {
            self.end_block(false);
            self.pre_depth += 1;
        } else if block {
            self.end_block(false);
        }
    }

    fn close(&mut self, name: &str, block: bool) {
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
            self.end_block(false);
        } else if block {
            let heading = matches!(name, "h2" | "h3" | "h4" | "h5" | "h6");
            self.end_block(heading);
        }
    }

    /// Ends the current paragraph (`heading`: it is a heading's), watching for lead-ins.
    fn end_block(&mut self, heading: bool) {
        let before = self.blocks.written().len();
        self.blocks.end_block();
        self.lead_ins.block_ended(&mut self.blocks, before, heading);
    }

    /// Whether element `i` (inside the article) is written out; counts what is left out.
    fn keeps(&mut self, i: usize) -> bool {
        let info = &self.analysis.nodes[i];
        if is_caption(self.analysis, i) {
            self.written.left_out += 1;
            self.lead_ins.left_out();
            return false;
        }
        if info.in_text || info.tag.inline {
            return true;
        }
        let rules = self.analysis.rules;
        let chrome = rules.chrome_names && info.chrome;
        let dropped = chrome
            || info.el.value().name() == "footer"
            || self.is_byline(i)
            || (rules.clean_by_content && is_link_line(self.analysis, i))
            || (rules.clean_by_content
                && reads_as_chrome(
                    self.analysis,
                    i,
                    self.context.last().copied().unwrap_or_default(),
                ));
        if dropped {
            self.written.left_out += 1;
            self.lead_ins.left_out();
        }
        !dropped
    }

    /// The first short block marked as the author line (`rel=author`, `itemprop=author`, a
    /// `byline` class) is page metadata, not article text.
    fn is_byline(&mut self, i: usize) -> bool {
        if self.byline_seen {
            return false;
        }
        let el = self.analysis.nodes[i].el.value();
        let marked = !el.attrs.is_empty()
            && (el.attr("rel").is_some_and(|r| r.contains("author"))
                || el.attr("itemprop").is_some_and(|p| p.contains("author"))
                || [el.attr("class"), el.attr("id")]
                    .into_iter()
                    .flatten()
                    .any(|v| {
                        let v = v.to_ascii_lowercase();
                        v.contains("byline") || v.contains("dateline") || v.contains("writtenby")
                    }));
        let short = self.analysis.totals[i].text < 100;
        if marked && short && self.analysis.totals[i].text > 0 {
            self.byline_seen = true;
            let text: String = self.analysis.nodes[i].el.text().collect();
            self.written.byline = Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
            return true;
        }
        false
    }
}

/// A block inside the article that reads as chrome by its content (reader modes' "clean
/// conditionally"): a negative class weight beyond its score; or, with fewer than ten commas,
/// mostly link text, more inputs than paragraphs allow, several embeds, or a gallery of images
/// with little text.
fn reads_as_chrome(analysis: &Analysis, i: usize, (in_figure, protected): (bool, bool)) -> bool {
    let el = analysis.nodes[i].el;
    let name = el.value().name();
    if !matches!(name, "div" | "ul" | "ol" | "table" | "form" | "fieldset")
        || protected
        || (name == "table" && is_data_table(el))
    {
        return false;
    }
    let weight = if analysis.rules.class_weights {
        class_weight(el.value())
    } else {
        0
    };
    if weight < 0 {
        return true;
    }
    let s = analysis.totals[i];
    if s.commas >= 10 {
        return false;
    }
    let is_list = matches!(name, "ul" | "ol");
    let density = s.link_density();
    let heading_density = if s.text == 0 {
        0.0
    } else {
        s.headings as f64 / s.text as f64
    };
    (s.images > 1 && (s.paragraphs as f64) < 0.5 * s.images as f64 && !in_figure)
        || (!is_list && s.list_items > s.paragraphs + 100)
        || (s.inputs > s.paragraphs / 3)
        || (!is_list
            && heading_density < 0.9
            && s.text < 25
            && (s.images == 0 || s.images > 2)
            && density > 0.0)
        || (!is_list && weight < 25 && density > 0.2)
        || (weight >= 25 && density > 0.5)
        || (s.embeds == 1 && s.text < 75)
        || s.embeds > 1
}

/// Longest paragraph that [`is_link_line`] leaves out.
const MAX_LINK_LINE_CHARS: usize = 300;

/// A paragraph or heading that is mostly (80%) a link: "Read also: <a>other story</a>",
/// a teaser headline, "Download the PDF". Prose has few links.
fn is_link_line(analysis: &Analysis, i: usize) -> bool {
    let info = &analysis.nodes[i];
    if !info.tag.prose {
        return false;
    }
    let s = analysis.totals[i];
    s.text > 0 && s.text <= MAX_LINK_LINE_CHARS && s.links * 5 >= s.text * 4
}

/// A picture's short caption or credit line: a `<figcaption>` or a block named as a caption,
/// credit or copyright line, with fewer than [`CAPTION_WORDS`] words. Inline elements (a
/// `span.credit` inside a longer caption) stay: the caption reads whole.
fn is_caption(analysis: &Analysis, i: usize) -> bool {
    let info = &analysis.nodes[i];
    let el = info.el.value();
    if info.in_text || info.tag.inline {
        return false;
    }
    if el.name() != "figcaption" && !is_caption_name(el) {
        return false;
    }
    let words = info
        .el
        .text()
        .flat_map(str::split_whitespace)
        .take(CAPTION_WORDS)
        .count();
    words < CAPTION_WORDS
}

/// A caption of this many words or more is a sentence about the picture and is kept (a
/// miscaptioned photo is a claim); shorter ones are credits and labels.
const CAPTION_WORDS: usize = 8;

/// A table of data (headers, a caption or a summary), as opposed to one used for layout.
fn is_data_table(table: ElementRef) -> bool {
    let e = table.value();
    if e.attr("role") == Some("presentation") {
        return false;
    }
    if e.attr("summary").is_some() || e.attr("datatable").is_some_and(|v| v != "0") {
        return true;
    }
    table.descendants().take(2_000).any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "th" | "caption" | "thead" | "colgroup"))
    })
}
