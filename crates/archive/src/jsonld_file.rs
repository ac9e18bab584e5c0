//! Reads a ClaimReview JSON-LD file as a stream: the elements of a top-level array, of `@graph`
//! and of a DataFeed's `dataFeedElement` are parsed and handed over one at a time, so a feed of
//! 100,000 ClaimReviews is never held in memory at once.

use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::claimreview::{Sink, walk};

/// A bare string, number, boolean or null holds no ClaimReview: the visitors skip them.
macro_rules! ignore_scalars {
    () => {
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
            Ok(())
        }
    };
}

/// Top-level keys whose arrays are streamed element by element.
const STREAMED_KEYS: [&str; 2] = ["@graph", "dataFeedElement"];

/// Passes every ClaimReview of the JSON file at `path` to `sink`. Fails on unreadable files and
/// invalid JSON (claims already passed to the sink before the error must then be discarded).
pub(crate) fn read_jsonld_file(path: &Path, sink: &mut Sink<'_>) -> Result<(), String> {
    let file = File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    skip_bom(&mut reader).map_err(|e| format!("cannot read it: {e}"))?;
    let mut de = serde_json::Deserializer::from_reader(reader);
    TopLevel(sink)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| format!("not valid JSON: {e}"))
}

/// Skips a UTF-8 byte order mark, which some editors write and JSON forbids.
fn skip_bom(reader: &mut BufReader<File>) -> std::io::Result<()> {
    use std::io::BufRead;
    let buf = reader.fill_buf()?;
    if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        reader.consume(3);
    }
    Ok(())
}

/// The whole document: an array, or an object with streamed keys.
struct TopLevel<'s, 'e>(&'s mut Sink<'e>);

impl<'de> DeserializeSeed<'de> for TopLevel<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON-LD")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        stream_elements(seq, self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut rest = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if STREAMED_KEYS.contains(&key.as_str()) {
                map.next_value_seed(Elements(self.0))?;
            } else {
                let value: Value = map.next_value()?;
                rest.insert(key, value);
            }
        }
        walk(&Value::Object(rest), self.0);
        Ok(())
    }

    ignore_scalars!();
}

/// The value of a streamed key: an array streamed element by element, or anything else whole.
struct Elements<'s, 'e>(&'s mut Sink<'e>);

impl<'de> DeserializeSeed<'de> for Elements<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON-LD")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        stream_elements(seq, self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let value = Value::deserialize(MapAccessDeserializer::new(map))?;
        walk(&value, self.0);
        Ok(())
    }

    ignore_scalars!();
}

/// Parses each element of an array on its own, walks it, and drops it.
fn stream_elements<'de, A: SeqAccess<'de>>(
    mut seq: A,
    sink: &mut Sink<'_>,
) -> Result<(), A::Error> {
    while let Some(element) = seq.next_element::<Value>()? {
        walk(&element, sink);
    }
    Ok(())
}
