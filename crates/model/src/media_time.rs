//! Media times for reports: a time written as `HH:MM:SS`, and a link to that moment of the
//! video (YouTube's `t=` parameter, a W3C media fragment `#t=` for any other address).

/// `millis` from the start of the media as `HH:MM:SS` (always with hours; hours grow past two
/// digits for very long media). Milliseconds are cut, not rounded: a sentence that starts at
/// 89.9 s is shown at `00:01:29`, the second the viewer must seek to.
pub fn format_media_time(millis: u64) -> String {
    let seconds = millis / 1000;
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// A link to the moment `millis` of the video at `video_url`, or `None` when the address is
/// not a URL (no `scheme:`, spaces in it).
///
/// - `youtube.com/watch?v=ID` (and other `youtube.com` pages): the `t` parameter is added or
///   replaced, `t=90s`; an embed address (`/embed/ID`) gets `start=90` instead.
/// - `youtu.be/ID`: `?t=90` is added or replaced.
/// - Anything else: the W3C media fragment `#t=90` replaces any fragment.
///
/// Times are whole seconds (cut, as [`format_media_time`] shows them).
pub fn media_link(video_url: &str, millis: u64) -> Option<String> {
    let url = video_url.trim();
    if url.is_empty() || url.chars().any(char::is_whitespace) || !has_scheme(url) {
        return None;
    }
    let seconds = millis / 1000;
    let (base, _fragment) = url.split_once('#').unwrap_or((url, ""));
    let link = match youtube_kind(base) {
        Some(YouTube::Short) => with_parameter(base, "t", &seconds.to_string(), &["t"]),
        Some(YouTube::Embed) => {
            with_parameter(base, "start", &seconds.to_string(), &["start", "t"])
        }
        Some(YouTube::Site) => with_parameter(base, "t", &format!("{seconds}s"), &["t", "start"]),
        None => format!("{base}#t={seconds}"),
    };
    Some(link)
}

/// Which YouTube address form a URL has.
enum YouTube {
    /// `youtu.be/ID`
    Short,
    /// `youtube.com/embed/ID` (and `youtube-nocookie.com`)
    Embed,
    /// Any other `youtube.com` page (`/watch?v=`, `/live/`, `/shorts/`)
    Site,
}

/// True when `url` starts with a URI scheme (`https:`, `file:`): a letter, then letters,
/// digits, `+`, `-` or `.`, then a colon.
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The YouTube form of `url` (without its fragment), if it is a YouTube address.
fn youtube_kind(url: &str) -> Option<YouTube> {
    let (_, rest) = url.split_once("://")?;
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = host_port
        .split(':')
        .next()
        .unwrap_or(host_port)
        .to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    let path = &rest[authority_end..];
    let site = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if host == "youtu.be" || host == "www.youtu.be" {
        Some(YouTube::Short)
    } else if site("youtube.com") || site("youtube-nocookie.com") {
        if path.starts_with("/embed/") {
            Some(YouTube::Embed)
        } else {
            Some(YouTube::Site)
        }
    } else {
        None
    }
}

/// `url` with the query parameter `name=value` set: parameters named in `replace` are removed
/// and `name=value` appended, the other parameters kept in order.
fn with_parameter(url: &str, name: &str, value: &str, replace: &[&str]) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or(p);
            !replace.contains(&key)
        })
        .collect();
    let parameter = format!("{name}={value}");
    kept.push(&parameter);
    format!("{path}?{}", kept.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_always_have_hours_and_cut_milliseconds() {
        assert_eq!(format_media_time(0), "00:00:00");
        assert_eq!(format_media_time(999), "00:00:00");
        assert_eq!(format_media_time(89_900), "00:01:29");
        assert_eq!(format_media_time(3_599_999), "00:59:59");
        assert_eq!(format_media_time(3_600_000), "01:00:00");
        assert_eq!(format_media_time(7_384_000), "02:03:04");
        assert_eq!(format_media_time(360_000_000), "100:00:00");
        assert_eq!(format_media_time(u64::MAX).len(), 19);
    }

    #[test]
    fn youtube_watch_links_get_or_replace_t() {
        assert_eq!(
            media_link("https://www.youtube.com/watch?v=abc123", 90_500).as_deref(),
            Some("https://www.youtube.com/watch?v=abc123&t=90s")
        );
        assert_eq!(
            media_link("https://youtube.com/watch?v=abc&t=12s&list=PL1", 90_000).as_deref(),
            Some("https://youtube.com/watch?v=abc&list=PL1&t=90s")
        );
        assert_eq!(
            media_link("https://m.youtube.com/watch?t=5&v=abc#comments", 61_000).as_deref(),
            Some("https://m.youtube.com/watch?v=abc&t=61s")
        );
        assert_eq!(
            media_link("HTTPS://WWW.YOUTUBE.COM/watch?v=abc", 0).as_deref(),
            Some("HTTPS://WWW.YOUTUBE.COM/watch?v=abc&t=0s")
        );
    }

    #[test]
    fn short_and_embed_youtube_links() {
        assert_eq!(
            media_link("https://youtu.be/abc123", 90_000).as_deref(),
            Some("https://youtu.be/abc123?t=90")
        );
        assert_eq!(
            media_link("https://youtu.be/abc123?si=xyz&t=3", 90_000).as_deref(),
            Some("https://youtu.be/abc123?si=xyz&t=90")
        );
        assert_eq!(
            media_link("https://www.youtube-nocookie.com/embed/abc?start=4", 7_000).as_deref(),
            Some("https://www.youtube-nocookie.com/embed/abc?start=7")
        );
    }

    #[test]
    fn other_addresses_get_a_media_fragment() {
        assert_eq!(
            media_link("https://example.org/debate.mp4", 90_000).as_deref(),
            Some("https://example.org/debate.mp4#t=90")
        );
        assert_eq!(
            media_link("https://example.org/debate.mp4#t=10,20", 5_000).as_deref(),
            Some("https://example.org/debate.mp4#t=5")
        );
        assert_eq!(
            media_link("file:///home/me/clip.webm", 1_000).as_deref(),
            Some("file:///home/me/clip.webm#t=1")
        );
        // A look-alike host is not YouTube.
        assert_eq!(
            media_link("https://notyoutube.com/watch?v=a", 2_000).as_deref(),
            Some("https://notyoutube.com/watch?v=a#t=2")
        );
        assert_eq!(
            media_link("https://user@youtube.com:443/watch?v=a", 2_000).as_deref(),
            Some("https://user@youtube.com:443/watch?v=a&t=2s")
        );
    }

    #[test]
    fn non_urls_have_no_link() {
        assert_eq!(media_link("", 1_000), None);
        assert_eq!(media_link("   ", 1_000), None);
        assert_eq!(media_link("debate.mp4", 1_000), None);
        assert_eq!(media_link("not a url: at all", 1_000), None);
        assert_eq!(media_link("1http://x", 1_000), None);
    }
}
