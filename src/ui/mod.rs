//! The UI layer: panels, dialogs and the article view. Each frame it reads the
//! [`AppState`] and returns [`Command`]s ([`frame`]); it never changes the app state
//! itself. What only the UI needs across frames (layout caches, drafts of dialogs, focus
//! requests) lives in [`UiState`].

pub mod analyst_menu;
pub mod analyst_question;
pub mod article_view;
pub mod bidi_layout;
pub mod checked_before;
pub mod claim_editor;
pub mod claim_history;
pub mod claims_list_follow;
pub mod claims_list_keys;
mod claims_panel;
pub mod claims_pick;
pub mod claims_search_box;
pub mod compare_window;
pub mod conflicts_panel;
pub mod evidence_editor;
pub mod export_dialog;
pub mod find_bar;
pub mod fonts;
pub mod help_menu;
pub mod key_help;
pub mod library_window;
pub mod list_entry;
pub mod menu_bar;
pub mod notices;
pub mod question_dialog;
pub mod review_details;
pub mod review_keys;
pub mod shortcuts;
pub mod start_screen;
pub mod status_bar;
pub mod suggestion_keys;
pub mod suggestions_panel;
pub mod theme;
pub mod update_dialog;
pub mod window;

use claimdesk_model::ReviewDetails;
use claimdesk_reports::ExportFormat;

use crate::app::{AppState, Command, OpenReview};
use article_view::ArticleView;

/// Draws one frame from `app` and returns what the user asked for, in order.
pub fn frame(ui: &mut egui::Ui, app: &AppState, state: &mut UiState) -> Vec<Command> {
    let mut f = Frame {
        app,
        state,
        commands: Vec::new(),
    };
    shortcuts::read(ui, &mut f);
    window::show(ui, &mut f);
    f.state.typing_last_frame = ui.ctx().text_edit_focused();
    f.commands
}

/// The UI's own state, kept across frames: never saved, never undone.
#[derive(Default)]
pub struct UiState {
    /// The article view of the open review, for the article text it was built for.
    article_view: Option<ArticleView>,
    /// The article view's widget id: single-key shortcuts act while it (or nothing) has focus.
    pub article_id: Option<egui::Id>,
    /// The claims list's widget id: while it has the keyboard, Up and Down move through the
    /// list and the single-key shortcuts act on the selected claim.
    pub claims_list_id: Option<egui::Id>,
    /// The claim editor's verdict field takes the keyboard in the next frame (F2 in the claims
    /// list).
    pub focus_claim_editor: bool,
    /// A text field had the keyboard at the end of the last frame. egui drops focus on Esc
    /// before the frame runs, so this tells "Esc left a text field" from "Esc in the article".
    pub typing_last_frame: bool,
    /// The find bar's field takes the keyboard in the next frame.
    pub find_focus: bool,
    /// The dialog the UI has open on its own (the app's questions are in [`AppState`]).
    pub modal: Option<UiModal>,
    /// Help → Keyboard shortcuts (F1) is open.
    pub shortcuts_open: bool,
    /// The reason being typed for the selected claim's last change (W).
    pub reason: Option<crate::ui::claim_history::ReasonDraft>,
    /// While suggestions are on, the claims panel shows the Claims tab (the user picked it)
    /// rather than the Suggestions tab.
    pub claims_tab: bool,
    /// The name being typed into the first-use question (saved on Save or Enter).
    pub analyst_draft: claimdesk_model::status_change::Analyst,
}

/// A dialog whose state is only a draft until the user confirms it.
#[derive(Clone, Debug, PartialEq)]
pub enum UiModal {
    /// Review details: the draft being edited (applied on Save).
    Details(ReviewDetails),
    /// Export: the format picked so far.
    Export(ExportFormat),
}

impl UiState {
    /// The article view of the open review as drawn in the last frame, if any.
    pub fn article_view(&self) -> Option<&ArticleView> {
        self.article_view.as_ref()
    }

    /// The article view for `open`, made anew when the article text changed.
    fn article_view_for(&mut self, open: &OpenReview) -> &mut ArticleView {
        let generation = open.doc().article_generation();
        let stale = self
            .article_view
            .as_ref()
            .is_none_or(|v| v.article_generation() != generation);
        if stale {
            self.article_view = Some(ArticleView::new(open.review(), generation));
        }
        self.article_view.as_mut().expect("made above")
    }

    /// True while a dialog (the app's or the UI's own) waits for an answer: keys must not edit
    /// the review then.
    pub fn modal_open(&self, app: &AppState) -> bool {
        self.modal.is_some() || app.modal_open()
    }
}

/// One frame of the UI: the state it reads, its own state, and the commands it collects.
pub struct Frame<'a> {
    /// The app state, read-only.
    pub app: &'a AppState,
    /// The UI's own state.
    pub state: &'a mut UiState,
    commands: Vec<Command>,
}

impl Frame<'_> {
    /// Asks the app to do `command` after this frame's drawing.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.push(command.into());
    }
}

impl Extend<Command> for Frame<'_> {
    fn extend<I: IntoIterator<Item = Command>>(&mut self, commands: I) {
        self.commands.extend(commands);
    }
}
