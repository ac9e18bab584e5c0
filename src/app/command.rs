//! [`Command`]: everything the user can ask for, as one thin enum over the small command
//! enums each feature owns and applies in its own module, and [`AppState::run`], the one
//! place that dispatches them. The commands of the open review's features get the open review
//! unwrapped here, once; with no review open they do nothing.

use super::AppState;
use super::archive::{self, ArchiveCommand};
use super::article_update::{self, ArticleCommand};
use super::exporting::{self, ExportCommand};
use super::files::{self, FileCommand, answers};
use super::open_review::claims::{self, ClaimCommand};
use super::open_review::claims_list::ListCommand;
use super::open_review::comparison::{self, CompareCommand};
use super::open_review::conflicts::{self, ConflictCommand};
use super::open_review::edit::{self, EditCommand};
use super::open_review::find::{self, FindCommand};
use super::open_review::navigation::{self, SelectCommand};
use super::open_review::update::{self, UpdateCommand};
use super::open_review::{OpenReview, Shared};
use super::question::Answer;
use super::suggestions::{self, SuggestionCommand};
use super::team::{self, TeamCommand};
use super::window::{self, WindowCommand};

/// Something the user asked for, by the feature that applies it.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Files in and out, the window's close (see [`FileCommand`]).
    File(FileCommand),
    /// The answer to the open question.
    Answer(Answer),
    /// Theme and notices.
    Window(WindowCommand),
    /// Exports.
    Export(ExportCommand),
    /// A new article text (update, reload with an encoding).
    Article(ArticleCommand),
    /// Suggestions: shown, threshold, model, and the open text's list.
    Suggestion(SuggestionCommand),
    /// The claim archive and its library.
    Archive(ArchiveCommand),
    /// The analyst's name, comparing with another review.
    Team(TeamCommand),
    /// Undo, redo, the review's details (open review).
    Edit(EditCommand),
    /// Claims and their facts (open review).
    Claim(ClaimCommand),
    /// The selection and moving through the article (open review).
    Select(SelectCommand),
    /// The claims list's filters (open review).
    List(ListCommand),
    /// Find in the article (open review).
    Find(FindCommand),
    /// The article-update review (open review).
    Update(UpdateCommand),
    /// The comparison (open review).
    Compare(CompareCommand),
    /// Merge conflicts (open review).
    Conflict(ConflictCommand),
}

macro_rules! wraps {
    ($($variant:ident($command:ty)),* $(,)?) => {
        $(impl From<$command> for Command {
            fn from(command: $command) -> Self {
                Command::$variant(command)
            }
        })*
    };
}

wraps!(
    File(FileCommand),
    Answer(Answer),
    Window(WindowCommand),
    Export(ExportCommand),
    Article(ArticleCommand),
    Suggestion(SuggestionCommand),
    Archive(ArchiveCommand),
    Team(TeamCommand),
    Edit(EditCommand),
    Claim(ClaimCommand),
    Select(SelectCommand),
    List(ListCommand),
    Find(FindCommand),
    Update(UpdateCommand),
    Compare(CompareCommand),
    Conflict(ConflictCommand),
);

impl AppState {
    /// Applies one command.
    pub fn run(&mut self, command: impl Into<Command>, ctx: &egui::Context) {
        match command.into() {
            Command::File(c) => files::apply(self, c, ctx),
            Command::Answer(a) => answers::apply(self, a, ctx),
            Command::Window(c) => window::apply(self, c, ctx),
            Command::Export(c) => exporting::apply(self, c, ctx),
            Command::Article(c) => article_update::apply(self, c, ctx),
            Command::Suggestion(c) => suggestions::apply(self, c, ctx),
            Command::Archive(c) => archive::apply(self, c, ctx),
            Command::Team(c) => team::apply(self, c, ctx),
            on_review => self.run_on_review(on_review),
        }
    }

    /// Applies a command of a feature of the open review (none open: nothing happens).
    fn run_on_review(&mut self, command: Command) {
        let AppState {
            review: Some(open),
            notices,
            settings,
            ..
        } = self
        else {
            return;
        };
        let shared = &mut Shared { notices, settings };
        apply_to_review(open, command, shared);
    }
}

fn apply_to_review(open: &mut OpenReview, command: Command, shared: &mut Shared) {
    match command {
        Command::Edit(c) => edit::apply(open, c, shared),
        Command::Claim(c) => claims::apply(open, c, shared),
        Command::Select(c) => navigation::apply(open, c, shared),
        Command::List(c) => open.claims_list.apply(c),
        Command::Find(c) => find::apply(open, c),
        Command::Update(c) => update::apply(open, c, shared),
        Command::Compare(c) => comparison::apply(open, c, shared),
        Command::Conflict(c) => conflicts::apply(open, c, shared),
        Command::File(_)
        | Command::Answer(_)
        | Command::Window(_)
        | Command::Export(_)
        | Command::Article(_)
        | Command::Suggestion(_)
        | Command::Archive(_)
        | Command::Team(_) => {}
    }
}
