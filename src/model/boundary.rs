//! One judge per boundary: whether an inbound entry point continues its caller's trace, and
//! whether an outbound call carries the trace it is made in. The boundary rules
//! (`inbound-not-extracted`, `outbound-not-injected`) report the sites this module says drop
//! the trace, and the service map judges each edge from the same verdicts, so a finding and the
//! map never disagree about a site.

use super::ServiceView;
use crate::facts::{Extraction, FileFacts, Injection, Proto};

/// What happens to the trace context at one site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The context crosses: extracted at an entry point, injected by a call.
    Carries,
    /// The context certainly stops here.
    Drops,
    /// tracewire cannot tell from the code it sees.
    Unknown,
}

impl ServiceView<'_> {
    /// Whether an inbound entry point of `proto` in `file`, extracting as `extraction` says at
    /// its own site, continues its caller's trace, given the service's instrumentation.
    pub fn inbound_verdict(
        &self,
        file: &FileFacts,
        proto: Proto,
        extraction: &Extraction,
    ) -> Verdict {
        let s = &self.summary;
        if s.covers_everything() {
            return Verdict::Carries;
        }
        let at_site = match extraction {
            Extraction::Instrumented | Extraction::Manual => Verdict::Carries,
            Extraction::Unknown => Verdict::Unknown,
            Extraction::Handler(name) if s.extracting_handlers.contains(name) => Verdict::Carries,
            Extraction::Handler(_) | Extraction::None => Verdict::Drops,
            Extraction::Patched(lib)
                if s.is_patched(lib)
                    || (proto == Proto::Http && s.server_instrumented)
                    || self.patching_decided_elsewhere(file) =>
            {
                Verdict::Carries
            }
            Extraction::Patched(_) => Verdict::Drops,
            Extraction::Framework(framework) if s.covers(framework) => Verdict::Carries,
            Extraction::Framework(_) => Verdict::Drops,
        };
        if at_site != Verdict::Drops {
            return at_site;
        }
        // Instrumentation the service applies to every server of the protocol.
        match proto {
            Proto::Http if s.server_instrumented => Verdict::Carries,
            Proto::Grpc if s.grpc_server_instrumented => Verdict::Carries,
            Proto::Messaging if !s.auto_instrumentation.is_empty() => Verdict::Carries,
            // A service that extracts by hand may do it for a consumer in another file.
            Proto::Messaging if s.extracts_by_hand => Verdict::Unknown,
            _ => Verdict::Drops,
        }
    }

    /// Whether an outbound call of `proto` in `file`, injecting as `injection` says at its
    /// own site, carries the trace, given the service's instrumentation.
    pub fn outbound_verdict(
        &self,
        file: &FileFacts,
        proto: Proto,
        injection: &Injection,
    ) -> Verdict {
        let s = &self.summary;
        if s.covers_everything() {
            return Verdict::Carries;
        }
        if proto == Proto::Messaging {
            // Automatic instrumentation covers the messaging clients it knows.
            if !s.auto_instrumentation.is_empty() {
                return Verdict::Carries;
            }
        }
        let verdict = self.site_injection(file, proto, injection);
        // A service that injects by hand may do it for a producer in another file: a site that
        // drops the trace by its own looks cannot be told (one that carries it still does).
        if proto == Proto::Messaging && s.injects_by_hand && verdict == Verdict::Drops {
            return Verdict::Unknown;
        }
        verdict
    }

    /// The verdict an outbound site's own injection gives, given the service's clients and
    /// patched libraries.
    fn site_injection(&self, file: &FileFacts, proto: Proto, injection: &Injection) -> Verdict {
        let s = &self.summary;
        match injection {
            Injection::DefaultClient if proto == Proto::Http => {
                if s.default_client_instrumented {
                    Verdict::Carries
                } else {
                    Verdict::Drops
                }
            }
            Injection::Client(key) => match s.client_injection(key) {
                Injection::None => Verdict::Drops,
                Injection::Unknown => Verdict::Unknown,
                _ => Verdict::Carries,
            },
            Injection::Patched(lib) => {
                if s.is_patched(lib) || self.patching_decided_elsewhere(file) {
                    Verdict::Carries
                } else {
                    Verdict::Drops
                }
            }
            Injection::None if proto != Proto::Http => Verdict::Drops,
            Injection::Unknown | Injection::None | Injection::DefaultClient => Verdict::Unknown,
            _ => Verdict::Carries,
        }
    }

    /// Whether a site that goes through a library patched process-wide cannot be judged here:
    /// in a library that programs of the repository build in (a .NET class library), or in a
    /// package without an entry point in a language whose knowledge table says so (Python),
    /// the application that imports it decides which libraries are instrumented.
    fn patching_decided_elsewhere(&self, file: &FileFacts) -> bool {
        self.service.library
            || (!self.service.has_entry
                && file
                    .lang
                    .is_some_and(|l| self.knowledge.defaults(l).patching_decided_by_application))
    }
}
