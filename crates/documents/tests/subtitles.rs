//! Subtitle files written by the tests in the shapes found in the wild: broadcast SubRip with
//! speaker labels, YouTube auto-captions (rolling lines, inline word times, 10 ms hold cues),
//! WebVTT with `<v>` voices; and damaged ones.

use claimdesk_documents::office::fuzzing::assert_stored_form;
use claimdesk_documents::subtitles::fuzzing::check_subtitles;
use claimdesk_documents::subtitles::{MAX_SUBTITLE_BYTES, read_srt, read_subtitles, read_vtt};
use claimdesk_documents::{Extracted, ReadError};
use proptest::prelude::*;
use support::captions::{spoken_words, youtube_vtt};

mod support;

/// The media time of char `offset`: the last time entry that starts at or before it.
fn time_at(doc: &Extracted, offset: usize) -> Option<u64> {
    let i = doc.times.partition_point(|t| t.start <= offset);
    i.checked_sub(1).map(|i| doc.times[i].millis)
}

/// The char offset of `needle` in the text.
fn offset_of(doc: &Extracted, needle: &str) -> usize {
    let byte = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {:?}", doc.text));
    doc.text[..byte].chars().count()
}

/// The speaker label of a paragraph, as Claimdesk's transcript detection reads one: a name of
/// letters, spaces and `.'-,()&` (no digits), up to 60 chars, starting with a capital, at
/// most five words, then a colon and a space.
fn transcript_label(paragraph: &str) -> Option<&str> {
    let (name, rest) = paragraph.split_once(": ")?;
    let allowed = |c: char| c.is_alphabetic() || " .'-,()&".contains(c);
    let ok = name.len() <= 60
        && !rest.is_empty()
        && name.chars().all(allowed)
        && name.starts_with(char::is_uppercase)
        && name.split_whitespace().count() <= 5;
    ok.then_some(name)
}

const BROADCAST_SRT: &str = "\u{FEFF}1\r\n00:00:01,000 --> 00:00:04,000\r\nMODERATOR: Good evening and welcome\r\nto the third debate.\r\n\r\n2\r\n00:00:04,500 --> 00:00:07,000\r\nSenator, your plan costs\r\n<i>two trillion dollars.</i>\r\n\r\n3\r\n00:00:07,000 --> 00:00:09,000\r\nHow will you pay for it?\r\n\r\n4\r\n00:00:09,500 --> 00:00:12,000\r\nSEN. HOLLIS: Thank you. Our plan\r\nis paid for.\r\n\r\n5\r\n00:00:12,000 --> 00:00:13,000\r\n[APPLAUSE]\r\n\r\n6\r\n00:00:13,000 --> 00:00:16,000\r\nThe deficit fell by 40 percent\r\nsince 2012.\r\n7\r\n00:00:19,000 --> 00:00:21,000\r\nGOV. MARSH: That is <b>not</b> true.\r\n\r\n8\r\n00:00:2x,000 --> 00:00:23,000\r\nLOST LINE\r\n\r\n9\r\n00:00:23,000 --> 00:00:25,000\r\n{\\an8}MODERATOR: Thirty seconds each.\r\n";

#[test]
fn broadcast_srt_becomes_a_transcript_with_times() {
    let doc = read_srt(BROADCAST_SRT).expect("the file reads");
    assert_eq!(
        doc.text,
        "MODERATOR: Good evening and welcome to the third debate. Senator, your plan costs two trillion dollars. How will you pay for it?\n\n\
         SEN. HOLLIS: Thank you. Our plan is paid for. The deficit fell by 40 percent since 2012.\n\n\
         GOV. MARSH: That is not true.\n\n\
         MODERATOR: Thirty seconds each."
    );
    assert_stored_form(&doc);
    for (needle, millis) in [
        ("MODERATOR: Good", 1_000),
        ("welcome to the third", 1_000),
        ("Senator, your", 4_500),
        ("two trillion", 4_500),
        ("How will", 7_000),
        ("SEN. HOLLIS", 9_500),
        ("Thank you", 9_500),
        ("The deficit", 13_000),
        ("GOV. MARSH", 19_000),
        ("Thirty", 23_000),
    ] {
        assert_eq!(
            time_at(&doc, offset_of(&doc, needle)),
            Some(millis),
            "{needle}"
        );
    }
    let labels: Vec<Option<&str>> = doc.text.split("\n\n").map(transcript_label).collect();
    assert_eq!(
        labels,
        [
            Some("MODERATOR"),
            Some("SEN. HOLLIS"),
            Some("GOV. MARSH"),
            Some("MODERATOR")
        ]
    );
    let notes = doc.notes.join("\n");
    assert!(notes.contains("Sound descriptions"), "{notes}");
    assert!(
        notes.contains("1 caption with unreadable times was left out"),
        "{notes}"
    );
    assert!(!notes.contains("Rolling"), "{notes}");
}

