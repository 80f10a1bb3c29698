//! One SSH connection: its login, and its one session channel. A channel
//! with a pty gets the explorer on a thread of its own (see `reader`);
//! one without gets the plain event listing. Everything else a client may
//! ask for (exec, subsystems, forwarding, agents, X11) is refused.

use std::net::SocketAddr;
use std::sync::Arc;

use russh::keys::{HashAlg, PublicKey};
use russh::server::{Auth, ChannelOpenHandle, Handle, Msg, Session};
use russh::{Channel, ChannelId, ChannelOpenFailure, Pty};
use tokio::sync::mpsc;

use super::log;
use super::reader::{self, Feed};
use super::terminal::{self, Terminal};
use super::Context;

/// Input chunks queued for a reader's thread at most; past that the
/// connection waits, and with it the client.
const FEED_QUEUE: usize = 64;

pub struct Connection {
    context: Arc<Context>,
    /// The connection's number in the log.
    id: u64,
    peer: SocketAddr,
    /// Who logged in: the user name and the key's fingerprint.
    who: Option<String>,
    channel: Option<ChannelId>,
    terminal: Terminal,
    /// The reader's thread's input, once the shell started.
    feed: Option<mpsc::Sender<Feed>>,
}

impl Connection {
    pub fn new(context: Arc<Context>, id: u64, peer: SocketAddr) -> Connection {
        Connection {
            context,
            id,
            peer,
            who: None,
            channel: None,
            terminal: Terminal::default(),
            feed: None,
        }
    }

    fn ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel) && self.feed.is_none()
    }

    fn refused(&self, what: &str) {
        log::line(format!("connection {}: refused {what}", self.id));
    }

    /// Refuses a channel the server has no use for, and logs it.
    async fn reject(&self, what: &str, reply: ChannelOpenHandle) {
        self.refused(what);
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
    }

    fn check(&self, key: &PublicKey) -> Auth {
        if self.context.access.allows(key) {
            Auth::Accept
        } else {
            Auth::reject()
        }
    }

    async fn send(&self, feed: Feed) {
        if let Some(tx) = &self.feed {
            // A reader whose thread ended takes nothing more.
            let _ = tx.send(feed).await;
        }
    }

    /// Starts what the shell request asks for: the explorer with a pty,
    /// the listing without.
    fn start(&mut self, channel: ChannelId, handle: Handle) {
        let context = self.context.clone();
        let label = format!(
            "session {} ({} from {})",
            self.id,
            self.who.as_deref().unwrap_or("?"),
            self.peer
        );
        if !self.terminal.pty {
            log::line(format!("{label}: no pty, sent the event listing"));
            tokio::spawn(async move {
                let mut text = Vec::new();
                let shown = context
                    .shared
                    .index
                    .apply(&context.shared.corpus, &Default::default());
                let _ = crate::export::lines::events(&context.shared.corpus, &shown, &mut text);
                let _ = handle.data(channel, text).await;
                close(&handle, channel, 0).await;
            });
            return;
        }
        let (tx, rx) = mpsc::channel(FEED_QUEUE);
        let terminal = self.terminal.clone();
        log::line(format!(
            "{label}: started, {}x{} {}",
            terminal.size.0,
            terminal.size.1,
            log::shown(&terminal.term)
        ));
        if let Some(name) = terminal.unknown_theme() {
            log::line(format!(
                "{label}: no theme is named {}; the server's",
                log::shown(&name)
            ));
        }
        let id = self.id;
        let reader = reader::Reader {
            context,
            id,
            label: label.clone(),
            terminal,
            handle,
            channel,
            feed: rx,
        };
        // Listed before it runs, so that its end always finds it there.
        self.context.enlist(id, &tx);
        match reader.spawn() {
            Ok(()) => self.feed = Some(tx),
            Err(err) => {
                log::line(format!("{label}: cannot start a thread: {err}"));
                self.context.dismiss(id);
            }
        }
    }
}

/// Ends a channel as a finished command does: exit status, EOF, close.
pub async fn close(handle: &Handle, channel: ChannelId, status: u32) {
    let _ = handle.exit_status_request(channel, status).await;
    let _ = handle.eof(channel).await;
    let _ = handle.close(channel).await;
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        key: &PublicKey,
    ) -> Result<Auth, Self::Error> {
        let auth = self.check(key);
        if auth != Auth::Accept {
            log::line(format!(
                "connection {}: {} offered an unknown key {}",
                self.id,
                log::shown(user),
                key.fingerprint(HashAlg::Sha256)
            ));
        }
        Ok(auth)
    }

    async fn auth_publickey(&mut self, user: &str, key: &PublicKey) -> Result<Auth, Self::Error> {
        let auth = self.check(key);
        let fingerprint = key.fingerprint(HashAlg::Sha256);
        if auth == Auth::Accept {
            let who = format!("{} {fingerprint}", log::shown(user));
            log::line(format!("connection {}: {who} logged in", self.id));
            self.who = Some(who);
        } else {
            log::line(format!(
                "connection {}: {} offered an unknown key {fingerprint}",
                self.id,
                log::shown(user)
            ));
        }
        Ok(auth)
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            self.reject("a second session channel", reply).await;
        } else {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: u32,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        self.reject("an X11 channel", reply).await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: u32,
        _: &str,
        _: u32,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        self.reject("port forwarding", reply).await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        self.reject("socket forwarding", reply).await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        columns: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.terminal.pty(term, columns, rows);
            session.channel_success(channel)
        } else {
            session.channel_failure(channel)
        }
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) && self.terminal.env(name, value) {
            session.channel_success(channel)
        } else {
            session.channel_failure(channel)
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) {
            return session.channel_failure(channel);
        }
        session.channel_success(channel)?;
        self.start(channel, session.handle());
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("exec");
        session.channel_failure(channel)?;
        session.close(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(&format!("the subsystem {}", log::shown(name)));
        session.channel_failure(channel)?;
        session.close(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _: bool,
        _: &str,
        _: &str,
        _: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("X11 forwarding");
        session.channel_failure(channel)
    }

    async fn agent_request(&mut self, _: ChannelId, _: &mut Session) -> Result<bool, Self::Error> {
        self.refused("agent forwarding");
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _: &str,
        _: &mut u32,
        _: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("remote port forwarding");
        Ok(false)
    }

    async fn streamlocal_forward(&mut self, _: &str, _: &mut Session) -> Result<bool, Self::Error> {
        self.refused("remote socket forwarding");
        Ok(false)
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        columns: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel == Some(channel) {
            let (w, h) = terminal::size(columns, rows);
            self.terminal.size = (w, h);
            self.send(Feed::Resize(w, h)).await;
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel == Some(channel) {
            self.send(Feed::Bytes(data.to_vec())).await;
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel == Some(channel) {
            self.send(Feed::HangUp).await;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel == Some(channel) {
            self.send(Feed::HangUp).await;
        }
        Ok(())
    }
}
