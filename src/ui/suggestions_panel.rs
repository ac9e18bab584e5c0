//! The "Suggestions" tab beside the claims list: the threshold slider with the expected
//! precision at it, the model in use, and the suggested sentences best first with their
//! reasons. Clicking one selects it (and scrolls the article to it).

use claimdesk_suggest::Suggestion;
use egui::{Rect, pos2, vec2};

use crate::app::OpenReview;
use crate::app::suggestions::{
    MAX_THRESHOLD, MIN_THRESHOLD, ModelChoice, ModelInfo, SuggestionCommand,
};
use crate::ui::{Frame, list_entry, theme};

/// Height of one entry of the list.
const ROW_HEIGHT: f32 = 62.0;

/// With suggestions on, draws the "Claims | Suggestions" tabs; returns true if the Suggestions
/// tab is open (and was drawn), so the claims panel draws nothing else.
pub fn tabs(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) -> bool {
    if !f.app.suggestions.shown {
        return false;
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let claims = open.review().claims().len();
        if ui
            .selectable_label(f.state.claims_tab, format!("Claims ({claims})"))
            .clicked()
        {
            f.state.claims_tab = true;
        }
        let label = if f.app.suggestions_pending() {
            "Suggestions (…)".to_owned()
        } else {
            format!("Suggestions ({})", open.suggestions.len())
        };
        if ui
            .selectable_label(!f.state.claims_tab, label)
            .on_hover_text("Sentences likely worth checking (View menu: Suggest claims, Shift+S)")
            .clicked()
        {
            f.state.claims_tab = false;
        }
    });
    ui.separator();
    if !f.state.claims_tab {
        show(ui, f, open);
    }
    !f.state.claims_tab
}

/// The Suggestions tab.
fn show(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let s = &open.suggestions;
    threshold_row(ui, f, s.model());
    model_row(ui, f, s.model());
    speaker_row(ui, f, open);
    ui.weak("N / Shift+N: next / previous · A, D, I: mark the sentence · X: dismiss");
    ui.separator();
    if f.app.suggestions_pending() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Looking for claims worth checking…");
        });
        return;
    }
    if s.is_empty() {
        ui.weak(
            "No sentence above the threshold that is not already a claim or dismissed. \
             Lower the threshold to see more.",
        );
        return;
    }
    let selected = open.view.selected_suggestion;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("suggestions_list")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, s.len(), |ui, range| {
            for k in range {
                let Some(g) = s.nth(k) else { continue };
                if list_row(ui, open, g, selected == Some(g.span)).clicked() {
                    clicked = Some(g.span);
                }
            }
        });
    if let Some(span) = clicked {
        f.push(SuggestionCommand::Select(Some(span)));
    }
}

/// The threshold slider and what to expect at it.
fn threshold_row(ui: &mut egui::Ui, f: &mut Frame, model: Option<&ModelInfo>) {
    let mut t = f.app.settings.suggestion_threshold();
    let resp = ui.add(
        egui::Slider::new(&mut t, MIN_THRESHOLD..=MAX_THRESHOLD)
            .step_by(0.05)
            .fixed_decimals(2)
            .text("threshold"),
    );
    if resp.changed() {
        f.push(SuggestionCommand::SetThreshold(t));
    }
    let expected = model.and_then(|m| m.expected_precision(t));
    match expected {
        Some(row) => ui.weak(format!(
            "Expected precision {:.0}%, recall {:.0}% (held-out debate sentences; lower in news)",
            row.precision * 100.0,
            row.recall * 100.0
        )),
        None if model.is_some() => ui.weak("This model has no precision table: precision unknown."),
        None => ui.weak("Expected precision: after scoring."),
    };
}

