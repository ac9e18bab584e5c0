//! Benchmark of the subtitle reader (`cargo bench -p claimdesk-documents --bench subtitles`):
//! `subtitles/youtube_2h` reads a two-hour YouTube-style auto-caption file (18,000 words, 400 ms
//! apart, 7 to a line: 2,572 rolling cues with inline word times and as many 10 ms hold cues;
//! 0.9 MB), generated at the start; the target is at most 200 ms in release.
//! `subtitles/broadcast_2h` reads a two-hour broadcast-style SubRip file of two-line cues
//! with speaker labels.

use std::hint::black_box;

use claimdesk_documents::subtitles::{read_srt, read_vtt};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/support/captions.rs"]
mod captions;

/// Two hours of broadcast captions: a cue every 3 s, two lines, a new speaker every 10 cues.
fn broadcast_srt() -> String {
    let mut out = String::new();
    for i in 0..2_400u64 {
        let (start, end) = (i * 3_000, i * 3_000 + 2_800);
        let ts = |ms: u64| {
            format!(
                "{:02}:{:02}:{:02},{:03}",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60,
                ms % 1000
            )
        };
        let label = if i % 10 == 0 {
            ["MODERATOR: ", "SEN. HOLLIS: ", "GOV. MARSH: "][(i / 10 % 3) as usize]
        } else {
            ""
        };
        out.push_str(&format!(
            "{}\n{} --> {}\n{label}The budget grew by <i>4 percent</i> in {}\nand unemployment fell to record lows.\n\n",
            i + 1,
            ts(start),
            ts(end),
            2000 + i % 25
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let youtube = captions::youtube_vtt(&captions::spoken_words(18_000), 7);
    let doc = read_vtt(&youtube).expect("the captions read");
    eprintln!(
        "youtube_2h: {} bytes of WebVTT, {} words read, {} time entries, last at {} ms",
        youtube.len(),
        doc.text.split_whitespace().count(),
        doc.times.len(),
        doc.times.last().map_or(0, |t| t.millis)
    );
    c.bench_function("subtitles/youtube_2h", |b| {
        b.iter(|| read_vtt(black_box(&youtube)))
    });
    let broadcast = broadcast_srt();
    eprintln!("broadcast_2h: {} bytes of SubRip", broadcast.len());
    c.bench_function("subtitles/broadcast_2h", |b| {
        b.iter(|| read_srt(black_box(&broadcast)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
