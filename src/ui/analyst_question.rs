//! The first-use question "who is reviewing?", a bar above the article while no name is set.
//! It never takes the keyboard: the analyst can keep marking and answer when they like (Enter
//! in either field saves; "Not now" stops asking for this session).

use egui::TextEdit;

use crate::app::team::TeamCommand;
use crate::ui::Frame;

/// Draws the question when the app asks for the analyst's name.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    if !f.app.asks_for_analyst_name() {
        return;
    }
    let mut save = false;
    let mut decline = false;
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong("Who is reviewing?");
                ui.label("Your name goes into the history of each status or verdict you change.");
            });
            ui.horizontal_wrapped(|ui| {
                let draft = &mut f.state.analyst_draft;
                let label = ui.label("Your name:");
                let name = ui
                    .add(
                        TextEdit::singleline(&mut draft.name)
                            .hint_text("Ana Duarte")
                            .desired_width(180.0),
                    )
                    .labelled_by(label.id);
                let label = ui.label("Short id:");
                let id = ui
                    .add(
                        TextEdit::singleline(&mut draft.short_id)
                            .hint_text("AD (optional)")
                            .desired_width(110.0),
                    )
                    .labelled_by(label.id);
                let entered = (name.lost_focus() || id.lost_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let named = !draft.is_unset();
                save = ui
                    .add_enabled(named, egui::Button::new("Save name"))
                    .clicked()
                    || (entered && named);
                decline = ui.button("Not now").clicked();
            });
        });
    ui.add_space(4.0);
    if save {
        f.push(TeamCommand::SetAnalyst(f.state.analyst_draft.clone()));
    } else if decline {
        f.push(TeamCommand::DeclineAnalystName);
    }
}
