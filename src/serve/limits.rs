//! Who may connect now: at most so many sessions at once (in all, and
//! from one IP address), and at most so many new connections from one IP
//! address a minute. Pure: the caller says what time it is, so the rules
//! are tested without waiting.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
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
        let peer = self.peers.entry(ip).or_default();
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
        if let Some(peer) = self.peers.get_mut(&ip) {
            if peer.open > 0 {
                peer.open -= 1;
                self.open -= 1;
            }
        }
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
