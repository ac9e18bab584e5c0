//! The eframe shell: window options, persistence of preferences, and the bridge from
//! `eframe::App` to [`Workbench::ui`].

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::Workbench;
use crate::app::file_dialogs::NativeDialogs;
use crate::app::recovery::RecoveryStore;
use crate::app::settings::Settings;
use crate::desktop;

const SETTINGS_KEY: &str = "claimdesk-settings";

/// The running app.
pub struct ClaimdeskApp {
    /// Everything the window shows.
    pub workbench: Workbench,
}

impl ClaimdeskApp {
    /// Restores preferences, applies the theme (following the desktop's light/dark preference
    /// unless the user chose one), opens `file` if given and shows `launch_errors`.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        launch_errors: Vec<String>,
    ) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
            .unwrap_or_default()
            .upgraded();
        desktop::system_theme::follow(&cc.egui_ctx);
        let mut app = Self::with_settings(&cc.egui_ctx, settings, file);
        for error in launch_errors {
            app.workbench.notices.error(error);
        }
        app
    }

    /// As [`ClaimdeskApp::new`] with explicit settings (used by tests).
    pub fn with_settings(ctx: &egui::Context, settings: Settings, file: Option<PathBuf>) -> Self {
        crate::ui::fonts::install(ctx);
        ctx.set_theme(settings.theme);
        let mut workbench = Workbench::new(settings, Arc::new(NativeDialogs));
        match RecoveryStore::platform() {
            Some(store) => workbench = workbench.with_recovery(store),
            None => workbench
                .notices
                .error("No data folder was found, so autosave and crash recovery are off."),
        }
        match claimdesk_archive::Archive::platform() {
            Ok(archive) => workbench = workbench.with_archive(archive),
            Err(e) => workbench
                .notices
                .error(format!("The claim archive is off: {e}")),
        }
        match file {
            Some(path) => workbench.open_path(&path),
            None => workbench.offer_unsaved_recovery(),
        }
        Self { workbench }
    }
}

impl eframe::App for ClaimdeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        run_frame_guarded(&mut self.workbench, |wb| wb.ui(ui));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.workbench.settings);
    }
}

/// Runs `frame` on the workbench. A bug is not a loss: if the frame panics, the open review is
/// written to its recovery file before the panic goes on (and ends the process), so the next
/// start offers it back.
pub fn run_frame_guarded(workbench: &mut Workbench, frame: impl FnOnce(&mut Workbench)) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| frame(workbench)));
    if let Err(panic) = result {
        workbench.write_recovery_now();
        std::panic::resume_unwind(panic);
    }
}

/// Opens the window on the first of `files` (if any) and one more window for each further
/// file ([`desktop::launch`]), and runs until this window closes.
pub fn run(files: Vec<PathBuf>) -> ExitCode {
    let (file, launch_errors) = desktop::launch::open_each(files, desktop::launch::spawn_window);
    for error in &launch_errors {
        eprintln!("claimdesk: {error}");
    }
    let result = eframe::run_native(
        desktop::APP_ID,
        native_options(),
        Box::new(move |cc| Ok(Box::new(ClaimdeskApp::new(cc, file, launch_errors)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: could not open a window: {e}");
            ExitCode::from(1)
        }
    }
}

/// The window: title, app id (so launchers group it with `claimdesk.desktop`), icon, sizes,
/// and its size and position restored from the last run (eframe persistence).
pub fn native_options() -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Claimdesk")
        .with_app_id(desktop::APP_ID)
        .with_inner_size([1200.0, 760.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    match desktop::icon::window_icon() {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(e) => eprintln!("claimdesk: {e}"),
    }
    eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    }
}
