//! Why opening an address failed: one variant per thing the user can tell apart and act on,
//! each with a message in plain words that says what to do next.

use std::time::Duration;

/// Which time limit ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutStage {
    /// Looking up the name and connecting (TLS included) took longer than
    /// [`Limits::connect`](crate::Limits::connect).
    Connect,
    /// The whole fetch, redirects and the page itself included, took longer than
    /// [`Limits::total`](crate::Limits::total).
    Total,
}

/// Why a page could not be fetched.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// What was typed is not an address Claimdesk opens.
    #[error("\"{address}\" cannot be opened: {reason}.")]
    BadAddress {
        /// What the user typed.
        address: String,
        /// Why not, in plain words.
        reason: String,
    },
    /// The site's name does not exist (DNS found nothing).
    #[error(
        "No site is called \"{host}\": the name could not be found. Check the address for \
         typing errors, and check that this computer is online."
    )]
    NameNotFound {
        /// The name that was looked up.
        host: String,
    },
    /// The computer at that address answered that nothing listens there.
    #[error(
        "{host} refused the connection: no web server answers there. Check the address \
         (and its port, if it has one)."
    )]
    Refused {
        /// `host:port`.
        host: String,
    },
    /// The connection failed or broke for another reason (no route, reset, closed early).
    #[error(
        "The connection to {host} failed ({detail}). Check that this computer is online and \
         try again."
    )]
    Connection {
        /// `host:port`, or the address.
        host: String,
        /// What the system said.
        detail: String,
    },
    /// The secure connection could not be made (usually the site's certificate).
    #[error(
        "The secure connection to {host} could not be made: {reason}. Claimdesk does not open \
         pages whose identity cannot be checked; open it in a browser to see why, and save it \
         as a file if you trust it."
    )]
    Tls {
        /// The site.
        host: String,
        /// Why, in plain words (for example "its certificate has expired").
        reason: String,
    },
    /// A time limit ran out.
    #[error("{}", timed_out_message(*.stage, *.limit))]
    TimedOut {
        /// Which limit.
        stage: TimeoutStage,
        /// Its value.
        limit: Duration,
    },
    /// The server answered with an error status (404 and the other 4xx and 5xx codes).
    #[error("{}", status_message(*.status, .reason, .address))]
    Status {
        /// The HTTP status code.
        status: u16,
        /// Its standard name ("Not Found"), or empty.
        reason: String,
        /// The address that answered so (after redirects).
        address: String,
    },
    /// The page is larger than [`Limits::max_bytes`](crate::Limits::max_bytes) (counted after
    /// decompression).
    #[error(
        "The page is larger than {} (the limit for an article); nothing was imported. Save \
         the article from a browser and open the file instead.",
        megabytes(*.limit)
    )]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// More redirects than [`Limits::max_redirects`](crate::Limits::max_redirects) (or a loop).
    #[error(
        "The address sent Claimdesk on to another address more than {limit} times (a redirect \
         loop?). Open it in a browser and copy the address where the article is."
    )]
    TooManyRedirects {
        /// The limit.
        limit: u32,
    },
    /// The address holds something other than a web page (a PDF, an image, a download).
    #[error(
        "{address} is not a web page: the server says it is \"{media_type}\". Claimdesk opens \
         web pages (HTML) and plain text from an address; download the file and open it \
         instead."
    )]
    NotWebPage {
        /// The media type the server gave (`application/pdf`).
        media_type: String,
        /// The address (after redirects).
        address: String,
    },
    /// The server's answer could not be understood (broken HTTP, broken compression).
    #[error(
        "The server at {host} sent an answer Claimdesk cannot read ({detail}). Try again later."
    )]
    Protocol {
        /// The site.
        host: String,
        /// What was wrong.
        detail: String,
    },
    /// The proxy set in the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`) failed.
    #[error(
        "The proxy failed ({detail}). Check the proxy settings (HTTPS_PROXY, HTTP_PROXY, \
         ALL_PROXY, NO_PROXY)."
    )]
    Proxy {
        /// What went wrong.
        detail: String,
    },
    /// The user cancelled.
    #[error("Cancelled: nothing was imported.")]
    Cancelled,
}

fn timed_out_message(stage: TimeoutStage, limit: Duration) -> String {
    let secs = seconds(limit);
    match stage {
        TimeoutStage::Connect => format!(
            "The site did not answer within {secs}: the connection could not be made. Check \
             that this computer is online, or try again later."
        ),
        TimeoutStage::Total => format!(
            "The page did not arrive within {secs} (the time limit for a page). The site may \
             be slow or busy; try again later."
        ),
    }
}

fn status_message(status: u16, reason: &str, address: &str) -> String {
    let code = if reason.is_empty() {
        status.to_string()
    } else {
        format!("{status} {reason}")
    };
    match status {
        404 | 410 => {
            format!("There is no page at {address} (the server says {code}). Check the address.")
        }
        401 | 403 => format!(
            "The server refuses to show {address} ({code}): it may need a login, or it turns \
             away programs. Open it in a browser and save the page as a file instead."
        ),
        429 => format!(
            "The server at {address} is turning away requests for now ({code}). Try again later."
        ),
        500..=599 => {
            format!("The server had a problem answering for {address} ({code}). Try again later.")
        }
        _ => format!("The server did not give the page at {address}: it answered {code}."),
    }
}

/// `1.5 s`, `60 s`, `250 ms`.
fn seconds(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// `20 MB`, `1.5 MB`, `100 kB`, `800 bytes`.
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1_000_000;
    if bytes < 10_000 {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} kB", bytes / 1000)
    } else if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_status_the_limit_and_the_type() {
        let e = FetchError::Status {
            status: 404,
            reason: "Not Found".into(),
            address: "https://example.com/x".into(),
        };
        assert_eq!(
            e.to_string(),
            "There is no page at https://example.com/x (the server says 404 Not Found). \
             Check the address."
        );
        let e = FetchError::Status {
            status: 503,
            reason: String::new(),
            address: "https://example.com/".into(),
        };
        assert!(e.to_string().contains("(503)"), "{e}");
        let e = FetchError::TooLarge { limit: 20_000_000 };
        assert!(e.to_string().contains("larger than 20 MB"), "{e}");
        let e = FetchError::TooLarge { limit: 100_000 };
        assert!(e.to_string().contains("larger than 100 kB"), "{e}");
        let e = FetchError::TooLarge { limit: 300 };
        assert!(e.to_string().contains("larger than 300 bytes"), "{e}");
        let e = FetchError::TimedOut {
            stage: TimeoutStage::Connect,
            limit: Duration::from_secs(10),
        };
        assert!(e.to_string().contains("within 10 s"), "{e}");
        let e = FetchError::TimedOut {
            stage: TimeoutStage::Total,
            limit: Duration::from_millis(1500),
        };
        assert!(e.to_string().contains("within 1.5 s"), "{e}");
        let e = FetchError::NotWebPage {
            media_type: "application/pdf".into(),
            address: "https://example.com/a.pdf".into(),
        };
        assert!(e.to_string().contains("\"application/pdf\""), "{e}");
    }
}
