//! `chronicle --print-config`: the effective configuration as TOML, its
//! problems on stderr.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::config::for_explorer;

/// Prints the configuration the explorer would use with this config file
/// (or the default one), with a header saying where it comes from.
pub fn print(explicit: Option<&Path>, out: &mut impl Write) -> io::Result<ExitCode> {
    let config = for_explorer(explicit);
    let header = "# chronicle's effective configuration: the defaults from assets/,\n\
                  # then the config file, then NO_COLOR. Save it as\n\
                  # ~/.config/chronicle/config.toml and edit what you want to change.\n\n";
    write!(out, "{header}{}", config.toml)?;
    Ok(ExitCode::SUCCESS)
}
