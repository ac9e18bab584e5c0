//! Readers for the public check-worthiness data sets the model is trained and measured on
//! (tab-separated, one header line, unquoted; see `../shared/data/README.md`). The data itself
//! is never part of the repository.

use super::train::{Example, TrainOptions, Trained, train};
use claimdesk_model::sha256_hex;

/// A line of a CLEF CheckThat! 2019 debate.
#[derive(Clone, Debug, PartialEq)]
pub struct DebateLine {
    /// The debate or speech it belongs to.
    pub debate: String,
    /// Who speaks ("TRUMP", "SYSTEM" for stage directions).
    pub speaker: String,
    /// Check-worthy per the organisers.
    pub positive: bool,
    /// The line.
    pub text: String,
}

/// Trains the built-in model from the text of the ClaimBuster training file, recording the file's
/// SHA-256 in the model's info. `train_suggester` and the reproduction test both call this.
pub fn train_on_claimbuster(tsv: &str, options: &TrainOptions) -> Result<Trained, String> {
    let examples = read_claimbuster(tsv)?;
    let mut trained = train(&examples, options, None).map_err(|e| e.to_string())?;
    trained.model.info = format!(
        "data: ClaimBuster training file (Arslan et al. 2020), sha256 {}\n{}",
        sha256_hex(tsv.as_bytes()),
        trained.model.info
    );
    Ok(trained)
}

/// Reads the ClaimBuster training file (`sentence_id, label, text`).
pub fn read_claimbuster(tsv: &str) -> Result<Vec<Example>, String> {
    rows(tsv, 3)?
        .map(|(n, f)| {
            Ok(Example {
                text: f[2].to_owned(),
                positive: label(f[1], n)?,
                weight: 1.0,
            })
        })
        .collect()
}

/// Reads the CLEF 2019 file (`debate, line_number, speaker, label, text`).
pub fn read_clef(tsv: &str) -> Result<Vec<DebateLine>, String> {
    rows(tsv, 5)?
        .map(|(n, f)| {
            Ok(DebateLine {
                debate: f[0].to_owned(),
                speaker: f[2].to_owned(),
                positive: label(f[3], n)?,
                text: f[4].to_owned(),
            })
        })
        .collect()
}

/// The data rows (after the header) split on tabs, each with its 1-based line number.
fn rows(tsv: &str, columns: usize) -> Result<impl Iterator<Item = (usize, Vec<&str>)>, String> {
    let mut lines = tsv.lines().enumerate();
    lines.next().ok_or("the file is empty")?;
    let rows: Vec<(usize, Vec<&str>)> = lines
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (i + 1, l.splitn(columns, '\t').collect::<Vec<_>>()))
        .collect();
    if let Some((n, f)) = rows.iter().find(|(_, f)| f.len() != columns) {
        return Err(format!("line {n}: {} columns, expected {columns}", f.len()));
    }
    Ok(rows.into_iter())
}

fn label(field: &str, line: usize) -> Result<bool, String> {
    match field.trim() {
        "1" => Ok(true),
        "0" => Ok(false),
        other => Err(format!("line {line}: label {other:?} is not 0 or 1")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_layouts_and_reports_bad_lines() {
        let cb =
            read_claimbuster("sentence_id\tlabel\ttext\n1\t1\tIt rose 5%.\n2\t0\tHi \"there\".\n")
                .unwrap();
        assert_eq!(cb.len(), 2);
        assert!(cb[0].positive && !cb[1].positive && cb[1].text == "Hi \"there\".");
        let clef =
            read_clef("debate\tline_number\tspeaker\tlabel\ttext\nd1\t1\tTODD\t0\tGood evening.\n")
                .unwrap();
        assert_eq!(clef[0].speaker, "TODD");
        assert_eq!(
            read_claimbuster("h\n1\t2\tx\n").unwrap_err(),
            "line 2: label \"2\" is not 0 or 1"
        );
        assert!(
            read_claimbuster("h\n1\tx\n")
                .unwrap_err()
                .starts_with("line 2: 2 columns")
        );
        assert!(read_clef("").is_err());
    }
}
