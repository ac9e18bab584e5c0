//! The sources (evidence) of the selected claim: add, edit and remove entries. A URL gets an
//! "Open" link only when it is http or https, decided by the same parser the exports use; any
//! other scheme (`javascript:`, `data:`, `file:`…) is shown as plain text.

use claimdesk_model::Claim;
use claimdesk_reports::safe::http_url;
use egui::TextEdit;

use claimdesk_model::fields::EvidenceField;

use crate::app::Command;
use crate::app::open_review::claims::ClaimCommand;
use crate::ui::claim_editor::is_iso_date;

/// The URL to open for an evidence entry: the normalised http(s) URL, or `None`.
pub fn openable_url(raw: &str) -> Option<String> {
    http_url(raw).map(|u| u.to_string())
}

/// Draws the list of sources and the Add button.
pub fn show(ui: &mut egui::Ui, claim: &Claim, commands: &mut Vec<Command>) {
    let id = &claim.id;
    ui.strong(format!("Sources ({})", claim.evidence.len()));
    if claim.evidence.is_empty() {
        ui.weak("No sources yet: add the documents that support or refute the claim.");
    }
    for (i, evidence) in claim.evidence.iter().enumerate() {
        egui::Frame::group(ui.style())
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.strong(format!("Source {}", i + 1));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .small_button("Remove")
                            .on_hover_text("Remove this source — Ctrl+Z brings it back")
                            .clicked()
                        {
                            commands.push(ClaimCommand::RemoveEvidence(id.clone(), i).into());
                        }
                    });
                });
                for field in EvidenceField::ALL {
                    // The Open link sits on the label's row, before the field, so Tab goes
                    // from the URL straight to the title.
                    let label = ui
                        .horizontal(|ui| {
                            let label = ui.label(field_label(field));
                            if field == EvidenceField::Url {
                                open_link(ui, &evidence.url);
                            }
                            label
                        })
                        .inner;
                    let mut text = field.get(evidence).to_owned();
                    let edit = match field {
                        EvidenceField::Excerpt | EvidenceField::Note => {
                            TextEdit::multiline(&mut text).desired_rows(2)
                        }
                        _ => TextEdit::singleline(&mut text),
                    };
                    let resp = ui
                        .add(
                            edit.hint_text(field_hint(field))
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if resp.changed() {
                        commands.push(ClaimCommand::SetEvidence(id.clone(), i, field, text).into());
                    }
                    match field {
                        EvidenceField::Url
                            if !evidence.url.trim().is_empty()
                                && openable_url(&evidence.url).is_none() =>
                        {
                            ui.weak("Not an http(s) address: shown as text, never as a link.");
                        }
                        EvidenceField::Accessed if !is_iso_date(&evidence.accessed) => {
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                "Not a YYYY-MM-DD date; reports show it as typed.",
                            );
                        }
                        _ => {}
                    }
                }
            });
        ui.add_space(4.0);
    }
    if ui
        .button("Add source")
        .on_hover_text("Add an empty source to this claim")
        .clicked()
    {
        commands.push(ClaimCommand::AddEvidence(id.clone()).into());
    }
}

/// An "Open" link at the right of the row, for http(s) URLs only.
fn open_link(ui: &mut egui::Ui, raw: &str) {
    let Some(url) = openable_url(raw) else {
        return;
    };
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if ui
            .link("Open")
            .on_hover_text(format!("Open {url} in the browser"))
            .clicked()
        {
            ui.ctx().open_url(egui::OpenUrl::new_tab(&url));
        }
    });
}

fn field_label(field: EvidenceField) -> &'static str {
    match field {
        EvidenceField::Url => "URL",
        EvidenceField::Title => "Title",
        EvidenceField::Excerpt => "Excerpt",
        EvidenceField::Accessed => "Accessed on",
        EvidenceField::Note => "Note on the source",
    }
}

fn field_hint(field: EvidenceField) -> &'static str {
    match field {
        EvidenceField::Url => "https://…",
        EvidenceField::Title => "e.g. UNHCR Libya update, May 2024",
        EvidenceField::Excerpt => "The passage that matters, quoted",
        EvidenceField::Accessed => "YYYY-MM-DD",
        EvidenceField::Note => "Why it supports or refutes the claim",
    }
}

#[cfg(test)]
mod tests {
    use super::openable_url;

    #[test]
    fn only_web_addresses_open() {
        assert_eq!(
            openable_url(" https://example.org/a b ").as_deref(),
            Some("https://example.org/a%20b")
        );
        assert!(openable_url("HTTP://Example.org").is_some());
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "//example.org/x",
            "example.org",
            "http://",
            "",
        ] {
            assert_eq!(openable_url(bad), None, "{bad:?}");
        }
    }
}
