//! The text filter above the claims list: a search field (quote, claimant, note, verdict,
//! sources; case- and accent-insensitive) and how many claims the list shows.

use crate::app::open_review::claims_list::ListCommand;
use crate::ui::Frame;

/// Draws the search field (holding `query`) and "N of M claims"; `shown` is how many claims
/// pass both the status and the text filter, `total` how many the review has.
pub fn show(ui: &mut egui::Ui, f: &mut Frame, query: &str, (shown, total): (usize, usize)) {
    let mut query = query.to_owned();
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
            f.push(ListCommand::SetQuery(query));
        }
    });
    if shown < total {
        ui.weak(format!("{shown} of {total} claims"));
    }
}
