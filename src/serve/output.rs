//! One reader's bytes on their SSH channel: gathered as the session
//! writes, sent on flush (once a frame). russh (0.63) queues a few
//! messages per connection (its event buffer, 10) and takes no more while
//! the client's window is full; a frame waits at most `DEADLINE` to be
//! taken, and past that it is dropped, the output stalls (drops what
//! follows too), and the reader's loop redraws the screen whole once the
//! link takes a frame again. So a reader who stops reading costs a dozen
//! frames of memory at most, and their thread goes on taking input (the
//! connection, which waits for it, would otherwise stop too), timeouts
//! and the server's goodbye.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use russh::server::Handle;
use russh::ChannelId;

/// How long a frame waits for the link to take it before it is dropped.
pub const DEADLINE: Duration = Duration::from_millis(200);

pub struct Output {
    handle: Handle,
    channel: ChannelId,
    runtime: tokio::runtime::Handle,
    buf: Vec<u8>,
    /// The channel is gone (a write failed, or the client hung up): what
    /// is written after is dropped unsaid, so nothing prints its error.
    gone: Arc<AtomicBool>,
    /// A frame was dropped: what is written is dropped too until the
    /// reader's loop clears this and asks for a whole frame.
    stalled: Arc<AtomicBool>,
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
            stalled: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A flag that, once set, makes this output drop everything.
    pub fn gone(&self) -> Arc<AtomicBool> {
        self.gone.clone()
    }

    /// A flag set when a frame is dropped (see `stalled` in `Output`).
    pub fn stalled(&self) -> Arc<AtomicBool> {
        self.stalled.clone()
    }

    fn is_gone(&self) -> bool {
        self.gone.load(Ordering::SeqCst) || self.stalled.load(Ordering::SeqCst)
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
        // Cancelling the send leaves nothing half sent: russh takes a
        // message whole or not at all.
        // The timer is made inside the runtime, which it needs.
        let send =
            async { tokio::time::timeout(DEADLINE, self.handle.data(self.channel, bytes)).await };
        match self.runtime.block_on(send) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) => {
                self.gone.store(true, Ordering::SeqCst);
                Err(io::ErrorKind::BrokenPipe.into())
            }
            Err(_) => {
                self.stalled.store(true, Ordering::SeqCst);
                Ok(())
            }
        }
    }
}
