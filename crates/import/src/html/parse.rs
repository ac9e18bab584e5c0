//! Parsing a page with a bound on element nesting.
//!
//! html5ever's tree builder looks through the stack of open elements for many start tags (is a
//! `<p>` open in scope?), so a page of N nested `<div>`s costs N² steps: 200,000 levels take
//! minutes. Browsers cap the depth of the tree they build; so do we, before the tree builder
//! sees the tags: a filter between the tokenizer and the tree builder keeps its own account of
//! the open elements and drops start tags (with their matching end tags) that would nest deeper
//! than [`MAX_DEPTH`]. Their text is kept, in the deepest element allowed: the structure below
//! that depth is flattened, nothing is lost. Work is then linear in the size of the page.
//!
//! The number of elements is bounded the same way: past [`MAX_ELEMENTS`] (ten times a long
//! news page), further tags are dropped and replaced by a space, so a page of a million tiny
//! paragraphs imports its text in well under a second instead of building a million elements.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, tendril::StrTendril};
use scraper::{Html, HtmlTreeSink};

/// Deepest element nesting kept. Real pages stay far below it (news pages: 20–60 levels);
/// browsers stop at 512, but html5ever's cost per tag grows with the depth.
pub const MAX_DEPTH: usize = 160;

/// Most elements built. Long news pages have a few thousand to 20,000; the longest
/// encyclopaedia articles about 60,000.
pub const MAX_ELEMENTS: usize = 200_000;

/// A parsed page and how many start tags were dropped to bound its depth and size.
pub struct Parsed {
    /// The document.
    pub doc: Html,
    /// Start tags left out because they nested deeper than [`MAX_DEPTH`] (0 for real pages).
    pub flattened: usize,
    /// Start tags left out because the page already had [`MAX_ELEMENTS`] elements.
    pub over_budget: usize,
}

