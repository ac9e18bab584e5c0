//! The catalogues: one Fluent bundle per language, built on first use and shared by every
//! thread, and [`Tr`], the handle code asks for words.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::language::{LANGUAGES, Language};
use crate::numbers;

type Bundle = FluentBundle<FluentResource>;

/// Every language's bundle, in [`LANGUAGES`] order.
fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|l| bundle(l.tag, l.catalogue))
            .collect()
    })
}

/// A bundle of one catalogue. The catalogues are built into the binary and checked by tests,
/// so a syntax error is a bug in Claimdesk: the messages that did parse are kept.
fn bundle(tag: &str, source: &str) -> Bundle {
    let id: LanguageIdentifier = tag.parse().expect("language tags in LANGUAGES are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No FSI/PDI marks around placeables: egui draws them as nothing but they would count as
    // characters in copied text; reports set their direction by `dir`.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(numbers::format_value));
    // NUMBER(), so a message can ask for a number without grouping (a year).
    let _ = bundle.add_builtins();
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The syntax errors of a catalogue, in words (empty when it parses cleanly).
#[cfg(test)]
fn catalogue_errors(source: &str) -> Vec<String> {
    match FluentResource::try_new(source.to_owned()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

/// The ids of the messages in `language`'s catalogue, in file order.
pub fn message_ids(language: Language) -> Vec<String> {
    let source = language.info().catalogue;
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// A value for a message's variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text, shown as it is (names, titles, verdicts).
    Text(Cow<'a, str>),
    /// A number: shown in the language's digits and grouping, and chooses plural forms.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

/// Words in one language: `Tr::new(language).text("report-summary")`. Cheap to copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tr {
    language: Language,
}

impl Tr {
    /// Words in `language`.
    pub fn new(language: Language) -> Self {
        Self { language }
    }

    /// The language.
    pub fn language(self) -> Language {
        self.language
    }

    /// Message `id` (no variables).
    pub fn text(self, id: &str) -> String {
        self.with(id, &[])
    }

    /// Message `id` with its variables. A message this language's catalogue lacks is taken
    /// from English; one English lacks too comes back as its id (a test checks none does).
    pub fn with(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let all = bundles();
        let fluent_args = to_fluent(args);
        for bundle in [&all[usize::from(self.index())], &all[0]] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }

    /// Whether this language's own catalogue has message `id`.
    pub fn has(self, id: &str) -> bool {
        bundles()[usize::from(self.index())].has_message(id)
    }

    /// A whole number in the language's digits and grouping (`1,234`, `1234`, `1 234`).
    pub fn number(self, n: i64) -> String {
        numbers::format_integer(self.language, n, true)
    }

    /// A whole number in the language's digits, without grouping (years, claim numbers).
    pub fn digits(self, n: i64) -> String {
        numbers::format_integer(self.language, n, false)
    }

    fn index(self) -> u8 {
        Language::all()
            .position(|l| l == self.language)
            .map_or(0, |i| i as u8)
    }
}

fn to_fluent<'a>(args: &'a [(&'a str, Arg<'a>)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => FluentValue::String(Cow::Borrowed(s.as_ref())),
            Arg::Number(n) => FluentValue::from(*n),
        };
        out.set(*name, value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses() {
        for l in LANGUAGES {
            assert_eq!(
                catalogue_errors(l.catalogue),
                Vec::<String>::new(),
                "{}",
                l.tag
            );
        }
    }

    #[test]
    fn every_catalogue_has_exactly_the_english_messages() {
        let english = message_ids(Language::ENGLISH);
        assert!(english.len() > 50, "{}", english.len());
        for language in Language::all().skip(1) {
            let ids = message_ids(language);
            let missing: Vec<_> = english.iter().filter(|id| !ids.contains(id)).collect();
            let stale: Vec<_> = ids.iter().filter(|id| !english.contains(id)).collect();
            assert!(
                missing.is_empty() && stale.is_empty(),
                "{}: missing {missing:?}, not in English {stale:?}",
                language.tag()
            );
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let count = |tag, n: usize| {
            Tr::new(Language::from_tag(tag).unwrap())
                .with("report-claim-count", &[("count", n.into())])
        };
        assert_eq!(count("en", 1), "1 claim");
        assert_eq!(count("en", 2), "2 claims");
        assert_eq!(count("fr", 0), "0 affirmation");
        assert_eq!(count("fr", 1), "1 affirmation");
        assert_eq!(count("fr", 2), "2 affirmations");
        assert_eq!(count("pt-BR", 0), "0 afirmação");
        assert_eq!(count("de", 1), "1 Behauptung");
        assert_eq!(count("de", 1234), "1.234 Behauptungen");
        assert_eq!(count("ar", 0), "لا ادعاءات");
        assert_eq!(count("ar", 1), "ادعاء واحد");
        assert_eq!(count("ar", 2), "ادعاءان");
        assert_eq!(count("ar", 3), "3 ادعاءات");
        assert_eq!(count("ar", 11), "11 ادعاءً");
        assert_eq!(count("ar", 100), "100 ادعاء");
    }

    #[test]
    fn a_missing_message_falls_back_to_english_then_to_its_id() {
        let es = Tr::new(Language::from_tag("es").unwrap());
        assert_eq!(es.text("no-such-message"), "no-such-message");
        assert!(es.has("report-summary"));
    }
}
