//! Who may log in: the public keys of an authorized_keys file (read once
//! at start), or any key at all with `--allow-any-key`. Key options
//! (`command=`, `from=`...) are not honoured: a line with options is
//! skipped with a warning rather than granted more than it says.

use russh::keys::ssh_key::authorized_keys::Entry;
use russh::keys::ssh_key::public::KeyData;
use russh::keys::PublicKey;

/// An authorized_keys file is a few kilobytes; past this it is not one.
const LIMIT: u64 = 16 << 20;

pub enum Access {
    Keys(Vec<KeyData>),
    AnyKey,
}

impl Access {
    /// The keys of the authorized_keys file at `path`, with a warning
    /// (file:line: problem) for each line skipped.
    pub fn read(path: &std::path::Path) -> Result<(Access, Vec<String>), String> {
        let shown = path.display().to_string();
        let bytes = crate::read::regular_file(path, LIMIT).map_err(|err| {
            format!(
                "cannot read the authorized keys {shown}: {err} \
                 (give --authorized-keys FILE, or --allow-any-key)"
            )
        })?;
        let text = String::from_utf8_lossy(&bytes);
        Ok(Access::parse(&shown, &text))
    }

    /// The keys in an authorized_keys text, with a warning per line skipped.
    pub fn parse(file: &str, text: &str) -> (Access, Vec<String>) {
        let mut keys = Vec::new();
        let mut warnings = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = format!("{}:{}", super::log::shown(file), n + 1);
            match line.parse::<Entry>() {
                Ok(entry) if entry.config_opts().is_empty() => {
                    keys.push(entry.public_key().key_data().clone());
                }
                Ok(_) => warnings.push(format!("{at}: a key with options is not used")),
                Err(err) => warnings.push(format!("{at}: not a public key ({err})")),
            }
        }
        (Access::Keys(keys), warnings)
    }

    pub fn allows(&self, key: &PublicKey) -> bool {
        match self {
            Access::AnyKey => true,
            Access::Keys(keys) => keys.contains(key.key_data()),
        }
    }

    /// How many keys may log in; `None` for any key.
    pub fn count(&self) -> Option<usize> {
        match self {
            Access::AnyKey => None,
            Access::Keys(keys) => Some(keys.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use russh::keys::{Algorithm, PrivateKey};

    use super::*;

    fn key() -> PublicKey {
        PrivateKey::random(&mut russh::keys::key::safe_rng(), Algorithm::Ed25519)
            .unwrap()
            .public_key()
            .clone()
    }

    #[test]
    fn only_listed_keys_without_options_are_allowed() {
        let (listed, optioned, other) = (key(), key(), key());
        let text = format!(
            "# readers\n\n{}\nnot a key at all\nno-pty {} reader@laptop\n",
            listed.to_openssh().unwrap(),
            optioned.to_openssh().unwrap()
        );
        let (access, warnings) = Access::parse("keys", &text);
        assert!(access.allows(&listed));
        assert!(!access.allows(&optioned));
        assert!(!access.allows(&other));
        assert_eq!(access.count(), Some(1));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].starts_with("keys:4: not a public key"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].starts_with("keys:5: a key with options"),
            "{warnings:?}"
        );
        assert!(Access::AnyKey.allows(&other));
    }
}
