//! The hostile corpus (`crates/testkit/data/corpus`, and the payload review of `claimdesk_testkit::hostile_review`)
//! through everything that reads or writes a review: each file through every importer (as
//! text, web page and Markdown, whatever its extension), the loader, every exporter, and one
//! window frame (egui_kittest). Nothing may panic; a file is either opened or refused with a
//! message that names it; every export is complete and deterministic.
//!
//! New files dropped into the corpus folder are picked up without changing this test.

use claimdesk_testkit as core_common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimdesk::Workbench;
use claimdesk::app::file_dialogs::ScriptedDialogs;
use claimdesk::app::recovery::RecoveryStore;
use claimdesk::app::settings::Settings;
use claimdesk_import::{ArticleKind, ImportOptions, import_bytes};
use claimdesk_model::Review;
use claimdesk_model::format::{load_file, save_file};
use claimdesk_reports::{ExportFormat, export};
use egui::Vec2;
use egui_kittest::Harness;

fn corpus() -> Vec<PathBuf> {
    let dir = claimdesk_testkit::test_file("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 25, "the corpus is there ({})", files.len());
    files
}

/// Every format, twice: complete (non-empty, UTF-8 where text) and the same bytes both times.
fn export_all(review: &Review, what: &str) {
    for format in ExportFormat::ALL {
        let a = export(review, format).unwrap_or_else(|e| panic!("{what}: {format}: {e}"));
        let b = export(review, format).unwrap();
        assert_eq!(a, b, "{what}: {format} is deterministic");
        assert!(!a.bytes.is_empty(), "{what}: {format} is empty");
        if format.is_text() {
            std::str::from_utf8(&a.bytes).unwrap_or_else(|e| panic!("{what}: {format}: {e}"));
        } else {
            assert!(a.bytes.starts_with(b"%PDF-"), "{what}: {format}");
        }
    }
}

#[test]
fn every_corpus_file_through_every_importer_the_loader_and_every_exporter() {
    let mut opened = 0;
    for path in corpus() {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        for kind in [ArticleKind::Text, ArticleKind::Html, ArticleKind::Markdown] {
            // Refusing is fine (empty text, undecodable bytes); panicking or hanging is not.
            if let Ok(imported) = import_bytes(
                &bytes,
                &path,
                "corpus",
                &name,
                kind,
                &ImportOptions::default(),
            ) {
                export_all(&imported.review, &format!("{name} as {kind:?}"));
            }
        }
        match load_file(&path) {
            Ok(loaded) => {
                opened += 1;
                export_all(&loaded.review, &name);
                // What was loaded saves and loads back the same, without new warnings.
                let dir = tempfile::tempdir().unwrap();
                let copy = dir.path().join("copy.claimdesk");
                let written = save_file(&copy, &loaded.review).unwrap();
                let again = load_file(&copy).unwrap();
                assert!(again.warnings.is_empty(), "{name}: {:?}", again.warnings);
                assert_eq!(claimdesk_model::format::to_json(&again.review), written);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    assert!(opened >= 5, "some corpus files are loadable with warnings");
}

#[test]
fn the_payload_review_through_the_loader_and_every_exporter() {
    let review = core_common::hostile_review();
    export_all(&review, "hostile review");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.claimdesk");
    save_file(&path, &review).unwrap();
    let loaded = load_file(&path).unwrap();
    assert_eq!(loaded.review.claims(), review.claims());
    export_all(&loaded.review, "hostile review, reloaded");
}

/// Opens `path` in a workbench and draws frames until idle.
fn one_window(path: &Path, data: &Path) -> Harness<'static, Workbench> {
    let mut wb = Workbench::new(Settings::default(), Arc::new(ScriptedDialogs::default()))
        .with_recovery(RecoveryStore::new(data.join("recovery")));
    wb.open_path(path);
    let mut h = Harness::builder()
        .with_size(Vec2::new(1100.0, 700.0))
        .build_ui_state(|ui, wb: &mut Workbench| wb.ui(ui), wb);
    h.run();
    h
}

#[test]
fn every_corpus_file_and_the_payload_review_in_one_window_frame() {
    let data = tempfile::tempdir().unwrap();
    let hostile = data.path().join("hostile.claimdesk");
    save_file(&hostile, &core_common::hostile_review()).unwrap();
    let mut files = corpus();
    files.push(hostile);
    for path in files {
        let h = one_window(&path, data.path());
        let wb = h.state();
        match wb.review() {
            Some(doc) => assert!(doc.review().article.char_len() > 0, "{}", path.display()),
            None => {
                let error = wb.notices.last_error().unwrap_or_default();
                let name = path.file_name().unwrap().to_string_lossy();
                assert!(
                    error.contains(name.as_ref()),
                    "{name} was neither opened nor refused by name: {error:?}"
                );
            }
        }
    }
}
