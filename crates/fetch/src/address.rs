//! What the user typed, made into an address to request: `http` and `https` only, `https://`
//! added when no scheme is given, international names in their ASCII form, the `#fragment`
//! dropped (it never goes to the server). Everything else is refused with a plain reason,
//! before anything touches the network.

use url::{Host, Url};

use crate::error::FetchError;

/// The scheme given to an address typed without one (`example.com/story`).
pub const DEFAULT_SCHEME: &str = "https";

/// Turns what the user typed into the address to request, as text: what [`fetch`](crate::fetch)
/// will ask for, or why it will not (a window can check an address before starting a fetch).
/// The rules are those of [`parse_address`].
pub fn normalize_address(typed: &str) -> Result<String, FetchError> {
    parse_address(typed).map(String::from)
}

/// Turns what the user typed into the address to request.
///
/// - Leading and trailing whitespace is ignored.
/// - `http://…` and `https://…` (any case) are taken as they are.
/// - Without a scheme, `https://` is put in front: `example.com/story` becomes
///   `https://example.com/story`. Such an address must name a host with a dot in it
///   (`example.com`), `localhost` or an IP address, so a stray word is not taken for a site.
/// - Any other scheme (`ftp:`, `file:`, `mailto:`, `javascript:`…) is refused.
/// - Names under `.invalid` are refused as not found without being looked up: RFC 6761 reserves
///   them for names that never exist.
pub(crate) fn parse_address(typed: &str) -> Result<Url, FetchError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(bad(typed, "the address is empty"));
    }
    if typed.chars().any(char::is_whitespace) {
        return Err(bad(
            typed,
            "an address has no spaces (copy it from the browser's address bar)",
        ));
    }
    let with_scheme = match scheme_of(typed) {
        Some(scheme) if scheme == "http" || scheme == "https" => typed.to_owned(),
        Some(scheme) => {
            return Err(bad(
                typed,
                &format!("Claimdesk opens http and https addresses only, not {scheme}:"),
            ));
        }
        None => {
            let with_scheme = format!("{DEFAULT_SCHEME}://{typed}");
            let url = parse_url(typed, &with_scheme)?;
            if !looks_like_a_site(&url) {
                return Err(bad(
                    typed,
                    "this is not a web address (an address looks like https://example.com/story)",
                ));
            }
            with_scheme
        }
    };
    let mut url = parse_url(typed, &with_scheme)?;
    url.set_fragment(None);
    if let Some(host) = url.host_str()
        && is_reserved_invalid(host)
    {
        return Err(FetchError::NameNotFound {
            host: host.to_owned(),
        });
    }
    Ok(url)
}

/// The scheme the text starts with, in lower case, if it starts with one. `example.com:8080/x`
/// and `localhost:3000` start with a host and a port, not a scheme.
fn scheme_of(typed: &str) -> Option<String> {
    let (head, rest) = typed.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    let scheme_like = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_like {
        return None;
    }
    if !rest.starts_with("//") {
        let port_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let port = &rest[..port_end];
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    Some(head.to_ascii_lowercase())
}

fn parse_url(typed: &str, text: &str) -> Result<Url, FetchError> {
    let url = Url::parse(text).map_err(|e| bad(typed, &e.to_string()))?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad(typed, "the address names no site"));
    }
    Ok(url)
}

/// A host that can only be a site: a name with a dot, `localhost`, or an IP address.
fn looks_like_a_site(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.');
            name.eq_ignore_ascii_case("localhost") || (name.contains('.') && !name.starts_with('.'))
        }
        Some(Host::Ipv4(_) | Host::Ipv6(_)) => true,
        None => false,
    }
}

/// `invalid` and names under it (RFC 6761 §6.4: never resolved).
fn is_reserved_invalid(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "invalid" || host.ends_with(".invalid")
}

fn bad(typed: &str, reason: &str) -> FetchError {
    FetchError::BadAddress {
        address: typed.to_owned(),
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(typed: &str) -> String {
        normalize_address(typed).unwrap_or_else(|e| panic!("{typed}: {e}"))
    }

    fn refused(typed: &str) -> String {
        match parse_address(typed) {
            Err(FetchError::BadAddress { reason, .. }) => reason,
            other => panic!("{typed}: expected a bad address, got {other:?}"),
        }
    }

    #[test]
    fn http_and_https_are_kept_as_typed() {
        assert_eq!(ok("http://example.com/a?b=1"), "http://example.com/a?b=1");
        assert_eq!(
            ok("  HTTPS://Example.com/Story "),
            "https://example.com/Story"
        );
        assert_eq!(ok("https://intranet/page"), "https://intranet/page");
    }

    #[test]
    fn an_address_without_scheme_gets_https() {
        assert_eq!(ok("example.com/story"), "https://example.com/story");
        assert_eq!(ok("example.com"), "https://example.com/");
        assert_eq!(ok("example.com:8080/x"), "https://example.com:8080/x");
        assert_eq!(ok("localhost:3000"), "https://localhost:3000/");
        assert_eq!(ok("127.0.0.1:8000/a"), "https://127.0.0.1:8000/a");
        assert_eq!(ok("[::1]:8000/a"), "https://[::1]:8000/a");
    }

    #[test]
    fn the_fragment_is_dropped_and_international_names_become_ascii() {
        assert_eq!(
            ok("https://example.com/a#section-2"),
            "https://example.com/a"
        );
        assert_eq!(
            ok("bücher.example/straße"),
            "https://xn--bcher-kva.example/stra%C3%9Fe"
        );
    }

    #[test]
    fn other_schemes_are_refused_by_name() {
        for (typed, scheme) in [
            ("ftp://example.com/file", "ftp:"),
            ("file:///etc/passwd", "file:"),
            ("mailto:editor@example.com", "mailto:"),
            ("javascript:alert(1)", "javascript:"),
            ("data:text/html,hi", "data:"),
        ] {
            let reason = refused(typed);
            assert!(reason.contains(scheme), "{typed}: {reason}");
            assert!(reason.contains("http and https"), "{typed}: {reason}");
        }
    }

    #[test]
    fn bare_words_and_broken_addresses_are_refused() {
        assert!(refused("hello").contains("not a web address"));
        assert!(refused("").contains("empty"));
        assert!(refused("   ").contains("empty"));
        assert!(refused("example.com/a story").contains("no spaces"));
        refused("https://");
        refused("http://exa mple.com");
        refused("https://example.com:99999/");
    }

    #[test]
    fn reserved_invalid_names_are_not_found_without_a_lookup() {
        for typed in [
            "nonexistent.invalid",
            "http://a.b.INVALID./x",
            "https://invalid/",
        ] {
            match parse_address(typed) {
                Err(FetchError::NameNotFound { host }) => {
                    assert!(host.to_ascii_lowercase().contains("invalid"))
                }
                other => panic!("{typed}: {other:?}"),
            }
        }
        assert_eq!(ok("invalid.example.com"), "https://invalid.example.com/");
    }
}
