//! Who may connect now: at most so many sessions at once (in all, and
//! from one IP address), and at most so many new connections from one IP
//! address a minute. An IPv6 client counts by its /64 (one host, or one
//! home, is handed a whole /64: counted by address, it could take as many
//! as it likes), an IPv4-mapped one as its IPv4 address. Pure: the caller
//! says what time it is, so the rules are tested without waiting.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv6Addr};
use std::time::{Duration, Instant};

/// The span the connection rate is counted over.
const WINDOW: Duration = Duration::from_secs(60);

/// The limits `chronicle serve`'s options set.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub sessions: usize,
    pub sessions_per_ip: usize,
    pub connections_per_minute: usize,
}

/// Why a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `Limits::sessions` are open.
    Sessions,
    /// `Limits::sessions_per_ip` are open from that address.
    SessionsPerIp,
    /// `Limits::connections_per_minute` came from that address in the last minute.
    Rate,
}

/// One address's open sessions and the times of its recent connections.
#[derive(Default)]
struct Peer {
    open: usize,
    /// Admitted connections within the last `WINDOW`, oldest first: at
    /// most `connections_per_minute` of them.
    recent: VecDeque<Instant>,
}

pub struct Limiter {
    limits: Limits,
    open: usize,
    /// By the address each client is counted by (`key`).
    peers: HashMap<IpAddr, Peer>,
    /// Past this many addresses, the ones with nothing open or recent are
    /// forgotten (so many passing addresses keep little).
    sweep_at: usize,
}

impl Limiter {
    pub fn new(limits: Limits) -> Limiter {
        Limiter {
            limits,
            open: 0,
            peers: HashMap::new(),
            sweep_at: 64,
        }
    }

    /// Admits a connection from `ip` at `now`, counting it as open until
    /// `release`, or says why not. A refused connection counts for nothing.
    pub fn admit(&mut self, ip: IpAddr, now: Instant) -> Result<(), Refusal> {
        if self.peers.len() >= self.sweep_at {
            self.peers.retain(|_, peer| {
                forget_before(peer, now);
                peer.open > 0 || !peer.recent.is_empty()
            });
            self.sweep_at = (2 * self.peers.len()).max(64);
        }
        if self.open >= self.limits.sessions {
            return Err(Refusal::Sessions);
        }
        let peer = self.peers.entry(key(ip)).or_default();
        forget_before(peer, now);
        if peer.open >= self.limits.sessions_per_ip {
            return Err(Refusal::SessionsPerIp);
        }
        if peer.recent.len() >= self.limits.connections_per_minute {
            return Err(Refusal::Rate);
        }
        peer.open += 1;
        peer.recent.push_back(now);
        self.open += 1;
        Ok(())
    }

    /// A connection `admit` let in from `ip` has ended.
    pub fn release(&mut self, ip: IpAddr) {
        if let Some(peer) = self.peers.get_mut(&key(ip)) {
            if peer.open > 0 {
                peer.open -= 1;
                self.open -= 1;
            }
        }
    }
}

/// The address a client is counted by: an IPv4 address as it is (also
/// when it comes mapped into IPv6), an IPv6 one by its /64 prefix.
fn key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !(u128::from(u64::MAX));
                IpAddr::V6(Ipv6Addr::from(prefix))
            }
        },
    }
}

