//! The UI layer: panels, dialogs and the article view. UI code reads the [`crate::app::Workbench`]
//! and pushes [`crate::app::Command`]s; it never edits the review itself.

pub mod article_view;
pub mod claim_editor;
pub mod claims_panel;
pub mod evidence_editor;
pub mod export_dialog;
pub mod external_change_dialog;
pub mod find_bar;
pub mod fonts;
pub mod menu_bar;
pub mod notices;
pub mod recovery_dialog;
pub mod review_details;
pub mod shortcuts;
pub mod start_screen;
pub mod status_bar;
pub mod theme;
pub mod unsaved_dialog;
pub mod update_dialog;
pub mod window;
