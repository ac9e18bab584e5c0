//! The weights file (`.bin`): a compact little-endian format with a header and a checksum.
//!
//! ```text
//! magic "CDSUGGST" | u32 format version | u32 feature version | u8 hash bits | u8 dense count
//! | u16 zero | f32 bias | f32 × dense | u32 non-zero buckets | (varint gap, f32 weight) ×
//! | u32 table rows | (f32 threshold, f32 precision, f32 recall) × | u32 info length | info UTF-8
//! | u64 FNV-1a of everything before
//! ```
//!
//! Only non-zero bucket weights are stored, each as the gap from the previous bucket (LEB128)
//! and the f32 weight, so a model that saw 60,000 distinct n-grams takes about 300 KB.

use super::features::{DENSE, FEATURE_VERSION};
use super::model::{Model, PrecisionRow};

const MAGIC: &[u8; 8] = b"CDSUGGST";
/// Version of this file layout.
pub const FORMAT_VERSION: u32 = 1;

/// Why a weights file could not be used.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelError {
    /// The file could not be read.
    #[error("cannot read the model: {0}")]
    Read(String),
    /// Not a Claimdesk suggestion model.
    #[error("not a Claimdesk suggestion model (bad magic bytes)")]
    NotAModel,
    /// Made by a different version of the file format or features.
    #[error(
        "model format {format} / features {features} is not supported (this Claimdesk reads {} / {})",
        FORMAT_VERSION,
        FEATURE_VERSION
    )]
    Version {
        /// The file's format version.
        format: u32,
        /// The file's feature version.
        features: u32,
    },
    /// Cut short, corrupted or inconsistent.
    #[error("the model file is damaged: {0}")]
    Damaged(&'static str),
}

impl Model {
    /// Reads a weights file.
    pub fn load(path: &std::path::Path) -> Result<Model, ModelError> {
        let bytes = claimdesk_model::format::read_limited(path, 64 * 1024 * 1024)
            .map_err(|e| ModelError::Read(e.to_string()))?;
        Model::from_bytes(&bytes)
    }

    /// Encodes the model in the weights file format (same model, same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.hashed.len() / 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&[self.bits, DENSE as u8, 0, 0]);
        out.extend_from_slice(&self.bias.to_le_bytes());
        for w in self.dense {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let nonzero: Vec<(usize, f32)> = self
            .hashed
            .iter()
            .enumerate()
            .filter(|&(_, &w)| w != 0.0)
            .map(|(i, &w)| (i, w))
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        let mut previous = 0;
        for (i, w) in nonzero {
            write_varint(&mut out, (i - previous) as u64);
            out.extend_from_slice(&w.to_le_bytes());
            previous = i;
        }
        out.extend_from_slice(&(self.precision.len() as u32).to_le_bytes());
        for r in &self.precision {
            for x in [r.threshold, r.precision, r.recall] {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.info.len() as u32).to_le_bytes());
        out.extend_from_slice(self.info.as_bytes());
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Decodes a weights file, checking its magic, versions, checksum and sizes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let (body, sum) = bytes.split_at(
            bytes
                .len()
                .checked_sub(8)
                .filter(|&n| n >= 8)
                .ok_or(ModelError::Damaged("too short"))?,
        );
        if checksum(body).to_le_bytes() != sum {
            return Err(ModelError::Damaged("checksum mismatch"));
        }
        let mut r = Reader { bytes: body, at: 8 };
        let format = r.u32()?;
        let features = r.u32()?;
        if format != FORMAT_VERSION || features != FEATURE_VERSION {
            return Err(ModelError::Version { format, features });
        }
        let [bits, dense_count, _, _] = r.take::<4>()?;
        if !(8..=24).contains(&bits) || usize::from(dense_count) != DENSE {
            return Err(ModelError::Damaged("bad header"));
        }
        let mut model = Model::zero(bits);
        model.bias = r.f32()?;
        for w in &mut model.dense {
            *w = r.f32()?;
        }
        let mut bucket = 0usize;
        for _ in 0..r.u32()? {
            bucket += usize::try_from(r.varint()?).map_err(|_| ModelError::Damaged("bucket"))?;
            let slot = model
                .hashed
                .get_mut(bucket)
                .ok_or(ModelError::Damaged("bucket out of range"))?;
            *slot = r.f32()?;
        }
        for _ in 0..r.u32()? {
            model.precision.push(PrecisionRow {
                threshold: r.f32()?,
                precision: r.f32()?,
                recall: r.f32()?,
            });
        }
        let len = r.u32()? as usize;
        let info = r
            .bytes
            .get(r.at..r.at + len)
            .ok_or(ModelError::Damaged("info"))?;
        model.info = String::from_utf8(info.to_vec())
            .map_err(|_| ModelError::Damaged("info is not UTF-8"))?;
        if r.at + len != body.len() {
            return Err(ModelError::Damaged("trailing bytes"));
        }
        Ok(model)
    }
}

fn write_varint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// FNV-1a over the bytes.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A cursor over the file body that reports truncation as damage.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let slice = self
            .bytes
            .get(self.at..self.at + N)
            .ok_or(ModelError::Damaged("cut short"))?;
        self.at += N;
        Ok(slice.try_into().expect("N bytes"))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        let x = f32::from_le_bytes(self.take::<4>()?);
        if x.is_finite() {
            Ok(x)
        } else {
            Err(ModelError::Damaged("weight is not finite"))
        }
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let [b] = self.take::<1>()?;
            x |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(x);
            }
        }
        Err(ModelError::Damaged("varint too long"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Model {
        let mut m = Model::zero(10);
        m.hashed[0] = 0.5;
        m.hashed[3] = -1.25;
        m.hashed[1023] = 2.0;
        m.dense[2] = 0.75;
        m.bias = -0.5;
        m.precision = vec![PrecisionRow {
            threshold: 0.5,
            precision: 0.6,
            recall: 0.7,
        }];
        m.info = "data: test\n".into();
        m
    }

    #[test]
    fn round_trip_is_exact() {
        let m = small();
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).unwrap(), m);
        assert_eq!(Model::from_bytes(&bytes).unwrap().to_bytes(), bytes);
    }

    #[test]
    fn damage_is_reported_not_panicked() {
        let bytes = small().to_bytes();
        assert_eq!(Model::from_bytes(b"hello"), Err(ModelError::NotAModel));
        for cut in [8, 12, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[30] ^= 1;
        assert_eq!(
            Model::from_bytes(&flipped),
            Err(ModelError::Damaged("checksum mismatch"))
        );
        let mut newer = bytes[..bytes.len() - 8].to_vec();
        newer[8] = 9;
        let sum = checksum(&newer);
        newer.extend_from_slice(&sum.to_le_bytes());
        assert!(matches!(
            Model::from_bytes(&newer),
            Err(ModelError::Version { format: 9, .. })
        ));
    }
}
