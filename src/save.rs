//! Writing files without losing anything: `chronicle export -o`, the
//! explorer's export and `chronicle import` all write through here.
//! Renaming a finished temporary file over a path is the only way a failed
//! write cannot leave half a file, but it is right only for a plain file
//! with one name: a FIFO or a device must be written to, not replaced; a
//! symlink names the file to write; a file with other hard links must stay
//! the file those names share; a replaced file keeps its mode and owner.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, BufWriter, Seek, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Writes `path` with what `content` writes, as `-o PATH` should:
///
/// - a new file is made whole in a temporary file beside it and renamed
///   into place, with the mode the umask gives;
/// - an existing regular file is replaced the same way and keeps its mode
///   and, where the system lets us, its owner and group;
/// - a regular file with other hard links is rewritten in place, so that
///   all its names see the new text (made in a temporary file first, so a
///   failure while making it leaves the file as it was);
/// - a FIFO, a character or block device or a socket is written to, never
///   replaced;
/// - a symlink is followed: the file it points to is written, the link
///   stays.
///
/// `content` is handed a buffered writer into the file, so output is
/// streamed rather than built whole first. Errors name `path`.
pub fn write(
    path: &Path,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    // The kernel follows the links here, magic ones (/dev/stdout) too.
    let written = match fs::metadata(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            resolve_links(path).and_then(|target| replace(&target, None, content))
        }
        Err(err) => Err(err),
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory",
        )),
        Ok(meta) if !meta.is_file() => write_through(path, &meta, content),
        Ok(meta) => fs::canonicalize(path).and_then(|target| match meta.nlink() {
            1 => replace(&target, Some(&meta), content),
            _ => rewrite_in_place(&target, content),
        }),
    };
    written.map_err(|err| named(path, err))
}

/// Writes a new file `<stem>.<ext>` in `dir`, or `<stem>-1.<ext>`,
/// `<stem>-2.<ext>` … when taken: never over an existing file. A failed
/// write removes what it made.
pub fn write_new(
    dir: &Path,
    stem: &str,
    ext: &str,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<PathBuf> {
    for n in 0..1000 {
        let name = match n {
            0 => format!("{stem}.{ext}"),
            n => format!("{stem}-{n}.{ext}"),
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return fill_new(&path, file, content).map(|()| path),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(invalid(format!(
        "too many {stem}-N.{ext} files in {}",
        dir.display()
    )))
}

/// Writes a new file at `path`, which must not exist (`import` fills a
/// directory of its own with these). A failed write removes it.
pub fn create(
    path: &Path,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = OpenOptions::new().write(true).create_new(true).open(path)?;
    fill_new(path, file, content)
}

/// Puts the directory `new` where the directory `old` is, at once where
/// the file system can exchange them, and returns where the old one went
/// (for the caller to remove). On failure `old` is where it was.
pub fn swap_dirs(old: &Path, new: &Path) -> io::Result<PathBuf> {
    match exchange(old, new) {
        Ok(()) => Ok(new.to_path_buf()),
        Err(err) if matches!(err.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {
            swap_by_renames(old, new)
        }
        Err(err) => Err(err),
    }
}

/// For file systems that cannot exchange two names: the old directory is
/// moved aside, the new one renamed in, and the old one put back should
/// that fail.
fn swap_by_renames(old: &Path, new: &Path) -> io::Result<PathBuf> {
    let aside = sibling(old, "old")?;
    fs::rename(old, &aside)?;
    if let Err(err) = fs::rename(new, old) {
        return match fs::rename(&aside, old) {
            Ok(()) => Err(err),
            Err(back) => Err(io::Error::new(
                err.kind(),
                format!(
                    "{err}; the old directory could not be put back ({back}): it is in {}",
                    aside.display()
                ),
            )),
        };
    }
    Ok(aside)
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    Ok(renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)?)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from_raw_os_error(libc::ENOSYS))
}

/// A new, empty directory beside `path` (`.<name>.<what>-<pid>-<n>`), on
/// the same file system so that it can be renamed into place.
pub fn sibling_dir(path: &Path, what: &str) -> io::Result<PathBuf> {
    for _ in 0..100 {
        let dir = sibling(path, what)?;
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(invalid(format!(
        "cannot make a temporary directory beside {}",
        path.display()
    )))
}

/// A name beside `path` that nothing has: `.<name>.<what>-<pid>-<n>`.
fn sibling(path: &Path, what: &str) -> io::Result<PathBuf> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = path
        .file_name()
        .ok_or_else(|| invalid(format!("{} is not a file name", path.display())))?;
    let pid = std::process::id();
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let candidate =
            parent_dir(path).join(format!(".{}.{what}-{pid}-{n}", name.to_string_lossy()));
        if fs::symlink_metadata(&candidate).is_err() {
            return Ok(candidate);
        }
    }
}

/// Copies a directory's or file's mode and, where permitted, its owner
/// and group to `file`. A set-id bit is kept only with the owner (or
/// group) it was for.
pub fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::fchown;
    if fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        // Only root may give a file away; a group we belong to we may keep.
        let _ = fchown(file, None, Some(old.gid()));
    }
    let now = file.metadata()?;
    let mut mode = old.mode() & 0o7777;
    if now.uid() != old.uid() {
        mode &= !0o4000;
    }
    if now.gid() != old.gid() {
        mode &= !0o2000;
    }
    file.set_permissions(fs::Permissions::from_mode(mode))
}

