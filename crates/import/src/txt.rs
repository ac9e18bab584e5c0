//! Plain-text articles: deciding the encoding and decoding the bytes.
//!
//! Order: the caller's override; a byte order mark (UTF-8, UTF-16LE, UTF-16BE); a page's
//! declared charset; NUL bytes mean binary; valid UTF-8; otherwise chardetng guesses a legacy
//! encoding (windows-1252, ISO-8859-x, Shift_JIS, …) and a note says so.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8};

use super::{EncodingSource, ImportError};

/// Text decoded from bytes.
#[derive(Debug)]
pub struct Decoded {
    /// The text (not yet normalised).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub source: EncodingSource,
    /// Plain-words notes (a guess, replaced bytes).
    pub notes: Vec<String>,
}

/// Decodes `bytes`. `name` is for messages; `override_label` is a WHATWG label chosen by the
/// user; `declared` is an encoding the content itself names (HTML `<meta charset>`).
pub fn decode(
    bytes: &[u8],
    name: &Path,
    override_label: Option<&str>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, ImportError> {
    let mut notes = Vec::new();
    if let Some(label) = override_label {
        let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            ImportError::UnknownEncoding {
                path: name.to_owned(),
                label: label.to_owned(),
            }
        })?;
        // A BOM of the chosen encoding is removed; any other bytes decode as that encoding.
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if had_errors {
            notes.push(replaced_note(encoding));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
            source: EncodingSource::Override,
            notes,
        });
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            notes.push(replaced_note(encoding));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
            source: EncodingSource::Bom,
            notes,
        });
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary(name.to_owned()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8,
            source: EncodingSource::Utf8,
            notes,
        });
    }
    // The page's own declaration wins over a guess (but not over valid UTF-8, which is what
    // pages saved by browsers usually are even when the original declared something else).
    let (encoding, source) = match declared {
        Some(enc) if enc != UTF_8 => (enc, EncodingSource::Declared),
        _ => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            (detector.guess(None, false), EncodingSource::Guessed)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if source == EncodingSource::Guessed {
        notes.push(format!(
            "The file is not UTF-8; its encoding was guessed as {}. If letters look wrong, \
             choose the right encoding (for example windows-1252 or iso-8859-2).",
            encoding.name()
        ));
    }
    if had_errors {
        notes.push(replaced_note(encoding));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        source,
        notes,
    })
}

fn replaced_note(encoding: &'static Encoding) -> String {
    format!(
        "Some bytes are not valid {} and were replaced with the replacement character (U+FFFD).",
        encoding.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8], label: Option<&str>) -> Decoded {
        decode(bytes, Path::new("t.txt"), label, None).unwrap()
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in "Libya 🇱🇾 é".encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        let d = dec(&le, None);
        assert_eq!(
            (d.text.as_str(), d.encoding.name()),
            ("Libya 🇱🇾 é", "UTF-16LE")
        );
        let d = dec(&be, None);
        assert_eq!(
            (d.text.as_str(), d.encoding.name()),
            ("Libya 🇱🇾 é", "UTF-16BE")
        );
        assert_eq!(d.source, EncodingSource::Bom);
    }

    #[test]
    fn windows_1252_curly_quotes_are_guessed_and_can_be_overridden() {
        let bytes = b"\x93Lies,\x94 he said \x97 twice. Caf\xe9 owners agreed.";
        let d = dec(bytes, None);
        assert_eq!(d.encoding.name(), "windows-1252");
        assert_eq!(d.text, "“Lies,” he said — twice. Café owners agreed.");
        assert_eq!(d.source, EncodingSource::Guessed);
        assert!(d.notes[0].contains("guessed as windows-1252"));
        let d = dec(bytes, Some("iso-8859-2"));
        assert_eq!(d.encoding.name(), "ISO-8859-2");
        assert_eq!(d.source, EncodingSource::Override);
        assert!(d.text.contains("Caf"));
    }

    #[test]
    fn override_to_utf8_replaces_bad_bytes_with_a_note() {
        let d = dec(b"caf\xe9", Some("UTF-8"));
        assert_eq!(d.text, "caf\u{fffd}");
        assert!(d.notes[0].contains("U+FFFD"));
    }

    #[test]
    fn nul_bytes_without_bom_are_binary() {
        assert!(matches!(
            decode(b"a\0b", Path::new("x"), None, None),
            Err(ImportError::Binary(_))
        ));
    }
}