#[test]
fn youtube_auto_captions_keep_each_word_once_with_its_own_time() {
    let words = spoken_words(403);
    let vtt = youtube_vtt(&words, 7);
    let doc = read_vtt(&vtt).expect("the captions read");
    assert_stored_form(&doc);
    let read: Vec<&str> = doc.text.split_whitespace().collect();
    assert_eq!(read, words, "each word once, in order");
    let mut offset = 0;
    for (i, word) in doc.text.split_whitespace().enumerate() {
        offset += doc.text[offset..].find(word).unwrap();
        let chars = doc.text[..offset].chars().count();
        assert_eq!(
            time_at(&doc, chars),
            Some(5_000 + i as u64 * 400),
            "word {i} {word:?}"
        );
        offset += word.len();
    }
    assert_eq!(doc.facts.language.as_deref(), Some("en"));
    let notes = doc.notes.join("\n");
    assert!(notes.contains("Rolling captions were merged"), "{notes}");
    assert!(notes.contains("[Music]"), "{notes}");
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert!(
        paragraphs.len() >= 5,
        "unpunctuated captions still get paragraphs"
    );
    assert!(paragraphs.iter().all(|p| p.split(' ').count() <= 80 + 7));
}

const VOICES_VTT: &str = "WEBVTT - debate excerpt
Language: en-US

