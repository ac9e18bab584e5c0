//! Claimdesk, the desktop app: the app state ([`app`]), the UI layer that draws it ([`ui`]),
//! the [`Workbench`] that joins them frame by frame, its eframe shell ([`gui`]), its desktop
//! integration ([`desktop`]) and the headless subcommands ([`cli`]). The model, format and exports live in the
//! `claimdesk-core` crate, which knows nothing of egui.

pub mod app;
pub mod cli;
pub mod desktop;
pub mod gui;
pub mod ui;
mod workbench;

pub use workbench::Workbench;
