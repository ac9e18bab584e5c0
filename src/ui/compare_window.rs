//! File → Compare with…: the agreement figures of the open review (A) and another analyst's
//! (B), what the marks on the text mean, then every place they differ — any compared field of
//! a paired claim, a claim only one of them marked — in text order, with buttons to take B's
//! into the open review. Colours ([`theme::compare_color`]) after INCEpTION's curation: red
//! differs, purple is only on one side; agreeing pairs are only counted.

use claimdesk_model::{Claim, Review};
use claimdesk_team::compare::{Agreement, Comparison};
use claimdesk_team::merge::{field_shown, text_field};

use crate::app::open_review::comparison::{CompareCommand, ComparisonView, TakeFromOther};
use crate::app::open_review::navigation::SelectCommand;
use crate::app::{Command, OpenReview};
use crate::ui::{Frame, theme};

/// Shows the window while a comparison is open.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let Some(view) = &open.comparison else {
        return;
    };
    let mut commands = Vec::new();
    let mut shown = true;
    let name = view.path.file_name().map_or_else(
        || view.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Window::new(format!("Compare with {name}"))
        .id(egui::Id::unique("compare_window"))
        .open(&mut shown)
        // Over the claims column, which it stands in for while comparing: the article and its
        // compare marks stay in view.
        .default_pos([ui.ctx().content_rect().right() - 385.0, 110.0])
        .default_width(370.0)
        .default_height(420.0)
        .show(ui.ctx(), |ui| {
            figures(ui, &view.comparison);
            legend(ui);
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                differences(ui, open.review(), view, &mut commands);
            });
        });
    if !shown {
        commands.push(CompareCommand::Close.into());
    }
    f.extend(commands);
}

fn figures(ui: &mut egui::Ui, c: &Comparison) {
    let m = &c.matching;
    ui.label(format!(
        "{} claims paired, {} only in this review (A), {} only in theirs (B)",
        m.pairs.len(),
        m.only_a.len(),
        m.only_b.len()
    ));
    let f3 = |v: Option<f64>| v.map_or_else(|| "undefined".to_owned(), |x| format!("{x:.3}"));
    ui.label(format!(
        "Spans F1: exact {:.3}, overlapping {:.3}",
        c.span_exact.f1, c.span_overlapping.f1
    ));
    ui.label(format!(
        "Cohen's kappa on status: {} · Krippendorff's alpha (characters): {}",
        f3(c.kappa.kappa),
        f3(c.char_alpha.alpha)
    ));
}

fn differences(ui: &mut egui::Ui, ours: &Review, view: &ComparisonView, out: &mut Vec<Command>) {
    let (a, b) = (ours.claims(), view.other.claims());
    let dark = ui.visuals().dark_mode;
    let mut agree = 0;
    for mark in &view.marks {
        let colour = theme::compare_color(&mark.agreement, dark);
        match (&mark.agreement, mark.a, mark.b) {
            (Agreement::Agree, ..) => agree += 1,
            (Agreement::Differ(fields), Some(i), Some(j)) => {
                for &field in fields {
                    let name = field.replace('_', " ");
                    let what = format!(
                        "{name}: {} here, {} in theirs",
                        shown(&a[i], field),
                        shown(&b[j], field)
                    );
                    let take = (
                        format!("Take their {name}"),
                        CompareCommand::Take(b[j].id.clone(), TakeFromOther::Field(field)).into(),
                    );
                    row(ui, colour, (&a[i], true), &what, Some(take), out);
                }
            }
            (Agreement::OnlyB, _, Some(j)) => {
                let what = format!("only in theirs ({})", b[j].status.label());
                let take = (
                    "Take their claim".to_owned(),
                    CompareCommand::Take(b[j].id.clone(), TakeFromOther::Claim).into(),
                );
                row(ui, colour, (&b[j], false), &what, Some(take), out);
            }
            (Agreement::OnlyA, Some(i), _) => {
                row(ui, colour, (&a[i], true), "only in this review", None, out);
            }
            _ => {}
        }
    }
    if agree == view.marks.len() {
        ui.label("The two reviews agree on every claim.");
    } else {
        let claims = if agree == 1 {
            "claim agrees"
        } else {
            "claims agree"
        };
        ui.weak(format!("{agree} {claims} in every field."));
    }
}

/// `field` of `claim` for the list: a text in quotes, a status or a count of sources as it is.
fn shown(claim: &Claim, field: &str) -> String {
    match text_field(field).map(|f| f.get(claim).trim()) {
        Some("") => "(empty)".to_owned(),
        Some(text) => format!("“{}”", claimdesk_model::text::shorten(text, 40)),
        None => field_shown(claim, field),
    }
}

/// One difference: the colour of its kind, the claim's quote (a link that shows it in the
/// article, and selects it if it is the open review's), what differs, and the take button.
fn row(
    ui: &mut egui::Ui,
    colour: egui::Color32,
    (claim, ours): (&Claim, bool),
    what: &str,
    take: Option<(String, Command)>,
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        swatch(ui, colour);
        let quote = format!("“{}”", claimdesk_model::text::shorten(&claim.quote, 50));
        if crate::ui::bidi_layout::link(ui, &quote)
            .on_hover_text("Show it in the article")
            .clicked()
        {
            if ours {
                out.push(SelectCommand::Claim(Some(claim.id.clone())).into());
            }
            out.push(SelectCommand::ScrollTo(claim.span.start).into());
        }
        ui.label(what);
        if let Some((button, command)) = take
            && ui.button(button).clicked()
        {
            out.push(command);
        }
    });
}

/// What the marks on the text mean.
fn legend(ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.weak("On the text, a bar right of each claim:");
        for (agreement, meaning) in [
            (Agreement::Agree, "agree"),
            (Agreement::Differ(Vec::new()), "differ"),
            (
                Agreement::OnlyB,
                "only in one review (dotted: only in theirs)",
            ),
        ] {
            swatch(ui, theme::compare_color(&agreement, dark));
            ui.weak(meaning);
        }
    });
}

/// A small square in `colour`, the row's kind.
fn swatch(ui: &mut egui::Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}
