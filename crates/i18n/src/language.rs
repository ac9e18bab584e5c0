//! The languages Claimdesk speaks: one line each in [`LANGUAGES`], and choosing one from a
//! BCP 47 tag or the desktop's locale.

/// Which way a language is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (the window is mirrored, reports are `dir="rtl"`).
    Rtl,
}

impl Direction {
    /// `ltr` or `rtl`, as HTML's `dir` and typst's `dir` want it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language: its tag, its own name, its direction and its catalogue.
#[derive(Debug)]
pub struct LanguageInfo {
    /// The BCP 47 tag (`en`, `pt-BR`), as files, `--lang` and `lang` attributes write it.
    pub tag: &'static str,
    /// The language's name in itself, as View → Language lists it.
    pub name: &'static str,
    /// Which way it is written.
    pub direction: Direction,
    /// The Fluent catalogue (`locales/<tag>.ftl`).
    pub catalogue: &'static str,
}

/// Every language, English first (the fallback). Adding a language is one line here, its
/// catalogue and its glossary.
pub const LANGUAGES: &[LanguageInfo] = &[
    LanguageInfo {
        tag: "en",
        name: "English",
        direction: Direction::Ltr,
        catalogue: include_str!("../locales/en.ftl"),
    },
    LanguageInfo {
        tag: "es",
        name: "Español",
        direction: Direction::Ltr,
        catalogue: include_str!("../locales/es.ftl"),
    },
    LanguageInfo {
        tag: "fr",
        name: "Français",
        direction: Direction::Ltr,
        catalogue: include_str!("../locales/fr.ftl"),
    },
    LanguageInfo {
        tag: "pt-BR",
        name: "Português (Brasil)",
        direction: Direction::Ltr,
        catalogue: include_str!("../locales/pt-BR.ftl"),
    },
    LanguageInfo {
        tag: "de",
        name: "Deutsch",
        direction: Direction::Ltr,
        catalogue: include_str!("../locales/de.ftl"),
    },
    LanguageInfo {
        tag: "ar",
        name: "العربية",
        direction: Direction::Rtl,
        catalogue: include_str!("../locales/ar.ftl"),
    },
];

/// A language Claimdesk speaks (an entry of [`LANGUAGES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Language(u8);

impl Default for Language {
    fn default() -> Self {
        Language::ENGLISH
    }
}

impl Language {
    /// English, the fallback.
    pub const ENGLISH: Language = Language(0);

    /// Every language, in [`LANGUAGES`] order.
    pub fn all() -> impl Iterator<Item = Language> {
        (0..LANGUAGES.len()).map(|i| Language(i as u8))
    }

    /// Its line in [`LANGUAGES`].
    pub fn info(self) -> &'static LanguageInfo {
        &LANGUAGES[usize::from(self.0)]
    }

