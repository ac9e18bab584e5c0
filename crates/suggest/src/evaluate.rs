//! Ranking measures for check-worthiness: average precision, mean average precision over
//! documents (the CLEF CheckThat! measure), and a precision-at-threshold table.

use super::model::PrecisionRow;

/// Average precision of ranking items by `scores` (highest first; ties keep input order):
/// the mean, over positive items, of the precision at each one's rank. `None` without positives.
pub fn average_precision(scores: &[f32], labels: &[bool]) -> Option<f64> {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return None;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut hits = 0usize;
    let mut sum = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            hits += 1;
            sum += hits as f64 / (rank + 1) as f64;
        }
    }
    Some(sum / positives as f64)
}

/// Mean of the average precision of each document that has a positive item.
pub fn mean_average_precision<'d>(
    documents: impl IntoIterator<Item = (&'d [f32], &'d [bool])>,
) -> Option<f64> {
    let aps: Vec<f64> = documents
        .into_iter()
        .filter_map(|(s, l)| average_precision(s, l))
        .collect();
    (!aps.is_empty()).then(|| aps.iter().sum::<f64>() / aps.len() as f64)
}

/// Precision and recall of suggesting every item scoring at or above each threshold (0.05 to
/// 0.95 in steps of 0.05); thresholds that suggest nothing are left out.
pub fn precision_table(scores: &[f32], labels: &[bool]) -> Vec<PrecisionRow> {
    let positives = labels.iter().filter(|&&l| l).count().max(1);
    (1..20)
        .filter_map(|k| {
            let threshold = k as f32 / 20.0;
            let (mut suggested, mut right) = (0usize, 0usize);
            for (&s, &l) in scores.iter().zip(labels) {
                if s >= threshold {
                    suggested += 1;
                    right += usize::from(l);
                }
            }
            (suggested > 0).then(|| PrecisionRow {
                threshold,
                precision: right as f32 / suggested as f32,
                recall: right as f32 / positives as f32,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_by_hand() {
        // Ranked: +, -, +, -  -> (1/1 + 2/3) / 2
        let ap = average_precision(&[0.9, 0.8, 0.7, 0.1], &[true, false, true, false]).unwrap();
        assert!((ap - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        assert_eq!(average_precision(&[0.3], &[false]), None);
        let map = mean_average_precision([
            (&[0.9f32, 0.1][..], &[false, true][..]),
            (&[0.5f32][..], &[false][..]),
            (&[0.2f32, 0.1][..], &[true, false][..]),
        ])
        .unwrap();
        assert!((map - 0.75).abs() < 1e-12, "{map}");
    }

    #[test]
    fn precision_table_counts() {
        let t = precision_table(&[0.9, 0.6, 0.4, 0.04], &[true, false, true, true]);
        let at = |x: f32| {
            t.iter()
                .find(|r| (r.threshold - x).abs() < 1e-6)
                .copied()
                .unwrap()
        };
        assert_eq!(at(0.05).precision, 2.0 / 3.0);
        assert_eq!(at(0.5).precision, 0.5);
        assert_eq!(at(0.5).recall, 1.0 / 3.0);
        assert_eq!(at(0.9).precision, 1.0);
        assert!(
            t.iter().all(|r| r.threshold <= 0.9 + 1e-6),
            "nothing suggested above 0.9"
        );
    }
}