STYLE
::cue(v[voice=\"Moderator\"]) { color: yellow }

REGION
id:fred width:40%

NOTE This is a comment
that spans two lines

intro
00:00:01.000 --> 00:00:03.000 line:0 position:20% size:60% align:start
<v Moderator>Welcome &amp; good evening.</v>

00:00:03.000 --> 00:00:05.000
<v Moderator>Senator Hollis, the first question</v>

00:00:05.000 --> 00:00:06.500
<v Moderator>is yours.

00:00:06.500 --> 00:00:09.000
<v.loud Senator Hollis>Thank you. Unemployment is at
<b>3.9 percent</b>, the lowest since 1969.

00:00:09.000 --> 00:00:11.000
<v Moderator>Governor Marsh?</v>

00:00:11.000 --> 00:00:14.000
<v Governor Marsh><lang es>Gracias.</lang> That figure <00:00:12.500>is <u>wrong</u>.
";

#[test]
fn voices_become_speakers() {
    let doc = read_vtt(VOICES_VTT).expect("the file reads");
    assert_eq!(
        doc.text,
        "Moderator: Welcome & good evening. Senator Hollis, the first question is yours.\n\n\
         Senator Hollis: Thank you. Unemployment is at 3.9 percent, the lowest since 1969.\n\n\
         Moderator: Governor Marsh?\n\n\
         Governor Marsh: Gracias. That figure is wrong."
    );
    assert_stored_form(&doc);
    assert_eq!(doc.facts.language.as_deref(), Some("en-US"));
    assert_eq!(
        time_at(&doc, offset_of(&doc, "Senator Hollis:")),
        Some(6_500)
    );
    assert_eq!(time_at(&doc, offset_of(&doc, "That figure")), Some(11_000));
    assert_eq!(time_at(&doc, offset_of(&doc, "is wrong")), Some(12_500));
    assert!(
        doc.text
            .split("\n\n")
            .all(|p| transcript_label(p).is_some())
    );
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}

#[test]
fn read_subtitles_tells_the_formats_apart() {
    assert_eq!(
        read_subtitles(VOICES_VTT).unwrap(),
        read_vtt(VOICES_VTT).unwrap()
    );
    assert_eq!(
        read_subtitles(BROADCAST_SRT).unwrap(),
        read_srt(BROADCAST_SRT).unwrap()
    );
}

#[test]
fn a_pause_ends_a_paragraph_only_at_a_sentence_end() {
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nThe minister said that\n\n2\n00:00:06,000 --> 00:00:07,000\nthe figures were wrong.\n\n3\n00:00:10,000 --> 00:00:11,000\nShe left.\n";
    let doc = read_srt(srt).unwrap();
    assert_eq!(
        doc.text,
        "The minister said that the figures were wrong.\n\nShe left."
    );
}

#[test]
fn dialogue_dashes_title_case_labels_and_old_mac_line_ends() {
    let srt = "1\r00:00:01,000 --> 00:00:03,000\r- Where were you?\r- At the office.\r\r2\r00:00:03,000 --> 00:00:05,000\rAna Ruiz: I checked.\r\r3\r00:00:05,000 --> 00:00:07,000\rNote: this is a caption.\r\r4\r00:00:07,000 --> 00:00:09,000\rAna Ruiz: Twice.\r";
    let doc = read_srt(srt).unwrap();
    assert_eq!(
        doc.text,
        "Where were you?\n\nAt the office.\n\nAna Ruiz: I checked. Note: this is a caption. Twice.",
        "a dash is an unnamed turn; a recurring title-case name is a speaker, a lone one is not; \
         the same speaker again goes on"
    );
}

#[test]
fn files_without_cues_are_refused_plainly() {
    for text in [
        "",
        "WEBVTT\n\n",
        "Just some prose.\nNo times here.",
        "\u{FEFF}",
    ] {
        let err = read_subtitles(text).unwrap_err();
        assert!(
            matches!(err, ReadError::NotThisKind { .. }),
            "{text:?}: {err:?}"
        );
        assert!(err.to_string().contains("-->"), "{err}");
    }
    let err = read_srt("1\n00:00:xx,000 --> 00:00:02,000\nHello\n").unwrap_err();
    assert!(matches!(err, ReadError::Broken { .. }), "{err:?}");
    let err = read_vtt(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n[Music]\n\n00:02.000 --> 00:03.000\n♪ la la ♪\n",
    )
    .unwrap_err();
    assert!(matches!(err, ReadError::Empty { .. }), "{err:?}");
}

#[test]
fn oversized_text_is_refused_before_reading() {
    let huge = "a".repeat(MAX_SUBTITLE_BYTES + 1);
    let err = read_srt(&huge).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        for doc in [read_srt(&text), read_vtt(&text), read_subtitles(&text)].into_iter().flatten() {
            assert_stored_form(&doc);
        }
    }

    #[test]
    fn subtitle_shaped_text_never_panics(
        parts in prop::collection::vec(prop_oneof![
            Just("\n".to_owned()), Just("\r\n".to_owned()), Just(" --> ".to_owned()),
            Just("00:00:01.000".to_owned()), Just("00:01,5".to_owned()), Just("<00:00:02.000>".to_owned()),
            Just("<v Bob>".to_owned()), Just("</v>".to_owned()), Just("<c>".to_owned()), Just("&amp;".to_owned()),
            Just("[Music]".to_owned()), Just("NAME: ".to_owned()), Just("- ".to_owned()), Just(">>".to_owned()),
            Just("WEBVTT".to_owned()), Just("NOTE".to_owned()), Just("{\\an8}".to_owned()), Just("♪".to_owned()),
            "[a-zA-Z .?<>&;:]{0,12}",
        ], 0..80)
    ) {
        let text: String = parts.concat();
        for doc in [read_srt(&text), read_vtt(&text)].into_iter().flatten() {
            assert_stored_form(&doc);
        }
    }
}

#[test]
fn the_fuzz_corpus_replays_without_panics() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/read_subtitles");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        check_subtitles(&data);
        read += usize::from(read_subtitles(&String::from_utf8_lossy(&data)).is_ok());
    }
    assert!(read >= 3, "the seeds read: {read}");
}

#[test]
fn a_line_of_many_brackets_reads_in_linear_time() {
    let line = "[a] word ".repeat(50_000);
    let doc = read_srt(&format!("1\n00:00:01,000 --> 00:00:02,000\n{line}\n")).unwrap();
    assert_eq!(doc.text.split(' ').count(), 50_000);
    assert!(doc.text.split(' ').all(|w| w == "word"));
}
