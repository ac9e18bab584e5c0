//! Word and OpenDocument files written for the tests: zip archives with the minimal parts
//! each format needs, and the namespaces their XML uses.
#![allow(dead_code)]

pub mod captions;

use std::io::{Cursor, Write};

use claimdesk_documents::Extracted;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// The WordprocessingML namespace declarations a `document.xml` root carries.
pub const WORD_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps""#;

/// The OpenDocument namespace declarations.
pub const ODF_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dc-terms="http://purl.org/dc/terms/" office:version="1.3""#;

/// A zip archive of `entries` (name, content), deflated except where `stored` names them.
pub fn zip(entries: &[(&str, &[u8])], stored: &[&str]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        let method = if stored.contains(name) {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(content.len() > u32::MAX as usize / 2);
        writer
            .start_file(*name, options)
            .expect("start a zip entry");
        writer.write_all(content).expect("write a zip entry");
    }
    writer.finish().expect("finish the zip").into_inner()
}

/// The parts of a Word file besides the body.
#[derive(Default)]
pub struct WordParts<'a> {
    /// `word/footnotes.xml` content inside `<w:footnotes>`.
    pub footnotes: Option<&'a str>,
    /// `word/endnotes.xml` content inside `<w:endnotes>`.
    pub endnotes: Option<&'a str>,
    /// `word/comments.xml` content inside `<w:comments>`.
    pub comments: Option<&'a str>,
    /// `word/header1.xml` content inside `<w:hdr>` (and a footer with the same text).
    pub header: Option<&'a str>,
    /// `docProps/core.xml`, whole.
    pub core: Option<&'a str>,
}

/// A `.docx` whose body (inside `<w:body>`) is `body`, with `parts`.
pub fn docx(body: &str, parts: &WordParts) -> Vec<u8> {
    let word = |root: &str, inner: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {WORD_NS}>{inner}</w:{root}>"#
        )
    };
    let document = word("document", &format!("<w:body>{body}</w:body>"));
    let mut doc_rels = String::new();
    let mut overrides = String::new();
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, rel_type: &str, content: String, doc_rels: &mut String| {
        doc_rels.push_str(&format!(
            r#"<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rel_type}" Target="{name}"/>"#
        ));
        entries.push((format!("word/{name}"), content.into_bytes()));
    };
    if let Some(f) = parts.footnotes {
        add(
            "footnotes.xml",
            "footnotes",
            word("footnotes", f),
            &mut doc_rels,
        );
        overrides.push_str(r#"<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>"#);
    }
    if let Some(e) = parts.endnotes {
        add(
            "endnotes.xml",
            "endnotes",
            word("endnotes", e),
            &mut doc_rels,
        );
    }
    if let Some(c) = parts.comments {
        add(
            "comments.xml",
            "comments",
            word("comments", c),
            &mut doc_rels,
        );
    }
    if let Some(h) = parts.header {
        add("header1.xml", "header", word("hdr", h), &mut doc_rels);
        add("footer1.xml", "footer", word("ftr", h), &mut doc_rels);
    }
    let content_types = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{overrides}</Types>"#
    );
    let package_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;
    let document_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{doc_rels}</Relationships>"#
    );
    let mut all: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types.into_bytes()),
        ("_rels/.rels".into(), package_rels.as_bytes().to_vec()),
        ("word/document.xml".into(), document.into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels.into_bytes(),
        ),
    ];
    all.extend(entries);
    if let Some(core) = parts.core {
        all.push(("docProps/core.xml".into(), core.as_bytes().to_vec()));
    }
    let borrowed: Vec<(&str, &[u8])> = all
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    zip(&borrowed, &[])
}

/// A Word paragraph of one run of `text` (escaped by the caller).
pub fn w_p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// The parts of an OpenDocument text besides the body.
#[derive(Default)]
pub struct OdfParts<'a> {
    /// The `office:master-styles` content of `styles.xml`.
    pub master_styles: Option<&'a str>,
    /// The `office:meta` content of `meta.xml`.
    pub meta: Option<&'a str>,
    /// `META-INF/manifest.xml`, whole (a plain one when `None`).
    pub manifest: Option<&'a str>,
    /// The `mimetype` entry (the text one when `None`).
    pub mimetype: Option<&'a str>,
}

/// A `.odt` whose `office:text` holds `body`, with `parts`; `mimetype` first and stored, as
/// the format asks.
pub fn odt(body: &str, parts: &OdfParts) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}><office:automatic-styles><style:style style:name="P1" style:family="paragraph"/><style:style style:name="T9" style:family="text"><style:text-properties text:display="none"/></style:style></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NS}><office:master-styles>{}</office:master-styles></office:document-styles>"#,
        parts.master_styles.unwrap_or("")
    );
    let meta = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NS}><office:meta>{}</office:meta></office:document-meta>"#,
        parts.meta.unwrap_or("")
    );
    let manifest = parts.manifest.map_or_else(
        || r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_owned(),
        str::to_owned,
    );
    let mimetype = parts
        .mimetype
        .unwrap_or("application/vnd.oasis.opendocument.text");
    zip(
        &[
            ("mimetype", mimetype.as_bytes()),
            ("content.xml", content.as_bytes()),
            ("styles.xml", styles.as_bytes()),
            ("meta.xml", meta.as_bytes()),
            ("META-INF/manifest.xml", manifest.as_bytes()),
        ],
        &["mimetype"],
    )
}

/// A file of `tests/fixtures/libreoffice/`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/libreoffice")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Fails unless the notes of `doc`, together, say each of `said`.
pub fn assert_notes_say(doc: &Extracted, said: &[&str]) {
    let notes = doc.notes.join("\n");
    for s in said {
        assert!(notes.contains(s), "notes {notes:?} should say {s:?}");
    }
}

/// `body` with markup `fragments` spliced in at `cuts` (position, chars replaced, fragment
/// index, each taken modulo what fits): a damaged body that still goes into a valid archive.
pub fn spliced(body: &str, fragments: &[&str], cuts: &[(usize, usize, usize)]) -> String {
    let mut chars: Vec<char> = body.chars().collect();
    for &(at, len, fragment) in cuts {
        let at = at % (chars.len() + 1);
        let end = (at + len % 40).min(chars.len());
        chars.splice(at..end, fragments[fragment % fragments.len()].chars());
    }
    chars.into_iter().collect()
}
