//! Finding the article by its content, the way reader modes do: every paragraph of real prose
//! (long enough, with commas) scores its parent and, less, its ancestors; the best-scoring
//! container (less its share of link text) is the article, joined by siblings that score
//! nearly as well or are plain paragraphs. `<article>`, `<main>` and content class names are
//! hints that raise a score, not the answer.
//!
//! One pass over the tree collects each element's own counts; sums over subtrees are then a
//! single backward loop (children come after their parent in document order), so the whole
//! analysis is linear in the size of the page.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::chrome::{
    BLOCKS, INLINE, PARAGRAPHS, chrome_by_name, class_weight, is_comment_thread, never_text,
};

/// What an element's tag name says, looked up once per element (the name lists are scanned
/// once, not at every step of every walk).
#[derive(Clone, Copy, Debug, Default)]
pub struct Tag {
    /// Starts and ends a paragraph of the written text ([`BLOCKS`]).
    pub block: bool,
    /// Keeps its text inline ([`INLINE`]).
    pub inline: bool,
    /// A paragraph or heading: class and id words never remove anything inside ([`PARAGRAPHS`]).
    pub paragraph: bool,
    /// A link.
    pub link: bool,
    /// `<p>` or `<pre>`: prose.
    pub prose: bool,
    /// A heading.
    pub heading: bool,
}

impl Tag {
    /// The facts of tag `name`.
    pub fn of(name: &str) -> Tag {
        Tag {
            block: BLOCKS.contains(&name),
            inline: INLINE.contains(&name),
            paragraph: PARAGRAPHS.contains(&name),
            link: name == "a",
            prose: matches!(name, "p" | "pre"),
            heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
        }
    }
}

/// Counts over an element's text (own, or summed over its subtree).
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Characters of text (whitespace runs count as one).
    pub text: usize,
    /// Of those, characters inside links.
    pub links: usize,
    /// Commas (sentence structure).
    pub commas: usize,
    /// Characters inside `<p>` and `<pre>`.
    pub prose: usize,
    /// Characters inside headings.
    pub headings: usize,
    /// `<p>` elements.
    pub paragraphs: usize,
    /// `<li>` elements.
    pub list_items: usize,
    /// `<img>` elements.
    pub images: usize,
    /// Form inputs.
    pub inputs: usize,
    /// `<embed>`, `<object>` and `<iframe>` elements.
    pub embeds: usize,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.text += o.text;
        self.links += o.links;
        self.commas += o.commas;
        self.prose += o.prose;
        self.headings += o.headings;
        self.paragraphs += o.paragraphs;
        self.list_items += o.list_items;
        self.images += o.images;
        self.inputs += o.inputs;
        self.embeds += o.embeds;
    }

    /// Share of the text that is link text (0 without text).
    pub fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.links as f64 / self.text as f64
        }
    }
}

/// One element of the page (those inside never-text elements are not listed).
pub struct Info<'a> {
    /// The element.
    pub el: ElementRef<'a>,
    /// Index of the parent element, if listed.
    pub parent: Option<usize>,
    /// Marked as chrome by its class or id (and not protected).
    pub chrome: bool,
    /// Inside a paragraph or heading.
    pub in_text: bool,
    /// One past the index of its last listed descendant: its subtree is `nodes[i..end]`.
    pub end: usize,
    /// What its tag name says (looked up once).
    pub tag: Tag,
    /// Its own counts (text directly inside it or inside its inline descendants count as
    /// `loose`; everything in `own`).
    own: Stats,
    /// Text not inside a block-level child: what a reader mode would wrap in a paragraph.
    loose: Stats,
}

/// The page's elements with their counts, and the choice of the article.
pub struct Analysis<'a> {
    /// Elements in document order (a subtree is a contiguous range: see [`Info::end`]).
    pub nodes: Vec<Info<'a>>,
    /// Sums over subtrees, leaving out chrome subtrees (when `strict`).
    pub totals: Vec<Stats>,
    /// Content scores of the elements that got one.
    pub scores: HashMap<usize, f64>,
    /// Whether each element is chrome or inside chrome (all false when not `strict`).
    pub chrome_inside: Vec<bool>,
    /// Which rules this reading uses.
    pub rules: Rules,
}

