//! The one question the app waits on the user for: unsaved changes, restoring unsaved work, a
//! file changed on disk, a save that failed. Each is a [`Question`] — a title, its text, the
//! choices, the one Enter takes and the one Esc takes — shown by one dialog, and answered with
//! one [`Answer`] (`Command::Answer`), which [`crate::app::files::answers`] applies to what was
//! asked about ([`Asked`]). At most one question is open at a time, and none while the
//! article-update review is open (it is a question of its own, with its own window).

use std::path::PathBuf;

use super::AppState;
use super::recovery::Found;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Show the open dialog.
    OpenDialog,
    /// Open the bundled sample article.
    OpenSample,
    /// Close the window.
    Close,
    /// Start a new review of this text (from the clipboard).
    NewFromText(String),
}

/// One answer to a question (each question offers some of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Save under another name (or in another place), then go on.
    SaveAs,
    /// Write over the other version.
    Overwrite,
    /// Throw the changes away (or the recovered work) and go on.
    Discard,
    /// Drop this version's changes and open what is on disk.
    Reload,
    /// Open the recovered work.
    Restore,
    /// Do nothing now.
    Cancel,
}

/// What a question is about, and what waits on its answer.
#[derive(Debug)]
pub enum Asked {
    /// "Save changes before …?", with what to do afterwards.
    Unsaved(Pending),
    /// "Restore unsaved work from an earlier run?"
    Recovery(Found),
    /// "The file changed on disk": the review file, and what was to happen after the save.
    ExternalChange(PathBuf, Option<Pending>),
    /// "Could not save": where the save was going, why it failed, what was to happen after.
    SaveRefused(SaveRefused),
}

/// A save that failed (a read-only folder, a full disk, a removed drive): the review is still
/// only in memory, so the app offers to save it elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveRefused {
    /// Where the save was going.
    pub path: PathBuf,
    /// Why it failed, as the file system said it.
    pub reason: String,
    /// What was to happen after the save.
    pub then: Option<Pending>,
}

/// One button of a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// What it answers.
    pub answer: Answer,
    /// Its label.
    pub label: String,
    /// What it does, shown on hover.
    pub hover: Option<String>,
}

/// How a line of a question's text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Plain text.
    Plain,
    /// Secondary (a path, a detail).
    Weak,
    /// Set apart (an error as the system said it).
    Quoted,
}

/// A question as the dialog shows it, and what it is about.
#[derive(Debug)]
pub struct Question {
    /// The dialog's heading.
    pub title: String,
    /// Its text, line by line.
    pub text: Vec<(Tone, String)>,
    /// The buttons, in order.
    pub choices: Vec<Choice>,
    /// The answer Enter gives, if any.
    pub default: Option<Answer>,
    /// The answer Esc gives (a click beside the dialog gives it too when it is
    /// [`Answer::Cancel`]).
    pub escape: Answer,
    /// What the question is about.
    pub about: Asked,
}

impl Question {
    /// "Save the changes to `name` before `pending`?": Save (Enter), Discard, Cancel (Esc).
    pub fn unsaved(name: &str, pending: Pending) -> Self {
        let action = match &pending {
            Pending::Close => "closing".to_owned(),
            Pending::Open(p) => format!("opening {}", file_name(p)),
            Pending::OpenDialog | Pending::OpenSample => "opening another file".to_owned(),
            Pending::NewFromText(_) => "starting a review of the pasted text".to_owned(),
        };
        Self {
            title: "Unsaved changes".to_owned(),
            text: vec![
                (
                    Tone::Plain,
                    format!("Save the changes to {name} before {action}?"),
                ),
                (
                    Tone::Plain,
                    "If you discard them, they are lost.".to_owned(),
                ),
            ],
            choices: vec![
                choice(Answer::Save, "Save", None),
                choice(Answer::Discard, "Discard", None),
                choice(Answer::Cancel, "Cancel", None),
            ],
            default: Some(Answer::Save),
            escape: Answer::Cancel,
            about: Asked::Unsaved(pending),
        }
    }

    /// "Restore unsaved work?" after a crash: Restore (Enter), Discard (Esc).
    pub fn recovery(found: Found) -> Self {
        let header = &found.header;
        let mut text = vec![(
            Tone::Plain,
            format!(
                "Claimdesk did not close normally. Unsaved changes to {} were kept from {}.",
                header.name, header.written
            ),
        )];
        if let Some(path) = &header.review_path {
            text.push((Tone::Weak, format!("Review file: {}", path.display())));
        } else if let Some(path) = &header.article_path {
            text.push((Tone::Weak, format!("Article: {}", path.display())));
        }
        Self {
            title: "Restore unsaved work?".to_owned(),
            text,
            choices: vec![
                choice(Answer::Restore, "Restore  (Enter)", None),
                choice(Answer::Discard, "Discard  (Esc)", None),
            ],
            default: Some(Answer::Restore),
            escape: Answer::Discard,
            about: Asked::Recovery(found),
        }
    }

    /// "The file changed on disk": Overwrite, Save as…, Reload, Cancel (Esc).
    pub fn external_change(path: PathBuf, then: Option<Pending>) -> Self {
        let text = format!(
            "{} was changed by another program or person since you opened or saved it. \
             Saving now would replace their version.",
            file_name(&path)
        );
        Self {
            title: "The file changed on disk".to_owned(),
            text: vec![(Tone::Plain, text)],
            choices: vec![
                choice(
                    Answer::Overwrite,
                    "Overwrite",
                    Some("Replace the file with this version"),
                ),
                choice(
                    Answer::SaveAs,
                    "Save as…",
                    Some("Keep both: save this version under a new name"),
                ),
                choice(
                    Answer::Reload,
                    "Reload",
                    Some("Drop this version's changes and open the file"),
                ),
                choice(Answer::Cancel, "Cancel", None),
            ],
            default: None,
            escape: Answer::Cancel,
            about: Asked::ExternalChange(path, then),
        }
    }

    /// "Could not save": why, and Save as… or Not now (Esc).
    pub fn save_refused(refused: SaveRefused) -> Self {
        Self {
            title: "Could not save".to_owned(),
            text: vec![
                (Tone::Quoted, refused.reason.clone()),
                (
                    Tone::Plain,
                    "The file was not changed. Your work is still open here (and in the \
                     recovery copy): save it to another place."
                        .to_owned(),
                ),
            ],
            choices: vec![
                choice(
                    Answer::SaveAs,
                    "Save as…",
                    Some("Pick another folder or name for this review"),
                ),
                choice(Answer::Cancel, "Not now", None),
            ],
            default: None,
            escape: Answer::Cancel,
            about: Asked::SaveRefused(refused),
        }
    }
}

impl Question {
    /// True if `answer` is one of the question's choices.
    pub fn offers(&self, answer: Answer) -> bool {
        self.choices.iter().any(|c| c.answer == answer)
    }
}

fn choice(answer: Answer, label: &str, hover: Option<&str>) -> Choice {
    Choice {
        answer,
        label: label.to_owned(),
        hover: hover.map(str::to_owned),
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Asks `question` unless another question (or the article-update review) is open: that one
/// is answered first, and nothing the user has picked in it is thrown away.
pub(crate) fn ask(app: &mut AppState, question: Question) {
    let busy = app.question.is_some() || app.review.as_ref().is_some_and(|r| r.update_open());
    if busy {
        app.notices
            .info("Answer the open question first, then try again.");
    } else {
        app.question = Some(question);
    }
}