/// Parses an HTML document as a browser would, except that nesting deeper than [`MAX_DEPTH`]
/// is flattened (see the module documentation).
pub fn parse_document(html: &str) -> Parsed {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let filter = DepthFilter {
        inner: builder,
        open: RefCell::default(),
        dropped: RefCell::default(),
        unclosed: RefCell::default(),
        unclosed_formatting: Cell::new(0),
        flattened: Cell::new(0),
        elements: Cell::new(0),
        over_budget: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(filter, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    while let html5ever::TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
    let filter = tokenizer.sink;
    Parsed {
        flattened: filter.flattened.get(),
        over_budget: filter.over_budget.get(),
        doc: filter.inner.sink.0.into_inner(),
    }
}

/// Elements that never have content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame", "basefont", "bgsound",
];

/// Elements whose start switches the tokenizer (raw text) or that the tree builder merges into
/// existing ones: always passed on, so dropping a tag never turns a script into visible text.
const ALWAYS_PASSED: &[&str] = &[
    "html",
    "head",
    "body",
    "frameset",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
    "svg",
    "math",
];

/// HTML's formatting elements: the tree builder remembers unclosed ones and reopens all of them
/// in every new block, so their number is bounded too.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Unclosed formatting elements kept; further ones are dropped (their text is kept).
pub const MAX_UNCLOSED_FORMATTING: usize = 8;

/// Start tags that close an open `<p>` (HTML's "close a p element").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Sits between the tokenizer and the tree builder and keeps the tree's depth bounded.
struct DepthFilter {
    inner: TreeBuilder<ego_tree::NodeId, HtmlTreeSink>,
    /// Our account of the open elements (names), innermost last; an approximation of the tree
    /// builder's stack that follows the implied end tags that matter (`p`, `li`, `dd`, table
    /// cells and rows, `option`).
    open: RefCell<OpenStack>,
    /// Per element name, how many of its start tags were dropped and still await their end tag.
    dropped: RefCell<HashMap<LocalName, usize>>,
    /// Formatting elements passed on and not yet closed by an end tag of their name: per name,
    /// and in all.
    unclosed: RefCell<HashMap<LocalName, usize>>,
    unclosed_formatting: Cell<usize>,
    flattened: Cell<usize>,
    /// Start tags passed on so far.
    elements: Cell<usize>,
    /// Start tags dropped because [`MAX_ELEMENTS`] were passed on.
    over_budget: Cell<usize>,
}

impl TokenSink for DepthFilter {
    type Handle = ego_tree::NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Self::Handle> {
        if let Token::TagToken(tag) = &token {
            let name: &str = &tag.name;
            let opens = !tag.self_closing && !VOID.contains(&name);
            match tag.kind {
                TagKind::StartTag if self.over_budget(name) => {
                    if opens {
                        // Its end tag is dropped with it.
                        *self
                            .dropped
                            .borrow_mut()
                            .entry(tag.name.clone())
                            .or_default() += 1;
                    }
                    // A space, so the words on either side of the tag stay apart.
                    let space = Token::CharacterTokens(StrTendril::from_slice(" "));
                    return self.inner.process_token(space, line);
                }
                TagKind::StartTag if opens => {
                    if !self.open_element(&tag.name) {
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::EndTag => {
                    if !self.close_element(&tag.name) {
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::StartTag => {}
            }
            if tag.kind == TagKind::StartTag {
                self.elements.set(self.elements.get() + 1);
            }
        }
        self.inner.process_token(token, line)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl DepthFilter {
    /// True if the page already has [`MAX_ELEMENTS`] and the start tag `name` must go.
    fn over_budget(&self, name: &str) -> bool {
        let spent = self.elements.get() >= MAX_ELEMENTS && !ALWAYS_PASSED.contains(&name);
        if spent {
            self.over_budget.set(self.over_budget.get() + 1);
        }
        spent
    }

    /// Accounts for a start tag; false if it must be dropped (too deep).
    fn open_element(&self, name: &LocalName) -> bool {
        let mut open = self.open.borrow_mut();
        close_implied(&mut open, name);
        let formatting = FORMATTING.contains(&&**name);
        let too_deep = open.names.len() >= MAX_DEPTH
            || (formatting && self.unclosed_formatting.get() >= MAX_UNCLOSED_FORMATTING);
        if too_deep && !ALWAYS_PASSED.contains(&&**name) {
            *self.dropped.borrow_mut().entry(name.clone()).or_default() += 1;
            self.flattened.set(self.flattened.get() + 1);
            return false;
        }
        if formatting {
            *self.unclosed.borrow_mut().entry(name.clone()).or_default() += 1;
            self.unclosed_formatting
                .set(self.unclosed_formatting.get() + 1);
        }
        open.push(name.clone());
        true
    }

    /// Accounts for an end tag; false if it closes a dropped start tag (drop it too).
    fn close_element(&self, name: &LocalName) -> bool {
        if let Some(count) = self.dropped.borrow_mut().get_mut(name)
            && *count > 0
        {
            *count -= 1;
            return false;
        }
        if let Some(count) = self.unclosed.borrow_mut().get_mut(name)
            && *count > 0
        {
            *count -= 1;
            self.unclosed_formatting
                .set(self.unclosed_formatting.get() - 1);
        }
        let mut open = self.open.borrow_mut();
        if let Some(at) = open.names.iter().rposition(|n| n == name) {
            open.truncate(at);
        }
        true
    }
}

/// Pops the elements that a start tag `name` closes implicitly, as the tree builder will.
/// Only looks through the stack when an element it could close is open at all.
fn close_implied(open: &mut OpenStack, name: &str) {
    const SCOPE: &[&str] = &["table", "td", "th", "button", "caption", "html", "template"];
    let (stop, targets): (&[&str], &[&str]) = match name {
        "li" => (&["ul", "ol", "menu", "table"], &["li"]),
        "dd" | "dt" => (&["dl", "table"], &["dd", "dt"]),
        "tr" => (&["table"], &["tr"]),
        "td" | "th" => (&["tr", "table"], &["td", "th"]),
        "option" => (&["select"], &["option"]),
        _ => (&[], &[]),
    };
    if CLOSES_P.contains(&name) && open.paragraphs > 0 {
        close_to(open, SCOPE, &["p"]);
    }
    if !targets.is_empty() {
        close_to(open, stop, targets);
    }
}

/// Truncates `open` before the innermost element named in `targets`, unless an element named
/// in `stop` comes first.
fn close_to(open: &mut OpenStack, stop: &[&str], targets: &[&str]) {
    for at in (0..open.names.len()).rev() {
        let here: &str = &open.names[at];
        if targets.contains(&here) {
            open.truncate(at);
            return;
        }
        if stop.contains(&here) {
            return;
        }
    }
}

/// The filter's account of the open elements, with the number of open `<p>`s kept so that
/// the common "does this tag close a paragraph" question costs nothing when none is open.
#[derive(Default)]
struct OpenStack {
    names: Vec<LocalName>,
    paragraphs: usize,
}

impl OpenStack {
    fn push(&mut self, name: LocalName) {
        self.paragraphs += usize::from(&*name == "p");
        self.names.push(name);
    }

    fn truncate(&mut self, at: usize) {
        let closed = self.names[at..].iter().filter(|n| &***n == "p").count();
        self.paragraphs -= closed;
        self.names.truncate(at);
    }
}

/// Leaves a subtree out of a `traverse()` walk: [`SkipSubtree::start`] on an element's `Open`
/// edge, then [`SkipSubtree::skips`] is true for every edge up to and including its `Close`.
#[derive(Default)]
pub struct SkipSubtree(Option<ego_tree::NodeId>);

impl SkipSubtree {
    /// Skips the rest of the subtree of `id` (whose `Open` edge is being handled).
    pub fn start(&mut self, id: ego_tree::NodeId) {
        self.0 = Some(id);
    }

    /// True if `edge` lies in the subtree being skipped (ending the skip at its `Close`).
    pub fn skips(&mut self, edge: &ego_tree::iter::Edge<'_, scraper::Node>) -> bool {
        let Some(id) = self.0 else {
            return false;
        };
        if let ego_tree::iter::Edge::Close(node) = edge
            && node.id() == id
        {
            self.0 = None;
        }
        true
    }
}
