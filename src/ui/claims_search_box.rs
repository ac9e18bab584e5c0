//! The text filter above the claims list: a search field (quote, claimant, note, verdict,
//! sources; case- and accent-insensitive) and how many claims the list shows.

use crate::app::Command;
use crate::ui::Frame;

/// Draws the search field and "N of M claims"; `shown` is how many claims pass both the
/// status and the text filter, `total` how many the review has.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, shown: usize, total: usize) {
    let mut query = f.app.claim_search.query.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text("quote, claimant, note, verdict, sources")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if resp.changed() {
            f.push(Command::SetClaimQuery(query));
        }
    });
    if shown < total {
        ui.weak(format!("{shown} of {total} claims"));
    }
}
