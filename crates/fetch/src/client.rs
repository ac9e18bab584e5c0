//! The HTTP client for one fetch: a `ureq` agent (rustls with the bundled web roots, gzip)
//! set up from [`FetchOptions`], with a resolver that marks a failed name lookup as such, so
//! "no such site" is told apart from other connection failures.

use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use ureq::{Agent, Proxy};

use crate::error::FetchError;
use crate::options::{FetchOptions, ProxySetting};

/// The `User-Agent` Claimdesk sends.
pub const USER_AGENT: &str = concat!(
    "Claimdesk/",
    env!("CARGO_PKG_VERSION"),
    " (fact-checking workbench; fetches one page the user asked for)"
);

/// What the client asks for: web pages first, anything else accepted.
const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5";

/// A name lookup that failed: the resolver's error, carried through `ureq` to the error mapping.
#[derive(Debug, thiserror::Error)]
#[error("the name {host} could not be found ({detail})")]
pub(crate) struct NameLookupFailed {
    /// The name looked up (the site, or the proxy).
    pub host: String,
    /// What the system resolver said.
    pub detail: String,
}

/// The system resolver, with its failures turned into [`NameLookupFailed`]. A lookup that runs
/// out of time stays a timeout.
#[derive(Debug, Default)]
pub(crate) struct NamingResolver<R = DefaultResolver> {
    inner: R,
}

impl<R: Resolver> Resolver for NamingResolver<R> {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default().to_owned();
        self.inner
            .resolve(uri, config, timeout)
            .map_err(|e| match e {
                ureq::Error::HostNotFound => lookup_failed(host, "no address".into()),
                ureq::Error::Io(io) => lookup_failed(host, io.to_string()),
                other => other,
            })
    }
}

fn lookup_failed(host: String, detail: String) -> ureq::Error {
    ureq::Error::Other(Box::new(NameLookupFailed { host, detail }))
}

/// The agent for one fetch.
pub(crate) fn agent(options: &FetchOptions) -> Result<Agent, FetchError> {
    let limits = &options.limits;
    let proxy = match &options.proxy {
        ProxySetting::FromEnvironment => Proxy::try_from_env(),
        ProxySetting::Direct => None,
        ProxySetting::Address(address) => {
            Some(Proxy::new(address).map_err(|_| FetchError::Proxy {
                detail: format!("\"{address}\" is not a proxy address"),
            })?)
        }
    };
    let config = Agent::config_builder()
        .http_status_as_error(false)
        .proxy(proxy)
        .max_redirects(limits.max_redirects)
        .save_redirect_history(true)
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .timeout_global(Some(limits.total))
        .timeout_resolve(Some(limits.connect))
        .timeout_connect(Some(limits.connect))
        .max_idle_connections(0)
        .build();
    Ok(Agent::with_parts(
        config,
        DefaultConnector::default(),
        NamingResolver::<DefaultResolver>::default(),
    ))
}

#[cfg(test)]
mod tests {
    use std::io;

    use ureq::config::Config;
    use ureq::http::Uri;

    use super::*;

    /// A resolver that fails as the system's does.
    #[derive(Debug)]
    struct Failing(fn() -> ureq::Error);

    impl Resolver for Failing {
        fn resolve(
            &self,
            _: &Uri,
            _: &Config,
            _: NextTimeout,
        ) -> Result<ResolvedSocketAddrs, ureq::Error> {
            Err((self.0)())
        }
    }

    fn resolve_with(fail: fn() -> ureq::Error) -> ureq::Error {
        let resolver = NamingResolver {
            inner: Failing(fail),
        };
        let uri: Uri = "https://no-such-site.example/x".parse().unwrap();
        resolver
            .resolve(&uri, &Config::default(), NextTimeout::default())
            .unwrap_err()
    }

    #[test]
    fn a_failed_lookup_names_the_host() {
        let io = || {
            io::Error::other("failed to lookup address information: Name or service not known")
                .into()
        };
        for fail in [io, || ureq::Error::HostNotFound] {
            match resolve_with(fail) {
                ureq::Error::Other(e) => {
                    let lookup = e.downcast_ref::<NameLookupFailed>().expect("lookup error");
                    assert_eq!(lookup.host, "no-such-site.example");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_lookup_timeout_stays_a_timeout() {
        let e = resolve_with(|| ureq::Error::Timeout(ureq::Timeout::Resolve));
        assert!(matches!(e, ureq::Error::Timeout(ureq::Timeout::Resolve)));
    }

    #[test]
    fn a_bad_proxy_address_is_a_proxy_error() {
        let options = FetchOptions {
            proxy: ProxySetting::Address("ht!tp://[".into()),
            ..FetchOptions::default()
        };
        assert!(matches!(agent(&options), Err(FetchError::Proxy { .. })));
    }
}
