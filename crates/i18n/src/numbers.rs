//! Numbers in each language's form, from CLDR data (ICU4X): its digits, its grouping sign and where it groups (Spanish leaves four-digit numbers alone),
//! its decimal sign. Fluent's own number formatting knows none of this, so every number a
//! message shows goes through [`format_value`].

use std::str::FromStr;

use fixed_decimal::Decimal;
use fluent_bundle::FluentValue;
use fluent_bundle::types::FluentNumberOptions;
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::Locale;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::language::Language;

/// A language's number formatters (with and without grouping), built once per bundle.
pub struct LocalNumbers {
    grouped: DecimalFormatter,
    plain: DecimalFormatter,
}

impl LocalNumbers {
    fn for_tag(tag: &str) -> Self {
        let locale = Locale::try_from_str(tag).unwrap_or(Locale::UNKNOWN);
        let make = |grouping| {
            let mut options = DecimalFormatterOptions::default();
            options.grouping_strategy = Some(grouping);
            DecimalFormatter::try_new((&locale).into(), options)
                .or_else(|_| DecimalFormatter::try_new(Default::default(), options))
                .expect("ICU4X's compiled data has the root locale")
        };
        Self {
            grouped: make(GroupingStrategy::Auto),
            plain: make(GroupingStrategy::Never),
        }
    }

    fn format(&self, value: &Decimal, grouping: bool) -> String {
        let formatter = if grouping { &self.grouped } else { &self.plain };
        formatter.format_to_string(value)
    }
}

impl Memoizable for LocalNumbers {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(Self::for_tag(&lang.to_string()))
    }
}

/// Fluent's hook: a number in the bundle's language. Other values are left to Fluent.
pub fn format_value<M: fluent_bundle::memoizer::MemoizerKind>(
    value: &FluentValue,
    memoizer: &M,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let decimal = to_decimal(number.value, &number.options)?;
    let grouping = number.options.use_grouping;
    memoizer
        .with_try_get_threadsafe::<LocalNumbers, _, _>((), |n| n.format(&decimal, grouping))
        .ok()
}

/// A whole number in `language`'s form.
pub fn format_integer(language: Language, n: i64, grouping: bool) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<&'static str, &'static LocalNumbers>>> = OnceLock::new();
    let tag = language.tag();
    let numbers = {
        let mut cache = CACHE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *cache
            .entry(tag)
            .or_insert_with(|| Box::leak(Box::new(LocalNumbers::for_tag(tag))))
    };
    numbers.format(&Decimal::from(n), grouping)
}

/// The number as a decimal with the fraction digits the message asks for (none by default
/// for whole numbers).
fn to_decimal(value: f64, options: &FluentNumberOptions) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    let min = options.minimum_fraction_digits.unwrap_or(0);
    let max = options.maximum_fraction_digits.unwrap_or(3).max(min);
    let mut text = format!("{value:.max$}");
    if text.contains('.') {
        while text.ends_with('0') && text.split('.').nth(1).is_some_and(|f| f.len() > min) {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    Decimal::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(tag: &str, v: i64) -> String {
        format_integer(Language::from_tag(tag).unwrap(), v, true)
    }

    #[test]
    fn numbers_take_each_languages_form() {
        assert_eq!(n("en", 1234567), "1,234,567");
        assert_eq!(n("de", 1234567), "1.234.567");
        assert_eq!(n("pt-BR", 1234567), "1.234.567");
        assert_eq!(n("fr", 1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(n("es", 1234), "1234");
        assert_eq!(n("es", 12345), "12.345");
        // CLDR (since v42) writes Arabic with Western digits by default.
        assert_eq!(n("ar", 1234), "1,234");
        assert_eq!(format_integer(Language::ENGLISH, 2026, false), "2026");
    }
}