    /// Its BCP 47 tag (`pt-BR`).
    pub fn tag(self) -> &'static str {
        self.info().tag
    }

    /// Its name in itself (`Deutsch`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Which way it is written.
    pub fn direction(self) -> Direction {
        self.info().direction
    }

    /// True for a language written right to left.
    pub fn is_rtl(self) -> bool {
        self.direction() == Direction::Rtl
    }

    /// The language a tag or locale name asks for: `es`, `es-MX`, `es_MX.UTF-8`, `pt_BR`,
    /// `PT-br`, `de_DE@euro`. A region picks the exact entry when there is one (`pt-BR`), else
    /// the language alone (`es-AR` → Spanish); `pt` alone is Brazilian Portuguese, the only
    /// Portuguese here. `None` for a language Claimdesk does not speak, `C` and `POSIX`.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
        let mut parts = tag.split('-');
        let lang = parts.next()?.to_ascii_lowercase();
        if lang.is_empty() || lang == "c" || lang == "posix" {
            return None;
        }
        let region = parts.find(|p| p.len() == 2).map(str::to_ascii_uppercase);
        let exact = region.map(|r| format!("{lang}-{r}"));
        let found = Language::all().find(|l| Some(l.tag()) == exact.as_deref());
        found.or_else(|| Language::all().find(|l| l.tag().split('-').next() == Some(lang.as_str())))
    }

    /// The first of `requested` (most wanted first) that Claimdesk speaks, else English.
    pub fn negotiate<'a>(requested: impl IntoIterator<Item = &'a str>) -> Language {
        requested
            .into_iter()
            .find_map(Language::from_tag)
            .unwrap_or(Language::ENGLISH)
    }

    /// The language the desktop asks for. On Linux and other Unix systems: the first set of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG`, as POSIX orders them (`env` reads a variable; tests
    /// pass their own). English when none is set or Claimdesk does not speak it.
    pub fn from_environment(env: impl Fn(&str) -> Option<String>) -> Language {
        let first_set = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| env(name).filter(|v| !v.trim().is_empty()));
        first_set
            .as_deref()
            .and_then(Language::from_tag)
            .unwrap_or(Language::ENGLISH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(t: &str) -> Option<&'static str> {
        Language::from_tag(t).map(Language::tag)
    }

    #[test]
    fn tags_and_locale_names_find_their_language() {
        assert_eq!(tag("es"), Some("es"));
        assert_eq!(tag("es-MX"), Some("es"));
        assert_eq!(tag("es_AR.UTF-8"), Some("es"));
        assert_eq!(tag("pt_BR.UTF-8"), Some("pt-BR"));
        assert_eq!(tag("pt-br"), Some("pt-BR"));
        assert_eq!(tag("pt"), Some("pt-BR"));
        assert_eq!(tag("de_DE@euro"), Some("de"));
        assert_eq!(tag("ar_EG.UTF-8"), Some("ar"));
        assert_eq!(tag("fr-CA"), Some("fr"));
        assert_eq!(tag("en_GB"), Some("en"));
        assert_eq!(tag("C"), None);
        assert_eq!(tag("POSIX"), None);
        assert_eq!(tag("C.UTF-8"), None);
        assert_eq!(tag("ja_JP"), None);
        assert_eq!(tag(""), None);
    }

    #[test]
    fn the_environment_is_read_in_posix_order() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let lang = |vars| Language::from_environment(env(vars)).tag();
        assert_eq!(lang(&[("LANG", "de_DE.UTF-8")]), "de");
        assert_eq!(
            lang(&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "fr_FR")]),
            "fr"
        );
        assert_eq!(
            lang(&[
                ("LANG", "de_DE"),
                ("LC_MESSAGES", "fr_FR"),
                ("LC_ALL", "ar_EG")
            ]),
            "ar"
        );
        assert_eq!(lang(&[("LC_ALL", ""), ("LANG", "es_ES")]), "es");
        assert_eq!(lang(&[("LANG", "C.UTF-8")]), "en");
        assert_eq!(lang(&[]), "en");
    }

    #[test]
    fn negotiation_takes_the_first_spoken_language() {
        assert_eq!(Language::negotiate(["ja", "fr-FR", "de"]).tag(), "fr");
        assert_eq!(Language::negotiate(["ja"]).tag(), "en");
    }

    #[test]
    fn arabic_is_written_right_to_left() {
        assert!(Language::from_tag("ar").unwrap().is_rtl());
        assert!(!Language::ENGLISH.is_rtl());
        assert_eq!(
            Language::from_tag("ar").unwrap().direction().as_str(),
            "rtl"
        );
    }
}

/// A tag Claimdesk does not speak (from [`Language::from_str`](std::str::FromStr)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl std::fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known: Vec<&str> = Language::all().map(Language::tag).collect();
        write!(
            f,
            "Claimdesk does not speak '{}'; it speaks {}",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownLanguage {}

impl std::str::FromStr for Language {
    type Err = UnknownLanguage;

    /// [`Language::from_tag`], with an error that lists the languages there are.
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        Language::from_tag(tag).ok_or_else(|| UnknownLanguage(tag.to_owned()))
    }
}
