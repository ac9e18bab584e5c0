//! Which parts of the page are the article: the best-scoring container, moved up to an
//! ancestor that scores better (the article's text is often split over several blocks), and
//! joined by siblings that score nearly as well or are plain paragraphs of prose.

use super::score::Analysis;

/// The elements (indices into `analysis.nodes`, in document order) whose text is the article.
/// Empty when no paragraph of prose scored: then the whole body is read.
pub fn article_parts(analysis: &Analysis) -> Vec<usize> {
    let Some(top) = best_candidate(analysis) else {
        return Vec::new();
    };
    let top = climb(analysis, shared_ancestor(analysis, top));
    let Some(parent) = analysis.nodes[top].parent else {
        return vec![top];
    };
    let top_score = analysis.score(top);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = analysis.nodes[top].el.value().attr("class").unwrap_or("");
    analysis
        .children(parent)
        .filter(|&i| i == top || joins_the_article(analysis, i, top_class, top_score, threshold))
        .collect()
}

/// The element with the best score (outside chrome).
fn best_candidate(analysis: &Analysis) -> Option<usize> {
    analysis
        .scores
        .iter()
        .filter(|(i, _)| !analysis.in_chrome(**i))
        .filter(|(i, _)| !matches!(analysis.nodes[**i].el.value().name(), "html"))
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(i, _)| *i)
}

/// When three or more of the next four candidates score nearly as well (75%) and share an
/// ancestor with the best one, the article is that ancestor: its text is split over blocks.
fn shared_ancestor(analysis: &Analysis, top: usize) -> usize {
    let top_score = analysis.score(top);
    let mut others: Vec<(usize, f64)> = analysis
        .scores
        .iter()
        .filter(|(i, _)| **i != top && !analysis.in_chrome(**i))
        .map(|(i, s)| (*i, *s))
        .collect();
    others.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let close: Vec<usize> = others
        .iter()
        .take(4)
        .filter(|(_, s)| top_score > 0.0 && s / top_score >= 0.75)
        .map(|(i, _)| *i)
        .collect();
    if close.len() < 3 {
        return top;
    }
    let body = analysis.body();
    let mut at = analysis.nodes[top].parent;
    while let Some(a) = at {
        if a == body || a == 0 {
            break;
        }
        if close
            .iter()
            .filter(|&&c| is_ancestor(analysis, a, c))
            .count()
            >= 3
        {
            return a;
        }
        at = analysis.nodes[a].parent;
    }
    top
}

fn is_ancestor(analysis: &Analysis, ancestor: usize, mut i: usize) -> bool {
    while let Some(p) = analysis.nodes[i].parent {
        if p == ancestor {
            return true;
        }
        i = p;
    }
    false
}

/// Moves up from the best candidate: to an ancestor that scores higher than the path below
/// it (before the scores fall to a third), and through parents that have no other child.
fn climb(analysis: &Analysis, mut top: usize) -> usize {
    let body = analysis.body();
    let mut last = analysis.score(top);
    let threshold = last / 3.0;
    let mut at = analysis.nodes[top].parent;
    while let Some(p) = at {
        if p == body || p == 0 {
            break;
        }
        if let Some(&score) = analysis.scores.get(&p) {
            if score < threshold {
                break;
            }
            if score > last {
                top = p;
                break;
            }
            last = score;
        }
        at = analysis.nodes[p].parent;
    }
    while let Some(p) = analysis.nodes[top].parent {
        if p == body || p == 0 || element_children(analysis, p) != 1 {
            break;
        }
        top = p;
    }
    top
}

fn element_children(analysis: &Analysis, parent: usize) -> usize {
    analysis.children(parent).count()
}

/// A sibling of the best candidate joins the article when it scores at least the threshold
/// (with a bonus for the same class), or is a paragraph of prose with few links.
fn joins_the_article(
    analysis: &Analysis,
    i: usize,
    top_class: &str,
    top_score: f64,
    threshold: f64,
) -> bool {
    if analysis.in_chrome(i) {
        return false;
    }
    let el = analysis.nodes[i].el;
    let same_class = !top_class.is_empty() && el.value().attr("class") == Some(top_class);
    let bonus = if same_class { top_score * 0.2 } else { 0.0 };
    if analysis.scores.contains_key(&i) && analysis.score(i) + bonus >= threshold {
        return true;
    }
    if el.value().name() != "p" {
        return false;
    }
    let stats = analysis.totals[i];
    let density = stats.link_density();
    if stats.text > 80 {
        return density < 0.25;
    }
    let text: String = el.text().collect();
    let text = text.trim_end();
    stats.text > 0 && density == 0.0 && (text.ends_with('.') || text.contains(". "))
}
