//! One reader's bytes on their SSH channel: gathered as the session
//! writes, sent on flush (once a frame). Sending waits while the client's
//! window is full, so a slow reader holds up their own session only, and
//! russh (0.62.5 on) queues no more than its bounded buffers.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use russh::server::Handle;
use russh::ChannelId;

pub struct Output {
    handle: Handle,
    channel: ChannelId,
    runtime: tokio::runtime::Handle,
    buf: Vec<u8>,
    /// The channel is gone (a write failed, or the client hung up): what
    /// is written after is dropped unsaid, so nothing prints its error.
    gone: Arc<AtomicBool>,
}

impl Output {
    /// Output to `channel`; `first` goes out before anything written.
    pub fn new(
        handle: Handle,
        channel: ChannelId,
        runtime: tokio::runtime::Handle,
        first: &[u8],
    ) -> Output {
        Output {
            handle,
            channel,
            runtime,
            buf: first.to_vec(),
            gone: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A flag that, once set, makes this output drop everything.
    pub fn gone(&self) -> Arc<AtomicBool> {
        self.gone.clone()
    }

    fn is_gone(&self) -> bool {
        self.gone.load(Ordering::SeqCst)
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.is_gone() {
            self.buf.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() || self.is_gone() {
            self.buf.clear();
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.buf);
        let sent = self.runtime.block_on(self.handle.data(self.channel, bytes));
        if sent.is_err() {
            self.gone.store(true, Ordering::SeqCst);
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        Ok(())
    }
}
