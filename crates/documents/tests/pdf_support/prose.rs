//! Deterministic report prose for the test PDFs: every sentence is different (a counter feeds
//! its figures), words are long enough for typst to hyphenate in narrow columns, and some carry
//! fi/fl/ff ligatures.

/// A seeded source of sentences and paragraphs.
pub struct Prose {
    state: u64,
    count: u64,
}

const SUBJECTS: [&str; 10] = [
    "The national statistics office",
    "Regional administrators",
    "The parliamentary committee on infrastructure",
    "Independent researchers at the university",
    "The environmental protection agency",
    "Municipal representatives",
    "International observers",
    "The ministry of transportation",
    "Officials of the telecommunications regulator",
    "The audit commission",
];

const VERBS: [&str; 8] = [
    "reported that",
    "announced that",
    "estimated that",
    "confirmed that",
    "acknowledged that",
    "calculated that",
    "told parliament that",
    "published figures showing that",
];

const OBJECTS: [&str; 10] = [
    "unemployment among young people fell to {n} per cent",
    "spending on railway infrastructure rose by {n} million euros",
    "the number of hospital admissions increased by {n} over the winter",
    "traffic on the coastal motorway reached {n} vehicles a day",
    "the efficiency of municipal heating networks improved by {n} per cent",
    "the official inflation figure was revised to {n} per cent",
    "{n} affluent households moved their savings offshore",
    "compensation payments to {n} manufacturing companies were delayed",
    "staff shortages affected {n} primary schools in difficult circumstances",
    "the conflict over water rights involved {n} agricultural cooperatives",
];

const TAILS: [&str; 8] = [
    "according to figures published on Tuesday",
    "despite considerable uncertainty about the methodology",
    "although the opposition questioned the interpretation",
    "in a report commissioned by the government",
    "which contradicts the statement made by the minister",
    "a figure that independent specialists consider insufficient",
    "following an investigation by the administrative court",
    "while environmental organisations demanded comprehensive transparency",
];

impl Prose {
    /// Prose from `seed`: the same seed gives the same text.
    pub fn new(seed: u64) -> Self {
        Self {
            state: seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
            count: 0,
        }
    }

    fn next(&mut self) -> usize {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.state >> 33) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next() % list.len()]
    }

    /// One sentence, ending with a full stop.
    pub fn sentence(&mut self) -> String {
        self.count += 1;
        let figure = format!("{}.{}", 3 + self.count * 7 % 97, self.count % 10);
        let object = self.pick(&OBJECTS).replace("{n}", &figure);
        format!(
            "{} {} {}, {}.",
            self.pick(&SUBJECTS),
            self.pick(&VERBS),
            object,
            self.pick(&TAILS)
        )
    }

    /// `sentences` sentences joined by spaces.
    pub fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A paragraph of three to six sentences.
    pub fn any_paragraph(&mut self) -> String {
        let n = 3 + self.next() % 4;
        self.paragraph(n)
    }
}