/// The file a new file at `path` would be: `path` itself, or for a
/// symlink to nothing the file the link names (links are followed at most
/// 40 deep, as the kernel does).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
            _ => return Ok(current),
        }
    }
    Err(io::Error::from_raw_os_error(libc::ELOOP))
}

/// A new or single-named regular file: made whole beside it, then renamed
/// over it. A replaced file's temporary copy is private until it has the
/// old mode; a new one gets the umask's.
fn replace(
    target: &Path,
    old: Option<&Metadata>,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let (tmp, file) = temp_file(target, if old.is_some() { 0o600 } else { 0o666 })?;
    let written = old
        .map_or(Ok(()), |meta| keep_owner_and_mode(&file, meta))
        .and_then(|()| fill(&file, content))
        .and_then(|()| fs::rename(&tmp, target));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// A file with other hard links, rewritten where it is. Should copying
/// fail halfway, the whole output is kept in the temporary file and the
/// error says where.
fn rewrite_in_place(
    target: &Path,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let (tmp, mut made) = temp_file(target, 0o600)?;
    if let Err(err) = fill(&made, content) {
        let _ = fs::remove_file(&tmp);
        return Err(err);
    }
    let copied = (|| {
        let mut file = OpenOptions::new().write(true).open(target)?;
        made.rewind()?;
        let len = io::copy(&mut made, &mut file)?;
        file.set_len(len)?;
        file.sync_all()
    })();
    match copied {
        Ok(()) => fs::remove_file(&tmp),
        Err(err) => Err(io::Error::new(
            err.kind(),
            format!(
                "{err}; it may be partly written, and the whole output is in {}",
                tmp.display()
            ),
        )),
    }
}

/// A FIFO, a device or a socket: opened (a socket connected to) and
/// written to. What was opened is checked again, so that a path swapped
/// for a regular file in between is not written over in place.
fn write_through(
    target: &Path,
    meta: &Metadata,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if meta.file_type().is_socket() {
        let mut out = BufWriter::new(std::os::unix::net::UnixStream::connect(target)?);
        content(&mut out)?;
        return out.flush();
    }
    let file = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(target)?;
    if file.metadata()?.is_file() {
        return Err(io::Error::other("it changed while it was opened"));
    }
    let mut out = BufWriter::new(file);
    content(&mut out)?;
    out.flush()
}

/// Fills a file just made at `path`; removes it when that fails.
fn fill_new(
    path: &Path,
    file: File,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let filled = fill(&file, content);
    if filled.is_err() {
        let _ = fs::remove_file(path);
    }
    filled
}

/// Writes `content` into `file` through a buffer, then to the disk.
fn fill(file: &File, content: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, file);
    content(&mut out)?;
    out.flush()?;
    drop(out);
    file.sync_all()
}

/// A new temporary file beside `target`, opened to read and write.
fn temp_file(target: &Path, mode: u32) -> io::Result<(PathBuf, File)> {
    for _ in 0..100 {
        let tmp = sibling(target, "tmp")?;
        let opened = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp);
        match opened {
            Ok(file) => return Ok((tmp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => {
                let dir = parent_dir(target);
                let msg = format!("cannot write in {}: {err}", dir.display());
                return Err(io::Error::new(err.kind(), msg));
            }
        }
    }
    Err(invalid(format!(
        "cannot make a temporary file beside {}",
        target.display()
    )))
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn named(path: &Path, err: io::Error) -> io::Error {
    io::Error::new(
        err.kind(),
        format!("cannot write {}: {err}", path.display()),
    )
}

fn invalid(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message.into())
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
