//! Tweet-aware query cleaning: what a pasted tweet or post carries besides its claim (links,
//! `pic.twitter.com` images, the "— Name (@handle) January 6, 2020" signature of an embedded
//! tweet, "RT", HTML entities) is removed; hashtags and handles are split into words
//! (`#GunControlNow` → "Gun Control Now").

/// The words of `text` worth searching for.
pub fn clean_query(text: &str) -> String {
    let text = text.replace("&amp;", "&").replace("&quot;", "\"");
    let text = strip_signature(&text);
    let mut words = Vec::new();
    for raw in text.split_whitespace() {
        let token = strip_links(raw);
        if token.is_empty() || token == "RT" || token == "via" {
            continue;
        }
        for part in token.split_inclusive(['#', '@']) {
            let part = part.trim_end_matches(['#', '@']);
            let split = split_camel_case(part);
            // Both: "5G" is one word in the index, "GunControl" is two.
            if split != part {
                words.push(part.to_owned());
            }
            words.push(split);
        }
    }
    words.retain(|w| !w.is_empty());
    words.join(" ")
}

/// English function words left out of searches: they match nearly every claim. Compared with
/// the word as written, lower-cased (before stemming).
const STOP_WORDS: &[&str] = &[
    "a", "about", "all", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could",
    "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "is", "it", "its", "just", "me", "my", "no", "not", "of", "on", "or", "our", "she", "should",
    "so", "than", "that", "the", "their", "then", "there", "they", "this", "to", "was", "we",
    "were", "what", "which", "who", "will", "with", "would", "you", "your",
];

/// True if `word` is an English stop word (any case).
pub(crate) fn is_stop_word(word: &str) -> bool {
    word.len() <= 6 && STOP_WORDS.contains(&word.to_lowercase().as_str())
}

/// Removes an embedded tweet's trailing signature: from the last dash before "(@handle)" to the
/// end, keeping the author's name (claims often name who said them).
fn strip_signature(text: &str) -> String {
    let Some(handle) = text.rfind("(@") else {
        return text.to_owned();
    };
    let Some(dash) = text[..handle].rfind(['—', '–']) else {
        return text.to_owned();
    };
    let name = text[dash..handle].trim_start_matches(['—', '–']).trim();
    // A name is a few words; a long stretch means the dash was part of the text.
    if name.split_whitespace().count() > 6 {
        return text.to_owned();
    }
    format!("{} {name}", &text[..dash])
}

/// A word without the links glued to it (`text.https://t.co/x`, `#tagpic.twitter.com/x`).
fn strip_links(word: &str) -> &str {
    let lower = word.to_ascii_lowercase();
    let starts = ["http://", "https://", "www.", "pic.twitter.com/"]
        .iter()
        .filter_map(|p| lower.find(p))
        .min();
    match starts {
        Some(at) => &word[..at],
        None => word,
    }
}

/// "GunControlNow" → "Gun Control Now"; "COVID19" → "COVID 19"; other words unchanged.
fn split_camel_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_uppercase() && c.is_uppercase() && next_lower)
                || (prev.is_alphabetic() && c.is_ascii_digit())
                || (prev.is_ascii_digit() && c.is_alphabetic());
            if boundary {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean_query;

    #[test]
    fn removes_links_images_and_the_signature_but_keeps_the_author() {
        let tweet = "Fact check: the Army is NOT contacting anyone pic.twitter.com/3S32De8ekP \
                     — U.S. Army CGSC (@USACGSC) January 8, 2020";
        assert_eq!(
            clean_query(tweet),
            "Fact check: the Army is NOT contacting anyone U.S. Army CGSC"
        );
        assert_eq!(
            clean_query("Read this https://t.co/abc and www.example.com/x now"),
            "Read this and now"
        );
    }

    #[test]
    fn splits_hashtags_and_handles_glued_to_images() {
        assert_eq!(
            clean_query("The drone attack.#IranUsapic.twitter.com/Tvx"),
            "The drone attack. IranUsa Iran Usa"
        );
        assert_eq!(
            clean_query("RT @JoeBiden: #GunControlNow"),
            "JoeBiden: Joe Biden: GunControlNow Gun Control Now"
        );
        assert_eq!(
            clean_query("#COVID19 &amp; masks"),
            "COVID19 COVID 19 & masks"
        );
    }

    #[test]
    fn a_dash_inside_the_text_is_not_a_signature() {
        let text = "Prices rose — said the minister in a long speech to parliament about \
                    the budget and more (@minister)";
        assert!(
            clean_query(text).starts_with("Prices rose — said the minister in a long speech"),
            "{}",
            clean_query(text)
        );
    }
}
