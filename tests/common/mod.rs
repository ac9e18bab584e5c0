//! The one test bench of the UI test suites: a harness around a [`Workbench`], finding text
//! in the article, selecting it (with the mouse like a user, or directly), marking it with a
//! status key, and reading back the claims. Every suite of `tests/ui/` uses it.
#![allow(dead_code)] // each test binary uses a different subset

pub mod git;

use claimdesk::Workbench;
use claimdesk::app::Selection;
use claimdesk_model::ClaimStatus;
use claimdesk_model::Evidence;
use claimdesk_model::text::normalize_article_text;
use claimdesk_model::{Article, Claim, Review, Span};
use egui::{Key, Rect, Vec2, vec2};
use egui_kittest::Harness;

/// A kittest harness of `size` around `wb`, at 60 frames a second (so a double-click is two
/// clicks within egui's double-click time), run until idle.
pub fn harness_of(wb: Workbench, size: Vec2) -> Harness<'static, Workbench> {
    build(wb, size, false)
}

/// As [`harness_of`], for articles in scripts the test fonts lack (Arabic, emoji): the app's
/// fonts are installed by the shell (`src/gui.rs`), so here missing glyphs draw as boxes.
pub fn harness_without_all_glyphs(wb: Workbench, size: Vec2) -> Harness<'static, Workbench> {
    build(wb, size, true)
}

/// As [`harness_of`], with the app's bundled fonts installed as the shell does (Arabic,
/// Hebrew, CJK): for tests of how such text is shaped and placed.
pub fn harness_with_app_fonts(wb: Workbench, size: Vec2) -> Harness<'static, Workbench> {
    // The first frame runs while building, before the fonts can be installed.
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .allow_missing_glyphs()
        .build_ui_state(|ui, wb: &mut Workbench| wb.ui(ui), wb);
    claimdesk::ui::fonts::install(&h.ctx);
    h.run();
    h
}

fn build(wb: Workbench, size: Vec2, boxes_ok: bool) -> Harness<'static, Workbench> {
    let mut builder = Harness::builder().with_size(size).with_step_dt(1.0 / 60.0);
    if boxes_ok {
        builder = builder.allow_missing_glyphs();
    }
    let mut h = builder.build_ui_state(|ui, wb: &mut Workbench| wb.ui(ui), wb);
    h.run();
    h
}

/// The char offset of the first `needle` in `text` (panics if it is not there).
pub fn char_offset(text: &str, needle: &str) -> usize {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the article"));
    text[..byte].chars().count()
}

/// Selects chars `a..b` of the article directly (as a finished selection would).
pub fn select(h: &mut Harness<'_, Workbench>, a: usize, b: usize) {
    h.state_mut().review_mut().unwrap().view.selection = Some(Selection { anchor: a, head: b });
}

/// Selects the first `needle` of the open article and presses the key of `status`.
pub fn mark_selected_text(h: &mut Harness<'_, Workbench>, needle: &str, status: ClaimStatus) {
    let text = article_text(h);
    let a = char_offset(&text, needle);
    select(h, a, a + needle.chars().count());
    h.key_press(status_key(status));
    h.run();
}

/// The open review's article text.
pub fn article_text(h: &Harness<'_, Workbench>) -> String {
    let doc = h.state().review().expect("a review is open");
    doc.review().article.text().to_owned()
}

/// The open review's claims as (quote, status), in text order.
pub fn claim_quotes(h: &Harness<'_, Workbench>) -> Vec<(String, ClaimStatus)> {
    h.state().review().map_or_else(Vec::new, |d| {
        d.review()
            .claims()
            .iter()
            .map(|c| (c.quote.clone(), c.status))
            .collect()
    })
}

/// The selected claim, as it is now (panics if none is selected).
pub fn selected_claim(h: &Harness<'_, Workbench>) -> Claim {
    let wb = h.state();
    let id = wb
        .review()
        .unwrap()
        .view
        .selected_claim
        .clone()
        .expect("a claim is selected");
    wb.review().unwrap().review().claim(&id).unwrap().clone()
}

/// The review saved at `path`, read back with the core's loader.
pub fn saved_review(path: &std::path::Path) -> claimdesk_model::Review {
    claimdesk_model::format::load_file(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .review
}

/// Where char `pos` of the article was drawn in the last frame (panics if off screen).
pub fn char_rect(h: &Harness<'_, Workbench>, pos: usize) -> Rect {
    h.state()
        .article_view()
        .expect("a review is open")
        .char_rect(pos)
        .unwrap_or_else(|| panic!("char {pos} is not on screen"))
}

/// Clicks at `pos` as a mouse does: move there, press, release, a frame each.
pub fn click_at(h: &mut Harness<'_, Workbench>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.run();
    h.drop_at(pos);
    h.run();
}

/// `n` quick clicks at `pos` (2: a double-click, 3: a triple-click), then runs until idle.
pub fn multi_click(h: &mut Harness<'_, Workbench>, pos: egui::Pos2, n: usize) {
    h.hover_at(pos);
    h.run();
    for _ in 0..n {
        h.drag_at(pos);
        h.step();
        h.drop_at(pos);
        h.step();
    }
    h.run();
}

/// Drags the mouse from the start of char `a` to the end of char `b - 1`, one event a frame.
pub fn drag_select(h: &mut Harness<'_, Workbench>, a: usize, b: usize) {
    let start = char_rect(h, a).left_center() + vec2(1.0, 0.0);
    let end = char_rect(h, b - 1).right_center() - vec2(0.5, 0.0);
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    h.hover_at(start + (end - start) * 0.5);
    h.run();
    h.hover_at(end);
    h.run();
    h.drop_at(end);
    h.run();
}

/// The key that marks (or restatuses) with `status`, from the core's status table.
pub fn status_key(status: ClaimStatus) -> Key {
    claimdesk::ui::shortcuts::status_key(status)
}

/// The bundled sample article with three claims (disputed, under investigation, asserted), a
/// claimant and a source each, and a reviewer.
pub fn sample_review() -> Review {
    let text = normalize_article_text(include_str!("../../assets/sample-article.txt"));
    let article = Article::new("sample-article.txt", "assets/sample-article.txt", text);
    let mut claims = Vec::new();
    for (needle, status) in [
        ("lies and fabrications", ClaimStatus::Disputed),
        ("Libya is not to blame", ClaimStatus::UnderInvestigation),
        ("Libya", ClaimStatus::Asserted),
    ] {
        let byte = article.text().find(needle).unwrap();
        let start = article.text()[..byte].chars().count();
        let mut claim = Claim::new(
            &article,
            Span::new(start, start + needle.chars().count()),
            status,
        );
        claim.claimant = "Mohammed Besher".into();
        claim.evidence.push(Evidence {
            url: "https://example.org/report".into(),
            title: "A report".into(),
            ..Evidence::default()
        });
        claims.push(claim);
    }
    let mut review = Review::with_claims(article, claims);
    review.details.reviewer = "A. Analyst".into();
    review
}

/// The window manager's close button: a close request for the root viewport, then one frame.
pub fn request_close(h: &mut Harness<'_, Workbench>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
}

/// The viewport commands of the root window in the last frame.
pub fn root_commands(h: &Harness<'_, Workbench>) -> Vec<egui::ViewportCommand> {
    h.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .clone()
}