/// Which model scores, a way to change it, and a visible note when a chosen file failed.
fn model_row(ui: &mut egui::Ui, f: &mut Frame, model: Option<&ModelInfo>) {
    let choice = f.app.settings.suggestion_model.clone();
    if let Some(error) = model.and_then(|m| m.error.as_ref()) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("{error}. Using the built-in model instead."),
        );
    }
    ui.horizontal(|ui| {
        ui.label(format!("Model: {}", choice.label()));
        if ui
            .small_button("Trained model…")
            .on_hover_text("A model made by `claimdesk train-suggester` from your reviews")
            .clicked()
        {
            f.push(SuggestionCommand::PickModel);
        }
        if choice != ModelChoice::Builtin && ui.small_button("Built-in").clicked() {
            f.push(SuggestionCommand::SetModel(ModelChoice::Builtin));
        }
    });
}

/// In a transcript: list everyone's suggestions or one speaker's.
fn speaker_row(ui: &mut egui::Ui, f: &mut Frame, open: &OpenReview) {
    let s = &open.suggestions;
    let speakers = open.speakers();
    if speakers.is_empty() {
        return;
    }
    let current = s.speaker_filter();
    let mut picked = None;
    egui::ComboBox::from_label("speaker")
        .selected_text(current.unwrap_or("everyone"))
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), "everyone").clicked() {
                picked = Some(None);
            }
            for name in speakers {
                if ui.selectable_label(current == Some(name), name).clicked() {
                    picked = Some(Some(name.to_owned()));
                }
            }
        });
    if let Some(who) = picked {
        f.push(SuggestionCommand::FilterBySpeaker(who));
    }
}

/// One suggestion: its reasons (and speaker) on top, the sentence below on two lines.
fn list_row(
    ui: &mut egui::Ui,
    open: &OpenReview,
    g: &Suggestion,
    selected: bool,
) -> egui::Response {
    let text = open
        .review()
        .article
        .slice(g.span.start, g.span.end)
        .replace('\n', " ");
    let (rect, resp, painter) = list_entry::allocate(ui, ROW_HEIGHT, &text, selected);
    let Some(painter) = painter else {
        return resp;
    };
    let visuals = ui.visuals();
    let bar = Rect::from_min_size(rect.min + vec2(6.0, 6.0), vec2(3.0, ROW_HEIGHT - 12.0));
    painter.rect_filled(bar, 0.0, theme::suggestion_color(visuals.dark_mode));
    let x = bar.right() + 8.0;
    let max_w = rect.right() - x - 4.0;
    let head = list_entry::text_job(head_line(g), 12.0, visuals.weak_text_color(), max_w, 1);
    let mut body = list_entry::text_job(text, 14.0, visuals.text_color(), max_w, 2);
    body.wrap.break_anywhere = false;
    let head = ui.painter().layout_job(head);
    let body = crate::ui::bidi_layout::galley(ui, body);
    painter.galley(pos2(x, rect.top() + 4.0), head, visuals.text_color());
    painter.galley(pos2(x, rect.top() + 21.0), body, visuals.text_color());
    resp.on_hover_ui(|ui| reasons_ui(ui, g))
}

/// "score 0.72 · MADDOW · because "18%", "since 2012"".
fn head_line(g: &Suggestion) -> String {
    let mut head = format!("score {:.2}", g.score);
    if let Some(speaker) = &g.speaker {
        head.push_str(" · ");
        head.push_str(speaker);
    }
    head.push_str(" · ");
    head.push_str(&reasons_text(g));
    head
}

/// The reasons as a phrase: `because "18%", "since 2012"`.
fn reasons_text(g: &Suggestion) -> String {
    if g.reasons.is_empty() {
        return "no single word stands out".to_owned();
    }
    let quoted: Vec<String> = g.reasons.iter().map(|r| format!("“{}”", r.text)).collect();
    format!("because {}", quoted.join(", "))
}

/// The hover card of a suggestion: why it is suggested, and what the keys do.
pub fn reasons_ui(ui: &mut egui::Ui, g: &Suggestion) {
    ui.strong("Suggested: worth checking?");
    if let Some(speaker) = &g.speaker {
        ui.label(format!("Speaker: {speaker}"));
    }
    ui.label(format!("Score {:.2}, {}", g.score, reasons_text(g)));
    ui.weak("Click to select; then A, D or I marks it, X dismisses it.");
}
