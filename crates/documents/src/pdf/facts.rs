//! What a PDF says about itself: title, author and date from the document information
//! dictionary, filled in from the XMP metadata stream where the dictionary is silent, and the
//! language from the catalog's `/Lang`. Dates become ISO 8601.

use lopdf::{Dictionary, Document};

use super::fonts::deref;
use crate::DocumentFacts;

/// The largest XMP stream read.
const XMP_LIMIT: usize = 4 << 20;

/// The document's facts; missing or unreadable entries stay `None`.
pub(crate) fn document_facts(doc: &Document) -> DocumentFacts {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|i| deref(doc, i).as_dict().ok());
    let catalog = doc.catalog().ok();
    let xmp = catalog.and_then(|c| xmp_text(doc, c)).unwrap_or_default();
    let info_text = |key: &[u8]| info.and_then(|i| text_entry(doc, i, key));
    let info_date = |key: &[u8]| info_text(key).and_then(|d| pdf_date(&d));
    DocumentFacts {
        title: info_text(b"Title").or_else(|| xmp_value(&xmp, "dc:title")),
        author: info_text(b"Author").or_else(|| xmp_value(&xmp, "dc:creator")),
        date: info_date(b"CreationDate")
            .or_else(|| xmp_value(&xmp, "xmp:CreateDate").and_then(|d| iso_date(&d)))
            .or_else(|| info_date(b"ModDate"))
            .or_else(|| xmp_value(&xmp, "xmp:ModifyDate").and_then(|d| iso_date(&d))),
        language: catalog
            .and_then(|c| text_entry(doc, c, b"Lang"))
            .or_else(|| xmp_value(&xmp, "dc:language")),
    }
}

/// A text string entry, trimmed; `None` when missing or blank.
fn text_entry(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    let value = deref(doc, dict.get(key).ok()?);
    let text = lopdf::decode_text_string(value).ok()?;
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The catalog's XMP metadata as text.
fn xmp_text(doc: &Document, catalog: &Dictionary) -> Option<String> {
    let stream = deref(doc, catalog.get(b"Metadata").ok()?)
        .as_stream()
        .ok()?;
    let bytes = stream.get_plain_content_with_limit(XMP_LIMIT).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The first value of XMP property `name`: the element's first `rdf:li`, its own text, or
/// the attribute of that name.
fn xmp_value(xmp: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let value = if let Some(at) = xmp.find(&open) {
        let rest = &xmp[at + open.len()..];
        let close = format!("</{name}>");
        let body_start = rest.find('>')? + 1;
        let body = &rest[body_start..rest.find(&close).unwrap_or(rest.len())];
        match body.find("<rdf:li") {
            Some(li) => {
                let item = &body[li..];
                let start = item.find('>')? + 1;
                &item[start..item.find("</rdf:li>").unwrap_or(item.len())]
            }
            None => body,
        }
    } else {
        let attribute = format!("{name}=\"");
        let at = xmp.find(&attribute)? + attribute.len();
        let rest = &xmp[at..];
        &rest[..rest.find('"')?]
    };
    let value = unescape_xml(value.trim());
    (!value.is_empty() && !value.contains('<')).then_some(value)
}

/// XML character and entity references replaced.
fn unescape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, ISO 32000-1 §7.9.4) as ISO 8601: as precise as the
/// date is (`2024`, `2024-11`, `2024-11-26`, `2024-11-26T10:00:00+01:00`).
pub(crate) fn pdf_date(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text.strip_prefix("D:").unwrap_or(text);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let field = |from: usize, len: usize| digits.get(from..from + len).map(|d| d.parse::<u32>());
    let year = field(0, 4)?.ok()?;
    let month = field(4, 2).transpose().ok()?;
    let day = field(6, 2).transpose().ok()?;
    let hour = field(8, 2).transpose().ok()?;
    let minute = field(10, 2).transpose().ok()?.unwrap_or(0);
    let second = field(12, 2).transpose().ok()?.unwrap_or(0);
    if month.is_some_and(|m| !(1..=12).contains(&m))
        || day.is_some_and(|d| !(1..=31).contains(&d))
        || hour.is_some_and(|h| h > 23)
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut out = format!("{year:04}");
    let (Some(month), Some(day)) = (month, day) else {
        return Some(month.map_or(out.clone(), |m| format!("{out}-{m:02}")));
    };
    out.push_str(&format!("-{month:02}-{day:02}"));
    let Some(hour) = hour else {
        return Some(out);
    };
    out.push_str(&format!("T{hour:02}:{minute:02}:{second:02}"));
    let zone = &text[digits.len()..];
    match zone.chars().next() {
        Some('Z') => out.push('Z'),
        Some(sign @ ('+' | '-')) => {
            let zone_digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let hours = zone_digits.get(0..2)?;
            let minutes = zone_digits.get(2..4).unwrap_or("00");
            out.push_str(&format!("{sign}{hours}:{minutes}"));
        }
        _ => {}
    }
    Some(out)
}

/// An XMP date (already ISO 8601), checked to start like one.
fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    let ok = text.len() >= 4 && text[..4].chars().all(|c| c.is_ascii_digit());
    ok.then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_become_iso_8601_as_precise_as_they_are() {
        assert_eq!(pdf_date("D:20241126").as_deref(), Some("2024-11-26"));
        assert_eq!(pdf_date("D:2024").as_deref(), Some("2024"));
        assert_eq!(pdf_date("D:202411").as_deref(), Some("2024-11"));
        assert_eq!(
            pdf_date("D:20241126103000Z").as_deref(),
            Some("2024-11-26T10:30:00Z")
        );
        assert_eq!(
            pdf_date("D:20241126103000+01'00'").as_deref(),
            Some("2024-11-26T10:30:00+01:00")
        );
        assert_eq!(pdf_date("D:20241326"), None);
        assert_eq!(pdf_date("yesterday"), None);
    }

    #[test]
    fn xmp_values_are_read_from_elements_lists_and_attributes() {
        let xmp = r#"<rdf:Description xmp:CreateDate="2020-01-02T03:04:05Z">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Fish &amp; Chips</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>Ana Lima</rdf:li><rdf:li>Bo Ek</rdf:li></rdf:Seq></dc:creator>
        </rdf:Description>"#;
        assert_eq!(xmp_value(xmp, "dc:title").as_deref(), Some("Fish & Chips"));
        assert_eq!(xmp_value(xmp, "dc:creator").as_deref(), Some("Ana Lima"));
        assert_eq!(
            xmp_value(xmp, "xmp:CreateDate").as_deref(),
            Some("2020-01-02T03:04:05Z")
        );
        assert_eq!(xmp_value(xmp, "dc:language"), None);
    }
}
