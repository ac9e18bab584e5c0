//! The typst `World` of a PDF report: the template built into the binary, the report's data as
//! one JSON file, the bundled fonts, and nothing else: no file system, no packages, no
//! network, no clock (`datetime.today()` is an error).

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use claimdesk_fonts::REPORT_FONTS;

/// The report template (typst markup; it reads the data and never sees user text as markup).
const TEMPLATE: &str = include_str!("report.typ");

/// Where the template finds the report's data (`json("/report.json")`).
const DATA_PATH: &str = "/report.json";

/// The standard library, the fonts and their book: built once per process.
static SHARED: LazyLock<Shared> = LazyLock::new(Shared::new);

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Shared {
    fn new() -> Self {
        let fonts: Vec<Font> = REPORT_FONTS
            .iter()
            .flat_map(|f| Font::iter(Bytes::new(f.bytes)))
            .collect();
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
}

/// One report to typeset: the template as main file plus its data.
pub struct ReportWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl ReportWorld {
    /// A world whose `/report.json` holds `data`.
    pub fn new(data: Vec<u8>) -> Self {
        let main_id = file_id("/report.typ");
        Self {
            main: Source::new(main_id, TEMPLATE.to_owned()),
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
        }
    }
}

/// The id of a path in the project (typst interns it: the same path, the same id).
fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a constant absolute path is valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for ReportWorld {
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

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
