//! Running heads, running feet and page numbers: lines near the top or bottom edge of a page
//! that repeat on other pages at the same height (digits aside, so "Report 2024 · 7" matches
//! "Report 2024 · 8"), and page-number lines ("7", "- 7 -", "Page 7 of 12", "vii") at the
//! very top or bottom of a page. Both are removed; the note says on how many pages.

use std::collections::HashMap;

use super::blocks::Block;

/// The share of the page height, from the top and from the bottom, where running lines live.
const BAND: f32 = 0.15;
/// Running lines of two pages stand at the same height within this many points.
const SAME_HEIGHT: f32 = 4.0;

/// A page's blocks, before reading order.
pub(crate) struct LaidOutPage {
    /// Its blocks.
    pub blocks: Vec<Block>,
    /// Its height (points).
    pub height: f32,
}

/// What was removed, for the notes.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct RunningRemoved {
    /// Pages that lost a repeated line at the top.
    pub heads: usize,
    /// Pages that lost a repeated line at the bottom.
    pub feet: usize,
    /// Pages that lost a page number.
    pub numbers: usize,
    /// Pages that lost anything.
    pub pages: usize,
}

/// Where a line is: page, block, line.
type At = (usize, usize, usize);

/// A candidate running line: where, its baseline, whether it stands apart from the body.
type Place = (At, f32, bool);

/// Removes running heads, feet and page numbers from `pages`.
pub(crate) fn remove_running(pages: &mut [LaidOutPage]) -> RunningRemoved {
    let mut candidates: HashMap<(String, bool), Vec<Place>> = HashMap::new();
    let mut numbers: Vec<(At, bool)> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let (highest, lowest) = extremes(page);
        for (b, block) in page.blocks.iter().enumerate() {
            for (l, line) in block.lines.iter().enumerate() {
                let top = line.y >= page.height * (1.0 - BAND);
                let bottom = line.y <= page.height * BAND;
                if !top && !bottom {
                    continue;
                }
                let outermost = line.y >= highest - 1.0 || line.y <= lowest + 1.0;
                if outermost && is_page_number(&line.text) {
                    numbers.push(((p, b, l), top));
                    continue;
                }
                let key = letters(&line.text);
                if key.len() >= 2 {
                    let isolated = isolated(page, line, top);
                    candidates
                        .entry((key, top))
                        .or_default()
                        .push(((p, b, l), line.y, isolated));
                }
            }
        }
    }
    // A line on at least half of the pages (and three) is running text wherever it stands; one
    // on fewer pages (but two, and three in ten) only when set apart from the body by a gap.
    let needed = (pages.len() as f32 * 0.3).ceil().max(2.0) as usize;
    let plenty = (pages.len() as f32 * 0.5).ceil().max(3.0) as usize;
    let mut remove: Vec<(At, Kind)> = numbers
        .into_iter()
        .map(|(at, _)| (at, Kind::Number))
        .collect();
    for ((_, top), places) in &candidates {
        for &(at, y, isolated) in places {
            let mut pages_alike: Vec<usize> = places
                .iter()
                .filter(|(_, other, _)| (other - y).abs() <= SAME_HEIGHT)
                .map(|((p, _, _), _, _)| *p)
                .collect();
            pages_alike.dedup();
            let count = pages_alike.len();
            if count >= plenty || (count >= needed && isolated) {
                remove.push((at, if *top { Kind::Head } else { Kind::Foot }));
            }
        }
    }
    apply(pages, remove)
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Head,
    Foot,
    Number,
}

/// Whether `line` stands apart from the body: the nearest line on its body side (below a head,
/// above a foot) that shares some of its width is more than 1.6 font sizes away.
fn isolated(page: &LaidOutPage, line: &super::blocks::Line, top: bool) -> bool {
    let nearest = page
        .blocks
        .iter()
        .flat_map(|b| &b.lines)
        .filter(|o| o.x0 < line.x1 && line.x0 < o.x1)
        .map(|o| if top { line.y - o.y } else { o.y - line.y })
        .filter(|d| *d > 0.25 * line.size)
        .fold(f32::INFINITY, f32::min);
    nearest > 1.6 * line.size
}

/// The highest and lowest baselines of a page.
fn extremes(page: &LaidOutPage) -> (f32, f32) {
    let ys = page.blocks.iter().flat_map(|b| b.lines.iter().map(|l| l.y));
    ys.fold((f32::NEG_INFINITY, f32::INFINITY), |(hi, lo), y| {
        (hi.max(y), lo.min(y))
    })
}

