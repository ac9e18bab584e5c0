//! The one question dialog: the app's open [`Question`] (unsaved changes, restoring unsaved
//! work, a file changed on disk, a refused save) as a modal with its title, text and choices;
//! Enter gives the question's default answer, Esc its escape answer (a click beside the
//! dialog too, when that answer is Cancel). The answer goes back as one command.

use crate::app::question::{Answer, Question, Tone};
use crate::ui::Frame;

/// Shows the open question, if any.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let Some(question) = f.app.question() else {
        return;
    };
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("question")).show(ui.ctx(), |ui| {
        ui.set_width(480.0);
        ui.heading(&question.title);
        ui.add_space(6.0);
        for (tone, line) in &question.text {
            match tone {
                Tone::Plain => ui.label(line),
                Tone::Weak => ui.weak(line),
                Tone::Quoted => ui.label(egui::RichText::new(line).italics()),
            };
        }
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            for choice in &question.choices {
                let button = ui.button(&choice.label);
                let button = match &choice.hover {
                    Some(hover) => button.on_hover_text(hover),
                    None => button,
                };
                if button.clicked() {
                    answer = Some(choice.answer);
                }
            }
        });
        if let Some(default) = question.default
            && ui.input(|i| i.key_pressed(egui::Key::Enter))
        {
            answer = Some(default);
        }
    });
    answer = answer.or_else(|| dismissed(ui, question, &modal));
    if let Some(answer) = answer {
        f.push(answer);
    }
}

/// The answer Esc gives, or a click beside the dialog when that answer is Cancel.
fn dismissed(
    ui: &egui::Ui,
    question: &Question,
    modal: &egui::ModalResponse<()>,
) -> Option<Answer> {
    let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
    let beside = modal.should_close() && question.escape == Answer::Cancel;
    (escaped || beside).then_some(question.escape)
}
