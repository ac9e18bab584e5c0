//! The desktop integration files in `packaging/` agree with the app and with each other: the
//! window's icon and app id, the launcher entry, the MIME type's glob and magic (tested on a
//! file Claimdesk writes), and the committed icon renderings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use claimdesk::desktop::{self, icon};
use claimdesk_model::format::to_json;
use claimdesk_model::{Article, Review};

const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `[Desktop Entry]` keys of the launcher entry.
fn desktop_entry() -> HashMap<String, String> {
    read("packaging/claimdesk.desktop")
        .lines()
        .skip_while(|l| l.trim() != "[Desktop Entry]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// Every value of an XML attribute `name` in `xml`, with `&quot;` unescaped.
fn attribute_values(xml: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    xml.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &xml[at + needle.len()..];
            rest[..rest.find('"').unwrap()].replace("&quot;", "\"")
        })
        .collect()
}

#[test]
fn window_has_the_claimdesk_icon_and_app_id() {
    let options = claimdesk::gui::native_options();
    let window_icon = options.viewport.icon.expect("the window icon is set");
    let png = icon::window_icon().unwrap();
    assert_eq!((window_icon.width, window_icon.height), (256, 256));
    assert_eq!(window_icon.rgba.len(), 256 * 256 * 4);
    assert_eq!(window_icon.rgba, png.rgba, "the icon is the committed PNG");
    let committed = std::fs::read(repo("assets/icons/hicolor/256x256/apps/claimdesk.png")).unwrap();
    assert_eq!(icon::WINDOW_ICON_PNG, committed.as_slice());
    // Not blank: transparent corners, an opaque middle.
    let alpha = |x: usize, y: usize| window_icon.rgba[(y * 256 + x) * 4 + 3];
    assert_eq!(alpha(0, 0), 0);
    assert_eq!(alpha(128, 128), 255);
    assert_eq!(options.viewport.app_id.as_deref(), Some(desktop::APP_ID));
    assert!(options.persist_window, "size and position are restored");
}

#[test]
fn launcher_entry_matches_the_window_and_the_mime_types() {
    let entry = desktop_entry();
    assert_eq!(entry["Exec"], "claimdesk %F");
    assert_eq!(entry["StartupWMClass"], desktop::APP_ID);
    assert_eq!(entry["Icon"], "claimdesk");
    assert_eq!(entry["GenericName"], "Fact-checking workbench");
    let listed: Vec<&str> = entry["MimeType"]
        .split(';')
        .filter(|t| !t.is_empty())
        .collect();
    let defined = attribute_values(&read("packaging/claimdesk-mime.xml"), "type");
    assert_eq!(defined[0], "application/x-claimdesk");
    for mime in [
        "application/x-claimdesk",
        "text/plain",
        "text/markdown",
        "text/html",
    ] {
        assert!(listed.contains(&mime), "{mime} missing from {listed:?}");
    }
}

#[test]
fn mime_magic_and_glob_recognise_a_saved_review() {
    let xml = read("packaging/claimdesk-mime.xml");
    assert_eq!(attribute_values(&xml, "pattern"), ["*.claimdesk"]);
    assert!(attribute_values(&xml, "name").contains(&"application-x-claimdesk".to_owned()));
    let review = Review::new(Article::new("a.txt", "", "Some article text.".into()));
    let saved = to_json(&review);
    let offsets = attribute_values(&xml, "offset");
    let values = attribute_values(&xml, "value");
    assert_eq!(offsets.len(), values.len());
    let matched = offsets.iter().zip(&values).any(|(offset, value)| {
        let (first, last) = offset.split_once(':').unwrap();
        let (first, last): (usize, usize) = (first.parse().unwrap(), last.parse().unwrap());
        (first..=last).any(|at| saved.as_bytes()[at..].starts_with(value.as_bytes()))
    });
    assert!(matched, "no magic of {values:?} matches:\n{}", &saved[..80]);
    // The compact spelling other tools write matches too.
    assert!(values.contains(&"\"format\":\"claimdesk\"".to_owned()));
}

#[test]
fn every_icon_size_is_rendered_at_its_size() {
    for size in ICON_SIZES {
        for file in [
            "apps/claimdesk.png",
            "mimetypes/application-x-claimdesk.png",
        ] {
            let path = format!("assets/icons/hicolor/{size}x{size}/{file}");
            let bytes = std::fs::read(repo(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(png_size(&bytes), (size, size), "{path}");
        }
    }
}
