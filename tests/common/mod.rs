//! Helpers shared by the UI test suites: a harness around a [`Workbench`], and driving the
//! article view with the mouse like a user.
#![allow(dead_code)] // each test binary uses a different subset

use claimdesk::Workbench;
use claimdesk_core::ClaimStatus;
use claimdesk_core::factcheck::Evidence;
use claimdesk_core::text::normalize_article_text;
use claimdesk_core::{Article, Claim, Review, Span};
use egui::{Key, Rect, Vec2, vec2};
use egui_kittest::Harness;

/// A kittest harness of `size` around `wb`, at 60 frames a second (so a double-click is two
/// clicks within egui's double-click time), run until idle.
pub fn harness_of(wb: Workbench, size: Vec2) -> Harness<'static, Workbench> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, wb: &mut Workbench| wb.ui(ui), wb);
    h.run();
    h
}

/// Where char `pos` of the article was drawn in the last frame (panics if off screen).
pub fn char_rect(h: &Harness<'_, Workbench>, pos: usize) -> Rect {
    let doc = h.state().doc.as_ref().expect("a review is open");
    doc.view
        .char_rect(pos)
        .unwrap_or_else(|| panic!("char {pos} is not on screen"))
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

/// The key that marks (or restatuses) with `status`.
pub fn status_key(status: ClaimStatus) -> Key {
    match status {
        ClaimStatus::Asserted => Key::A,
        ClaimStatus::Disputed => Key::D,
        ClaimStatus::UnderInvestigation => Key::I,
    }
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
