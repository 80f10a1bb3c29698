//! The server's host key: Ed25519, made on the first start and kept on
//! disk (mode 0600), so clients see the same key every time and warn
//! only when it really changes. A key others can read is refused, as
//! sshd refuses one.

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

/// A host key file is a few hundred bytes.
const LIMIT: u64 = 64 << 10;

/// The key at `path`, made and written there first if there is none;
/// with whether it was made now.
pub fn load_or_create(path: &Path) -> Result<(PrivateKey, bool), String> {
    let shown = path.display();
    match std::fs::symlink_metadata(path) {
        Ok(_) => load(path).map(|key| (key, false)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let key = PrivateKey::random(&mut russh::keys::key::safe_rng(), Algorithm::Ed25519)
                .map_err(|err| format!("cannot make a host key: {err}"))?;
            write_new(path, &key)
                .map_err(|err| format!("cannot write the host key {shown}: {err}"))?;
            Ok((key, true))
        }
        Err(err) => Err(format!("cannot read the host key {shown}: {err}")),
    }
}

/// The SHA-256 fingerprint of `key`, as OpenSSH prints it.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

fn load(path: &Path) -> Result<PrivateKey, String> {
    let shown = path.display();
    let mode = std::fs::metadata(path)
        .map_err(|err| format!("cannot read the host key {shown}: {err}"))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(format!(
            "the host key {shown} can be read by others (mode {:o}): `chmod 600` it",
            mode & 0o777
        ));
    }
    let bytes = crate::read::regular_file(path, LIMIT)
        .map_err(|err| format!("cannot read the host key {shown}: {err}"))?;
    let key = PrivateKey::from_openssh(&bytes)
        .map_err(|err| format!("{shown}: not an OpenSSH private key: {err}"))?;
    if key.is_encrypted() {
        return Err(format!(
            "{shown}: the host key is encrypted; give one without a passphrase"
        ));
    }
    Ok(key)
}

/// Writes `key` to a new file readable by its owner only, making its
/// directory (mode 0700) if needed.
fn write_new(path: &Path, key: &PrivateKey) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(std::io::Error::other)?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("chronicle-hk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_key_is_made_once_with_mode_0600_then_loaded() {
        let dir = dir("once");
        let path = dir.join("sub").join("host_key");
        let (made, created) = load_or_create(&path).expect("made");
        assert!(created);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let (loaded, created) = load_or_create(&path).expect("loaded");
        assert!(!created);
        assert_eq!(fingerprint(&made), fingerprint(&loaded));
        assert!(fingerprint(&made).starts_with("SHA256:"));
        assert_eq!(made.algorithm(), Algorithm::Ed25519);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_key_others_can_read_or_a_broken_one_is_refused() {
        let dir = dir("refused");
        let path = dir.join("host_key");
        load_or_create(&path).expect("made");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = load_or_create(&path).expect_err("readable by others");
        assert!(err.contains("mode 644"), "{err}");
        std::fs::write(&path, "not a key").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let err = load_or_create(&path).expect_err("not a key");
        assert!(err.contains("not an OpenSSH private key"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