fn apply(pages: &mut [LaidOutPage], mut remove: Vec<(At, Kind)>) -> RunningRemoved {
    let mut removed = RunningRemoved::default();
    remove.sort_by_key(|&(at, _)| std::cmp::Reverse(at));
    remove.dedup_by_key(|(at, _)| *at);
    let mut last_page = None;
    let mut kinds_on_page: Vec<Kind> = Vec::new();
    let count_page = |kinds: &mut Vec<Kind>, removed: &mut RunningRemoved| {
        if kinds.is_empty() {
            return;
        }
        removed.pages += 1;
        removed.heads += usize::from(kinds.contains(&Kind::Head));
        removed.feet += usize::from(kinds.contains(&Kind::Foot));
        removed.numbers += usize::from(kinds.contains(&Kind::Number));
        kinds.clear();
    };
    for ((p, b, l), kind) in remove {
        if last_page != Some(p) {
            count_page(&mut kinds_on_page, &mut removed);
            last_page = Some(p);
        }
        kinds_on_page.push(kind);
        pages[p].blocks[b].lines.remove(l);
    }
    count_page(&mut kinds_on_page, &mut removed);
    for page in pages.iter_mut() {
        page.blocks.retain(|b| !b.lines.is_empty());
        for block in &mut page.blocks {
            block.x0 = block
                .lines
                .iter()
                .map(|l| l.x0)
                .fold(f32::INFINITY, f32::min);
            block.x1 = block
                .lines
                .iter()
                .map(|l| l.x1)
                .fold(f32::NEG_INFINITY, f32::max);
        }
    }
    removed
}

/// The letters of a line, lower case: what repeats when the page number changes.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a line is nothing but a page number: "7", "- 7 -", "Page 7", "Page 7 of 12",
/// "7 / 12", "p. 7", "vii".
pub(crate) fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let core = lower.trim_matches(|c: char| {
        matches!(c, '-' | '–' | '—' | '|' | '·' | '•' | '[' | ']' | '(' | ')') || c.is_whitespace()
    });
    let core = [
        "page", "pages", "pg.", "p.", "seite", "página", "pagina", "pag.",
    ]
    .iter()
    .find_map(|word| core.strip_prefix(word))
    .unwrap_or(core)
    .trim();
    let mut parts = core
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of" && *p != "von" && *p != "de" && *p != "sur");
    let Some(first) = parts.next() else {
        return false;
    };
    let number = |p: &str| {
        (p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            || (p.len() <= 9 && (1..400).any(|n| roman(n) == p))
    };
    let rest: Vec<&str> = parts.collect();
    number(first) && rest.len() <= 1 && rest.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
}

/// `n` in lower-case roman numerals.
fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::blocks::Line;
    use super::*;

    #[test]
    fn page_number_lines_are_recognised_and_sentences_are_not() {
        for yes in [
            "7",
            "- 7 -",
            "Page 7",
            "Page 7 of 12",
            "7 / 12",
            "p. 7",
            "vii",
            "— 12 —",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "7 people died",
            "Page",
            "Chapter 7",
            "2024 budget",
            "",
            "mix",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    fn page(lines: &[(&str, f32)]) -> LaidOutPage {
        LaidOutPage {
            blocks: lines
                .iter()
                .map(|&(text, y)| Block {
                    lines: vec![Line {
                        text: text.into(),
                        x0: 50.0,
                        x1: 300.0,
                        y,
                        size: 10.0,
                    }],
                    x0: 50.0,
                    x1: 300.0,
                })
                .collect(),
            height: 800.0,
        }
    }

    #[test]
    fn repeated_heads_and_bottom_numbers_go_and_body_text_stays() {
        let mut pages: Vec<LaidOutPage> = (1..=3)
            .map(|n| {
                let head = format!("The Ledger, issue {n}");
                let body = ["Body text alpha.", "Body text beta.", "Body text gamma."][n - 1];
                let number = n.to_string();
                page(&[
                    (head.as_str(), 780.0),
                    (body, 720.0),
                    (number.as_str(), 30.0),
                ])
            })
            .collect();
        let removed = remove_running(&mut pages);
        assert_eq!(
            removed,
            RunningRemoved {
                heads: 3,
                feet: 0,
                numbers: 3,
                pages: 3
            }
        );
        for page in &pages {
            assert_eq!(page.blocks.len(), 1);
            assert!(page.blocks[0].lines[0].text.starts_with("Body text"));
        }
    }
}
