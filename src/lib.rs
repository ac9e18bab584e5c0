//! Claimdesk, the desktop app: the egui workbench ([`app`], [`ui`]), its eframe shell
//! ([`gui`]), its desktop integration ([`desktop`]) and the headless subcommands ([`cli`]). The model, format and exports live in the
//! `claimdesk-core` crate, which knows nothing of egui.

pub mod app;
pub mod cli;
pub mod desktop;
pub mod gui;
pub mod ui;

pub use app::Workbench;
