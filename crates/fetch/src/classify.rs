//! `ureq`'s and the system's errors sorted into the [`FetchError`]s a user can act on: name not
//! found, refused, timed out (connect or total), certificate, too many redirects, proxy, broken
//! answer.

use std::io;

use rustls::{CertificateError, Error as TlsError};
use url::Url;

use crate::client::NameLookupFailed;
use crate::error::{FetchError, TimeoutStage};
use crate::options::Limits;

/// What the error mapping needs to know about the fetch.
pub(crate) struct Context<'a> {
    /// The address requested (before redirects).
    pub url: &'a Url,
    /// The limits in force.
    pub limits: &'a Limits,
}

impl Context<'_> {
    /// `host:port` of the address requested.
    fn host_port(&self) -> String {
        let host = self.url.host_str().unwrap_or_default();
        match self.url.port_or_known_default() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    fn host(&self) -> String {
        self.url.host_str().unwrap_or_default().to_owned()
    }
}

/// The [`FetchError`] for a `ureq` error.
pub(crate) fn classify(error: ureq::Error, cx: &Context) -> FetchError {
    use ureq::Error as E;
    match error {
        E::Io(io) => io_error(io, cx),
        E::Timeout(which) => timed_out(which, cx.limits),
        E::HostNotFound => FetchError::NameNotFound { host: cx.host() },
        E::Other(other) => match other.downcast::<NameLookupFailed>() {
            Ok(lookup) => FetchError::NameNotFound { host: lookup.host },
            Err(other) => FetchError::Connection {
                host: cx.host_port(),
                detail: other.to_string(),
            },
        },
        E::TooManyRedirects => FetchError::TooManyRedirects {
            limit: cx.limits.max_redirects,
        },
        E::Rustls(tls) => FetchError::Tls {
            host: cx.host(),
            reason: tls_reason(&tls),
        },
        E::Tls(text) => FetchError::Tls {
            host: cx.host(),
            reason: text.to_owned(),
        },
        E::InvalidProxyUrl => FetchError::Proxy {
            detail: "the proxy address is not valid".into(),
        },
        E::ConnectProxyFailed(detail) => FetchError::Proxy { detail },
        E::BodyExceedsLimit(_) => FetchError::TooLarge {
            limit: cx.limits.max_bytes,
        },
        E::BadUri(detail) => FetchError::Protocol {
            host: cx.host(),
            detail: format!("it sent Claimdesk to an address that cannot be opened: {detail}"),
        },
        E::Decompress(_, io) => FetchError::Protocol {
            host: cx.host(),
            detail: format!("the compressed page is damaged: {io}"),
        },
        other => FetchError::Protocol {
            host: cx.host(),
            detail: other.to_string(),
        },
    }
}

/// An I/O error, which may carry a `ureq` error inside (reading the body wraps them so) or a
/// TLS error (the TLS stream reports a failed handshake so).
pub(crate) fn io_error(io: io::Error, cx: &Context) -> FetchError {
    if let Some(inner) = io.get_ref() {
        if inner.is::<ureq::Error>() {
            return classify(ureq::Error::from(io), cx);
        }
        if let Some(tls) = inner.downcast_ref::<TlsError>() {
            return FetchError::Tls {
                host: cx.host(),
                reason: tls_reason(tls),
            };
        }
    }
    match io.kind() {
        io::ErrorKind::ConnectionRefused => FetchError::Refused {
            host: cx.host_port(),
        },
        io::ErrorKind::TimedOut => timed_out(ureq::Timeout::Global, cx.limits),
        io::ErrorKind::UnexpectedEof => FetchError::Connection {
            host: cx.host_port(),
            detail: "the server closed the connection before the page was complete".into(),
        },
        _ => FetchError::Connection {
            host: cx.host_port(),
            detail: io.to_string(),
        },
    }
}

fn timed_out(which: ureq::Timeout, limits: &Limits) -> FetchError {
    let (stage, limit) = match which {
        ureq::Timeout::Connect | ureq::Timeout::Resolve => (TimeoutStage::Connect, limits.connect),
        _ => (TimeoutStage::Total, limits.total),
    };
    FetchError::TimedOut { stage, limit }
}

/// A TLS failure in plain words.
fn tls_reason(error: &TlsError) -> String {
    let certificate = match error {
        TlsError::InvalidCertificate(c) => c,
        TlsError::AlertReceived(alert) => {
            return format!("the site ended the secure connection ({alert:?})");
        }
        TlsError::InvalidMessage(_) => {
            return "the site did not answer in the secure protocol (if the address works \
                    with http:// instead of https://, type that)"
                .into();
        }
        other => return format!("the secure connection failed ({other})"),
    };
    match certificate {
        CertificateError::UnknownIssuer => {
            "its certificate is not signed by an authority this computer trusts (it may be \
             self-signed, or something between you and the site is intercepting the connection)"
                .into()
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            "its certificate has expired".into()
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "its certificate is not valid yet (check this computer's date and time)".into()
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            "its certificate is for another site".into()
        }
        CertificateError::Revoked => "its certificate has been revoked".into(),
        other => format!("its certificate is not valid ({other:?})"),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn classify_for(error: ureq::Error) -> FetchError {
        let url = Url::parse("https://news.example/story").unwrap();
        let limits = Limits {
            connect: Duration::from_secs(3),
            ..Limits::default()
        };
        classify(
            error,
            &Context {
                url: &url,
                limits: &limits,
            },
        )
    }

    #[test]
    fn io_errors_name_refused_and_broken_connections() {
        let e = classify_for(io::Error::from(io::ErrorKind::ConnectionRefused).into());
        assert!(matches!(&e, FetchError::Refused { host } if host == "news.example:443"));
        let e = classify_for(io::Error::from(io::ErrorKind::UnexpectedEof).into());
        assert!(matches!(e, FetchError::Connection { .. }));
    }

    #[test]
    fn a_ureq_error_wrapped_in_io_is_unwrapped() {
        let wrapped = io::Error::other(ureq::Error::Timeout(ureq::Timeout::RecvBody));
        let e = classify_for(ureq::Error::Io(wrapped));
        assert!(
            matches!(
                e,
                FetchError::TimedOut {
                    stage: TimeoutStage::Total,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn connect_and_resolve_timeouts_are_connect_timeouts_with_their_limit() {
        for which in [ureq::Timeout::Connect, ureq::Timeout::Resolve] {
            match classify_for(ureq::Error::Timeout(which)) {
                FetchError::TimedOut { stage, limit } => {
                    assert_eq!(stage, TimeoutStage::Connect);
                    assert_eq!(limit, Duration::from_secs(3));
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_tls_error_inside_an_io_error_is_a_tls_error() {
        let io = io::Error::new(
            io::ErrorKind::InvalidData,
            TlsError::InvalidCertificate(CertificateError::Expired),
        );
        match classify_for(ureq::Error::Io(io)) {
            FetchError::Tls { reason, .. } => assert!(reason.contains("expired"), "{reason}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn certificate_errors_are_in_plain_words() {
        let cases = [
            (
                CertificateError::UnknownIssuer,
                "not signed by an authority",
            ),
            (CertificateError::Expired, "has expired"),
            (CertificateError::NotValidForName, "for another site"),
        ];
        for (cert, words) in cases {
            match classify_for(ureq::Error::Rustls(TlsError::InvalidCertificate(cert))) {
                FetchError::Tls { host, reason } => {
                    assert_eq!(host, "news.example");
                    assert!(reason.contains(words), "{reason}");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