/// The rules a reading of the page uses. The first reading uses all of them; when it finds
/// too little text, the page is read again with one rule fewer at a time (chrome names, then
/// class weights, then cleaning by content), and the longest reading wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Leave out blocks whose class or id names chrome.
    pub chrome_names: bool,
    /// Let class and id words raise or lower scores.
    pub class_weights: bool,
    /// Leave out blocks inside the article that read as chrome by content.
    pub clean_by_content: bool,
}

impl Rules {
    /// Every rule, then the fallbacks, in the order they are tried.
    pub const ATTEMPTS: [Rules; 4] = [
        Rules {
            chrome_names: true,
            class_weights: true,
            clean_by_content: true,
        },
        Rules {
            chrome_names: false,
            class_weights: true,
            clean_by_content: true,
        },
        Rules {
            chrome_names: false,
            class_weights: false,
            clean_by_content: true,
        },
        Rules {
            chrome_names: false,
            class_weights: false,
            clean_by_content: false,
        },
    ];
}

impl<'a> Analysis<'a> {
    /// Collects the elements and counts of `doc`.
    pub fn new(doc: &'a Html, rules: Rules) -> Analysis<'a> {
        let strict = rules.chrome_names;
        let mut analysis = collect(doc, rules);
        if strict {
            analysis.protect_large_blocks();
        }
        let mut inside = vec![false; analysis.nodes.len()];
        for (i, info) in analysis.nodes.iter().enumerate() {
            inside[i] = strict && (info.chrome || info.parent.is_some_and(|p| inside[p]));
        }
        analysis.chrome_inside = inside;
        analysis.totals = analysis.sum(|info| strict && info.chrome);
        analysis.score_paragraphs();
        analysis
    }

    /// The body (or the root element) index.
    pub fn body(&self) -> usize {
        self.nodes
            .iter()
            .position(|n| n.el.value().name() == "body")
            .unwrap_or(0)
    }

    /// The listed children of `parent`, in document order: each child's subtree is skipped
    /// whole, so this costs the number of children, not of descendants.
    pub fn children(&self, parent: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[parent].end;
        let mut next = parent + 1;
        std::iter::from_fn(move || {
            let child = next;
            (child < end).then(|| {
                next = self.nodes[child].end;
                child
            })
        })
    }

    /// True if `i` or an ancestor is chrome (in strict mode).
    pub fn in_chrome(&self, i: usize) -> bool {
        self.chrome_inside[i]
    }

    /// The class weight of `i` (only the tag hint when class weights are off).
    pub fn weight(&self, i: usize) -> i32 {
        let hint = hint_bonus(self.nodes[i].el);
        if self.rules.class_weights {
            class_weight(self.nodes[i].el.value()) + hint
        } else {
            hint
        }
    }

    /// Sums own counts over subtrees, leaving out subtrees for which `skip` is true.
    fn sum(&self, skip: impl Fn(&Info) -> bool) -> Vec<Stats> {
        let mut totals: Vec<Stats> = self.nodes.iter().map(|n| n.own).collect();
        for i in (0..self.nodes.len()).rev() {
            if let Some(p) = self.nodes[i].parent
                && !skip(&self.nodes[i])
            {
                let child = totals[i];
                totals[p].add(&child);
            }
        }
        totals
    }

    /// A block marked as chrome by name that holds 40% or more of the page's prose is the
    /// article's own container (`widget Blog`, `l-sidebar-fixed`), not chrome. Comment
    /// threads stay chrome however long they are.
    fn protect_large_blocks(&mut self) {
        let raw = self.sum(|_| false);
        let total = raw[self.body()].prose;
        if total == 0 {
            return;
        }
        for (i, info) in self.nodes.iter_mut().enumerate() {
            if info.chrome && raw[i].prose * 10 >= total * 4 && !is_comment_thread(info.el.value())
            {
                info.chrome = false;
            }
        }
    }

    /// Scores each paragraph of prose into its ancestors (up to five levels).
    fn score_paragraphs(&mut self) {
        for i in 0..self.nodes.len() {
            let name = self.nodes[i].el.value().name();
            let scored_tag = matches!(
                name,
                "p" | "pre" | "td" | "h2" | "h3" | "h4" | "h5" | "h6" | "section"
            );
            let (stats, first) = if scored_tag {
                (self.totals[i], self.nodes[i].parent)
            } else if !self.nodes[i].tag.inline && self.nodes[i].loose.text >= 25 {
                (self.nodes[i].loose, Some(i))
            } else {
                continue;
            };
            if stats.text < 25 || self.in_chrome(i) {
                continue;
            }
            let score = 1.0 + stats.commas as f64 + (stats.text / 100).min(3) as f64;
            let mut at = first;
            for level in 0..5 {
                let Some(a) = at else { break };
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                let init = self.initial_score(a);
                *self.scores.entry(a).or_insert(init) += score / divider;
                at = self.nodes[a].parent;
            }
        }
        for (i, s) in self.scores.iter_mut() {
            *s *= 1.0 - self.totals[*i].link_density();
        }
    }

    fn initial_score(&self, i: usize) -> f64 {
        let base = match self.nodes[i].el.value().name() {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + self.weight(i) as f64
    }

    /// The score of `i` (0 if it got none).
    pub fn score(&self, i: usize) -> f64 {
        self.scores.get(&i).copied().unwrap_or(0.0)
    }
}

/// `<article>`, `<main>`, `role=main` and `itemprop=articleBody` say "the content is here".
fn hint_bonus(el: ElementRef) -> i32 {
    let e = el.value();
    let hinted = matches!(e.name(), "article" | "main")
        || !e.attrs.is_empty() && e.attr("role").is_some_and(|r| r.trim() == "main")
        || e.attr("itemprop")
            .is_some_and(|p| p.contains("articleBody"));
    if hinted { 25 } else { 0 }
}

/// One walk over the document: the listed elements, their parents, marks and own counts.
fn collect(doc: &Html, rules: Rules) -> Analysis<'_> {
    let mut nodes: Vec<Info> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    // The open block-level elements: where loose text goes.
    let mut block_stack: Vec<usize> = Vec::new();
    let mut skip = super::parse::SkipSubtree::default();
    let (mut links, mut prose, mut headings, mut text_depth) = (0usize, 0usize, 0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        if skip.skips(&edge) {
            continue;
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if never_text(el) {
                        skip.start(node.id());
                        continue;
                    }
                    let name = el.name();
                    let tag = Tag::of(name);
                    let i = nodes.len();
                    let in_text = text_depth > 0;
                    nodes.push(Info {
                        el: ElementRef::wrap(node).expect("an element"),
                        parent: stack.last().copied(),
                        chrome: rules.chrome_names && chrome_by_name(el, in_text),
                        in_text,
                        end: i + 1,
                        tag,
                        own: element_counts(name),
                        loose: Stats::default(),
                    });
                    stack.push(i);
                    if tag.block {
                        block_stack.push(i);
                    }
                    links += usize::from(tag.link);
                    prose += usize::from(tag.prose);
                    headings += usize::from(tag.heading);
                    text_depth += usize::from(tag.paragraph);
                }
                Node::Text(t) => {
                    let Some(&owner) = stack.last() else { continue };
                    let counts = text_counts(t, links > 0, prose > 0, headings > 0);
                    nodes[owner].own.add(&counts);
                    if let Some(&b) = block_stack.last() {
                        nodes[b].loose.add(&counts);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    let i = stack.pop().expect("an open element");
                    nodes[i].end = nodes.len();
                    let tag = nodes[i].tag;
                    if tag.block {
                        block_stack.pop();
                    }
                    links -= usize::from(tag.link);
                    prose -= usize::from(tag.prose);
                    headings -= usize::from(tag.heading);
                    text_depth -= usize::from(tag.paragraph);
                }
            }
        }
    }
    Analysis {
        nodes,
        totals: Vec::new(),
        chrome_inside: Vec::new(),
        scores: HashMap::new(),
        rules,
    }
}

fn element_counts(name: &str) -> Stats {
    Stats {
        paragraphs: usize::from(name == "p"),
        list_items: usize::from(name == "li"),
        images: usize::from(name == "img"),
        inputs: usize::from(matches!(name, "input" | "select" | "textarea" | "button")),
        embeds: usize::from(matches!(name, "embed" | "object" | "iframe")),
        ..Stats::default()
    }
}

fn text_counts(t: &str, in_link: bool, in_prose: bool, in_heading: bool) -> Stats {
    let mut len = 0;
    let mut commas = 0;
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        len += 1 + usize::from(space && len > 0);
        space = false;
        commas += usize::from(matches!(
            c,
            ',' | '，' | '、' | '،' | '﹐' | '︐' | '︑' | '⸴' | '⸲'
        ));
    }
    Stats {
        text: len,
        links: if in_link { len } else { 0 },
        commas,
        prose: if in_prose { len } else { 0 },
        headings: if in_heading { len } else { 0 },
        ..Stats::default()
    }
}
