//! What `claimdesk library search` and `library scan` share: the archive brought up to date and
//! ready to search (problems reported on stderr), and a match written as text.

use claimdesk_archive::{Archive, ArchiveError, ArchiveSearcher, Refresh, SearchHit};

/// The archive brought up to date, ready to search; `None` (after saying why on stderr) if the
/// library is empty or holds no readable claim.
pub(super) fn searcher(archive: &Archive) -> Result<Option<ArchiveSearcher>, ArchiveError> {
    let library = archive.library()?;
    if library.sources.is_empty() {
        super::fail(
            &archive.library_file(),
            "the library is empty; add sources with `claimdesk library add PATH`",
        );
        return Ok(None);
    }
    let refresh = archive.refresh()?;
    report(archive, &refresh);
    if refresh.searcher.is_empty() {
        super::fail(
            &archive.library_file(),
            format!(
                "the library's {} sources hold no readable claim",
                library.sources.len()
            ),
        );
        return Ok(None);
    }
    Ok(Some(refresh.searcher))
}

/// "verdict: False | organisation: … | date: … | url: …", with what is known.
pub(super) fn known_fields(hit: &SearchHit) -> String {
    let c = &hit.claim;
    let known: Vec<String> = [
        ("verdict", &c.verdict),
        ("organisation", &c.organisation),
        ("date", &c.date),
        ("url", &c.url),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}: {v}"))
    .collect();
    known.join(" | ")
}

/// "file: PATH | claim: ID": where a match came from.
pub(super) fn origin(hit: &SearchHit) -> String {
    let mut from = format!("file: {}", hit.source.display());
    if !hit.claim.claim_id.is_empty() {
        from.push_str(&format!(" | claim: {}", hit.claim.claim_id));
    }
    from
}

/// Problems and a rebuilt index, one line each on stderr.
pub(super) fn report(archive: &Archive, refresh: &Refresh) {
    if let Some(why) = &refresh.rebuilt {
        eprintln!(
            "claimdesk: {}: rebuilt the archive index: {why}",
            archive.index_dir().display()
        );
    }
    for p in &refresh.problems {
        eprintln!("claimdesk: {}: {} (skipped)", p.path.display(), p.message);
    }
}
