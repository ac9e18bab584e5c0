//! Test PDFs typeset with typst used as a library: a small typst `World` (one main file, the
//! fonts bundled with typst and Claimdesk's Noto Sans, no files, no clock) and the documents
//! of the PDF test set with what a reader should find in them (`corpus`).

#![allow(dead_code)]

pub mod corpus;
pub mod prose;

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards};

/// The standard library and the fonts, built once per test process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let noto: [&'static [u8]; 2] = [
        include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf"),
        include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf"),
    ];
    let fonts: Vec<Font> = typst_assets::fonts()
        .chain(noto)
        .flat_map(|bytes| Font::iter(Bytes::new(bytes)))
        .collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// One typst source to typeset.
struct TestWorld {
    main: Source,
}

impl World for TestWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// The PDF of a typst `source`; panics with typst's messages when the source is wrong (a
/// mistake in a test, not in the reader).
pub fn typeset(source: &str) -> Vec<u8> {
    typeset_with(source, false)
}

/// The PDF of `source`, tagged (running heads and page numbers marked as artifacts).
pub fn typeset_tagged(source: &str) -> Vec<u8> {
    typeset_with(source, true)
}

fn typeset_with(source: &str, tagged: bool) -> Vec<u8> {
    let vpath = VirtualPath::new("/main.typ").expect("a constant absolute path");
    let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
    let world = TestWorld {
        main: Source::new(id, source.to_owned()),
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .unwrap_or_else(|errors| panic!("typst: {errors:?}"));
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some("claimdesk tests".to_owned())),
        timestamp: None,
        page_ranges: None,
        standards: PdfStandards::default(),
        tagged,
        pretty: false,
    };
    typst_pdf::pdf(&document, &options).unwrap_or_else(|errors| panic!("typst-pdf: {errors:?}"))
}

/// `text` as typst markup that shows exactly `text` (markup characters escaped).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\#*_`$@<>[]~/=+".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whitespace runs as one space, trimmed: how the measurements compare texts.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