/// Drops the connections older than `WINDOW` from `peer`'s recent ones.
fn forget_before(peer: &mut Peer, now: Instant) {
    while peer
        .recent
        .front()
        .is_some_and(|&t| now.saturating_duration_since(t) >= WINDOW)
    {
        peer.recent.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(sessions: usize, per_ip: usize, per_minute: usize) -> Limiter {
        Limiter::new(Limits {
            sessions,
            sessions_per_ip: per_ip,
            connections_per_minute: per_minute,
        })
    }

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([192, 0, 2, last])
    }

    #[test]
    fn sessions_per_ip_are_counted_per_address_until_released() {
        let mut limits = limiter(10, 2, 100);
        let now = Instant::now();
        assert_eq!(limits.admit(ip(1), now), Ok(()));
        assert_eq!(limits.admit(ip(1), now), Ok(()));
        assert_eq!(limits.admit(ip(1), now), Err(Refusal::SessionsPerIp));
        // Another address is not held back by the first.
        assert_eq!(limits.admit(ip(2), now), Ok(()));
        limits.release(ip(1));
        assert_eq!(limits.admit(ip(1), now), Ok(()));
        assert_eq!(limits.admit(ip(1), now), Err(Refusal::SessionsPerIp));
    }

    #[test]
    fn the_total_is_checked_across_addresses() {
        let mut limits = limiter(2, 5, 100);
        let now = Instant::now();
        assert_eq!(limits.admit(ip(1), now), Ok(()));
        assert_eq!(limits.admit(ip(2), now), Ok(()));
        assert_eq!(limits.admit(ip(3), now), Err(Refusal::Sessions));
        limits.release(ip(2));
        assert_eq!(limits.admit(ip(3), now), Ok(()));
        // Releasing an address with nothing open frees nothing.
        limits.release(ip(9));
        assert_eq!(limits.admit(ip(4), now), Err(Refusal::Sessions));
    }

    #[test]
    fn the_rate_counts_connections_of_the_last_minute_only() {
        let mut limits = limiter(100, 100, 3);
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        for s in [0, 10, 20] {
            assert_eq!(limits.admit(ip(1), at(s)), Ok(()));
            // Ended at once: the rate still counts them.
            limits.release(ip(1));
        }
        assert_eq!(limits.admit(ip(1), at(30)), Err(Refusal::Rate));
        assert_eq!(limits.admit(ip(2), at(30)), Ok(()), "another address");
        // A refused attempt does not push the window on: at 60 s the
        // first connection is a minute old and no longer counts.
        assert_eq!(limits.admit(ip(1), at(59)), Err(Refusal::Rate));
        assert_eq!(limits.admit(ip(1), at(60)), Ok(()));
        assert_eq!(limits.admit(ip(1), at(61)), Err(Refusal::Rate));
    }

    fn v6(text: &str) -> IpAddr {
        text.parse().expect("an IPv6 address")
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let mut limits = limiter(10, 2, 100);
        let now = Instant::now();
        assert_eq!(limits.admit(v6("2001:db8:0:1::1"), now), Ok(()));
        assert_eq!(limits.admit(v6("2001:db8:0:1:ffff::2"), now), Ok(()));
        // Another address in the same /64 is the same client.
        let same = v6("2001:db8:0:1:abcd:1234:5678:9abc");
        assert_eq!(limits.admit(same, now), Err(Refusal::SessionsPerIp));
        // The next /64 is another.
        assert_eq!(limits.admit(v6("2001:db8:0:2::1"), now), Ok(()));
        // Released by any address of the /64.
        limits.release(v6("2001:db8:0:1::99"));
        assert_eq!(limits.admit(same, now), Ok(()));
    }

    #[test]
    fn ipv4_mapped_into_ipv6_counts_as_ipv4() {
        let mut limits = limiter(10, 1, 100);
        let now = Instant::now();
        assert_eq!(limits.admit(ip(7), now), Ok(()));
        let mapped = v6("::ffff:192.0.2.7");
        assert_eq!(limits.admit(mapped, now), Err(Refusal::SessionsPerIp));
        // Not the whole /64 of mapped addresses: another IPv4 address.
        assert_eq!(limits.admit(v6("::ffff:192.0.2.8"), now), Ok(()));
        limits.release(mapped);
        assert_eq!(limits.admit(ip(7), now), Ok(()));
    }

    #[test]
    fn many_passing_addresses_are_forgotten() {
        let mut limits = limiter(10_000, 1, 1);
        let start = Instant::now();
        for n in 0..=255u8 {
            limits.admit(ip(n), start).unwrap();
            limits.release(ip(n));
        }
        assert_eq!(limits.peers.len(), 256, "all within the minute");
        let later = start + WINDOW;
        limits
            .admit(IpAddr::from([198, 51, 100, 1]), later)
            .unwrap();
        assert_eq!(limits.peers.len(), 1, "only the new address is kept");
        assert_eq!(
            limits.admit(ip(0), later),
            Ok(()),
            "and the old may come back"
        );
    }
}
