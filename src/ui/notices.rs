//! Banners for errors and warnings at the top of the window's central area.

use crate::app::notices::Level;
use crate::app::window::WindowCommand;
use crate::ui::Frame;

/// Draws the error and warning banners; each has a Dismiss button.
pub fn show(ui: &mut egui::Ui, f: &mut Frame) {
    let notices = &f.app.notices;
    let mut dismissed = None;
    for (i, notice) in notices.items.iter().enumerate() {
        let (fill, stroke) = match notice.level {
            Level::Error => (
                egui::Color32::from_rgb(253, 226, 222),
                egui::Color32::from_rgb(190, 40, 30),
            ),
            Level::Warning => (
                egui::Color32::from_rgb(255, 243, 205),
                egui::Color32::from_rgb(160, 110, 0),
            ),
            Level::Info => continue,
        };
        egui::Frame::new()
            .fill(fill)
            .stroke(egui::Stroke::new(1.0, stroke))
            .corner_radius(4.0)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let prefix = if notice.level == Level::Error {
                        "Error: "
                    } else {
                        ""
                    };
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!("{prefix}{}", notice.text))
                                .color(egui::Color32::from_rgb(40, 30, 20)),
                        )
                        .wrap(),
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button("Dismiss").clicked() {
                            dismissed = Some(i);
                        }
                    });
                });
                if !notice.details.is_empty() {
                    egui::CollapsingHeader::new(
                        egui::RichText::new("Details").color(egui::Color32::from_rgb(40, 30, 20)),
                    )
                    .id_salt(("notice", i))
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(160.0)
                            .show(ui, |ui| {
                                for line in &notice.details {
                                    ui.label(
                                        egui::RichText::new(line)
                                            .color(egui::Color32::from_rgb(40, 30, 20)),
                                    );
                                }
                            });
                    });
                }
            });
        ui.add_space(4.0);
    }
    if let Some(i) = dismissed {
        f.push(WindowCommand::DismissNotice(i));
    }
}
