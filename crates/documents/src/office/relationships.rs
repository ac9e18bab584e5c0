//! Open Packaging relationships (`_rels/.rels`, `word/_rels/document.xml.rels`): which part
//! is the main document, its footnotes, endnotes and core properties.

use crate::ReadError;

use super::xml::{Element, Ns, Visit, Visitor, walk};

/// One package-internal relationship.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Relationship {
    kind: String,
    target: String,
}

/// The relationships of one part, targets resolved to archive paths.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Relationships(Vec<Relationship>);

impl Relationships {
    /// Reads the relationships part `rels_part`, which describes the part `source` (`""` for
    /// the package).
    pub fn read(
        xml: &[u8],
        rels_part: &str,
        source: &str,
        kind: &'static str,
    ) -> Result<Self, ReadError> {
        let mut collector = Collector {
            base: parent_folder(source),
            found: Vec::new(),
        };
        walk(xml, rels_part, kind, &mut collector)?;
        Ok(Relationships(collector.found))
    }

    /// The archive path of the first target whose relationship type ends with `/{suffix}`
    /// (`officeDocument`, `footnotes`, `core-properties`).
    pub fn target<'a>(&'a self, suffix: &'a str) -> Option<&'a str> {
        self.targets(suffix).next()
    }

    /// The archive paths of all targets whose relationship type ends with `/{suffix}`.
    pub fn targets<'a>(&'a self, suffix: &'a str) -> impl Iterator<Item = &'a str> {
        self.0
            .iter()
            .filter(move |r| r.kind.rsplit('/').next().is_some_and(|last| last == suffix))
            .map(|r| r.target.as_str())
    }
}

/// The relationships part that describes `part`: `word/document.xml` →
/// `word/_rels/document.xml.rels`.
pub(crate) fn rels_part_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((folder, name)) => format!("{folder}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

struct Collector {
    base: String,
    found: Vec<Relationship>,
}

impl Visitor for Collector {
    fn open(&mut self, e: &Element) -> Visit {
        if e.local == "Relationship" {
            let external = e
                .attr("TargetMode")
                .is_some_and(|m| m.eq_ignore_ascii_case("External"));
            if let (Some(kind), Some(target), false) = (e.attr("Type"), e.attr("Target"), external)
            {
                self.found.push(Relationship {
                    kind,
                    target: resolve(&self.base, &target),
                });
            }
        }
        Visit::Enter
    }

    fn close(&mut self, _: Ns, _: &str) {}

    fn text(&mut self, _: &str) {}
}

/// The folder of `part` with a trailing `/` (`word/`), or `""` at the root.
fn parent_folder(part: &str) -> String {
    part.rsplit_once('/')
        .map_or(String::new(), |(folder, _)| format!("{folder}/"))
}

/// `target` resolved against `base`: absolute targets (`/word/x.xml`) from the root, `..`
/// and `.` segments applied, never above the root.
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{base}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_their_source() {
        let xml = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="../notes/./end.xml"/></Relationships>"#;
        let rels = Relationships::read(
            xml,
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "t",
        )
        .unwrap();
        assert_eq!(rels.target("footnotes"), Some("word/footnotes.xml"));
        assert_eq!(rels.target("endnotes"), Some("notes/end.xml"));
        assert_eq!(
            rels.target("hyperlink"),
            None,
            "external targets are not parts"
        );
        assert_eq!(rels.target("notes"), None);
        assert_eq!(
            rels.targets("footnotes").collect::<Vec<_>>(),
            ["word/footnotes.xml"]
        );
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word/", "../../../x.xml"), "x.xml");
        assert_eq!(
            rels_part_of("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(rels_part_of("document.xml"), "_rels/document.xml.rels");
    }
}
