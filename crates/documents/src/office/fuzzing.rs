//! The property the `read_office` fuzz target (`fuzz/`) checks, shared with `cargo test`, which
//! replays the fuzz corpus through it.
//!
//! Random bytes rarely make a zip archive whose checksums hold, so the first byte of an input
//! picks what the rest is: `0` (mod 3) the file itself; `1` the body of a Word document (inside
//! `<w:body>`); `2` the body of an OpenDocument text (inside `<office:text>`). The archive
//! around a body is built here, so the fuzzer reaches the XML readers.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use crate::Extracted;

use super::{read_docx, read_odt, read_office};

const WORD_OPEN: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#;
const WORD_CLOSE: &str = "</w:body></w:document>";
const ODF_OPEN: &str = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:body><office:text>"#;
const ODF_CLOSE: &str = "</office:text></office:body></office:document-content>";

/// Any input gives a document or an error, never a panic; a document read is normalised (see
/// [`assert_stored_form`]).
pub fn check_office(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let results = match mode % 3 {
        0 => vec![read_docx(rest), read_odt(rest), read_office(rest)],
        1 => {
            let body = [WORD_OPEN.as_bytes(), rest, WORD_CLOSE.as_bytes()].concat();
            vec![read_docx(&archive(&[("word/document.xml", &body)]))]
        }
        _ => {
            let body = [ODF_OPEN.as_bytes(), rest, ODF_CLOSE.as_bytes()].concat();
            let mimetype = b"application/vnd.oasis.opendocument.text";
            vec![read_odt(&archive(&[
                ("mimetype", mimetype),
                ("content.xml", &body),
            ]))]
        }
    };
    for doc in results.into_iter().flatten() {
        assert_stored_form(&doc);
        assert!(doc.pages.is_empty() && doc.times.is_empty());
    }
}

/// The text is as Claimdesk stores it: not empty, trimmed, no control characters but newline
/// and tab, paragraphs apart by one blank line; and the times, if any, sorted inside it.
pub fn assert_stored_form(doc: &Extracted) {
    let text = &doc.text;
    assert!(!text.is_empty(), "empty text accepted");
    assert_eq!(text.trim(), text, "untrimmed text");
    assert!(
        !text.contains("\n\n\n"),
        "more than one blank line in {text:?}"
    );
    assert!(
        text.chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control()),
        "control characters in {text:?}"
    );
    let chars = text.chars().count();
    assert!(doc.times.windows(2).all(|w| w[0].start < w[1].start));
    assert!(doc.times.iter().all(|t| t.start < chars));
}

/// A stored (uncompressed) zip archive of `entries`.
fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in entries {
        let written = writer
            .start_file(*name, options)
            .and_then(|()| writer.write_all(content).map_err(Into::into));
        if written.is_err() {
            return Vec::new();
        }
    }
    writer.finish().map(Cursor::into_inner).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mode_reaches_its_reader() {
        // A body in each form reads; the raw mode refuses non-archives.
        let word = [&[1u8][..], b"<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"].concat();
        check_office(&word);
        let body = [
            WORD_OPEN,
            "<w:p><w:r><w:t>Hello</w:t></w:r></w:p>",
            WORD_CLOSE,
        ]
        .concat();
        let doc = read_docx(&archive(&[("word/document.xml", body.as_bytes())])).unwrap();
        assert_eq!(doc.text, "Hello");
        let odf = [ODF_OPEN, "<text:p>Hallo</text:p>", ODF_CLOSE].concat();
        let doc = read_odt(&archive(&[("content.xml", odf.as_bytes())])).unwrap();
        assert_eq!(doc.text, "Hallo");
        check_office(&[0, 1, 2, 3]);
        check_office(&[]);
    }
}
