//! File → Compare with…: the agreement figures of the open review (A) and another analyst's
//! (B), then every place they differ — a status or verdict on a paired claim, a claim only one
//! of them marked — with buttons to take B's into the open review. Colours after INCEpTION's
//! curation: red disagrees, purple is only on one side; agreeing pairs are only counted.

use claimdesk_core::Review;
use claimdesk_core::compare::Comparison;

use crate::app::Command;
use crate::app::comparison::{ComparisonView, TakeFromOther};
use crate::ui::Frame;

const DISAGREE: egui::Color32 = egui::Color32::from_rgb(0xc0, 0x39, 0x2b);
const ONE_SIDE: egui::Color32 = egui::Color32::from_rgb(0x8e, 0x44, 0xad);

/// Shows the window while a comparison is open.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let (Some(view), Some(doc)) = (&f.app.comparison, &f.app.doc) else {
        return;
    };
    let mut commands = Vec::new();
    let mut open = true;
    let name = view.path.file_name().map_or_else(
        || view.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Window::new(format!("Compare with {name}"))
        .id(egui::Id::unique("compare_window"))
        .open(&mut open)
        .default_pos([360.0, 110.0])
        .default_width(520.0)
        .default_height(420.0)
        .show(ui.ctx(), |ui| {
            figures(ui, &view.comparison);
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                differences(ui, &doc.review, view, &mut commands);
            });
        });
    if !open {
        commands.push(Command::CloseComparison);
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
    let mut any = false;
    for &(i, j, _) in &view.comparison.matching.pairs {
        let (ca, cb) = (&a[i], &b[j]);
        if ca.status != cb.status {
            any = true;
            row(
                ui,
                DISAGREE,
                &ca.quote,
                &format!(
                    "status: {} here, {} in theirs",
                    ca.status.label(),
                    cb.status.label()
                ),
                (
                    "Take their status",
                    Command::TakeFromOther(cb.id.clone(), TakeFromOther::Status),
                ),
                out,
            );
        }
        if ca.verdict.trim() != cb.verdict.trim() {
            any = true;
            row(
                ui,
                DISAGREE,
                &ca.quote,
                &format!("verdict: “{}” here, “{}” in theirs", ca.verdict, cb.verdict),
                (
                    "Take their verdict",
                    Command::TakeFromOther(cb.id.clone(), TakeFromOther::Verdict),
                ),
                out,
            );
        }
    }
    for &j in &view.comparison.matching.only_b {
        any = true;
        let cb = &b[j];
        let what = format!("only in theirs ({})", cb.status.label());
        let take = (
            "Take their claim",
            Command::TakeFromOther(cb.id.clone(), TakeFromOther::Claim),
        );
        row(ui, ONE_SIDE, &cb.quote, &what, take, out);
    }
    for &i in &view.comparison.matching.only_a {
        any = true;
        ui.horizontal_wrapped(|ui| {
            swatch(ui, ONE_SIDE);
            ui.label(format!(
                "“{}”",
                claimdesk_core::format::shorten(&a[i].quote, 50)
            ));
            ui.weak("only in this review");
        });
    }
    if !any {
        ui.label("The two reviews agree on every claim's status and verdict.");
    }
}

fn row(
    ui: &mut egui::Ui,
    colour: egui::Color32,
    quote: &str,
    what: &str,
    (button, command): (&str, Command),
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        swatch(ui, colour);
        ui.label(format!("“{}”", claimdesk_core::format::shorten(quote, 50)));
        ui.label(what);
        if ui.button(button).clicked() {
            out.push(command);
        }
    });
}

/// A small square in `colour`, the row's kind.
fn swatch(ui: &mut egui::Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}
