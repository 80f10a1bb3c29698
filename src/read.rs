//! Reading a file that the command line or a corpus names: only a regular
//! file, and only up to a size. Opening a FIFO blocks until a writer comes,
//! reading `/dev/zero` never ends and a device may have effects when
//! opened, so the corpus loader, `--config`, `extract` and `import` all read
//! through here rather than with `fs::read`.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Why a file was not read. Displayed as what follows the file's name:
/// `events.toml: is not a regular file`.
#[derive(Debug)]
pub enum Unread {
    /// A FIFO, a device, a socket or a directory.
    NotRegular,
    /// Past the limit the caller gave, in bytes.
    TooLarge(u64),
    Io(io::Error),
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::NotRegular => f.write_str("is not a regular file"),
            Unread::TooLarge(limit) => write!(f, "is larger than {} MB", limit >> 20),
            Unread::Io(err) => write!(f, "cannot read: {err}"),
        }
    }
}

/// The bytes of a regular file of at most `limit` bytes. Anything else is
/// refused before it is opened; the file is then opened without blocking
/// and without becoming a controlling terminal, and checked again, in case
/// it was swapped in between. A file that grows past `limit` while it is
/// read is refused too.
pub fn regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Err(Unread::NotRegular),
        Err(err) => return Err(Unread::Io(err)),
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(Unread::Io)?;
    let meta = file.metadata().map_err(Unread::Io)?;
    if !meta.is_file() {
        return Err(Unread::NotRegular);
    }
    if meta.len() > limit {
        return Err(Unread::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("chronicle-read-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_regular_file_is_read_up_to_the_limit_and_refused_past_it() {
        let dir = scratch("limit");
        let path = dir.join("f.txt");
        fs::write(&path, vec![b'x'; 2048]).unwrap();
        assert_eq!(regular_file(&path, 2048).unwrap().len(), 2048);
        let err = regular_file(&path, 2047).unwrap_err();
        assert!(matches!(err, Unread::TooLarge(2047)), "{err}");
        assert_eq!(Unread::TooLarge(3 << 20).to_string(), "is larger than 3 MB");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn devices_directories_and_fifos_are_refused_without_blocking() {
        let dir = scratch("special");
        let fifo = dir.join("pipe");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
        for path in [fifo.as_path(), Path::new("/dev/zero"), dir.as_path()] {
            let err = regular_file(path, 1 << 20).unwrap_err();
            assert!(
                matches!(err, Unread::NotRegular),
                "{}: {err}",
                path.display()
            );
            assert_eq!(err.to_string(), "is not a regular file");
        }
        let err = regular_file(&dir.join("missing"), 1 << 20).unwrap_err();
        assert!(err.to_string().starts_with("cannot read: "), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
