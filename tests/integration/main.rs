//! One test binary for the whole crate, so the build stays fast.

mod alloc;
mod alm;
#[cfg(feature = "cli")]
mod bodies;
#[cfg(feature = "cli")]
mod bounds;
#[cfg(feature = "cli")]
mod changing;
#[cfg(feature = "cli")]
mod cli;
#[cfg(all(feature = "dump", feature = "schema"))]
mod downstream;
#[cfg(feature = "dump")]
mod dump;
mod encodings;
mod errors;
mod exact;
mod features;
mod fixtures;
#[cfg(feature = "cli")]
mod gate;
#[cfg(feature = "cli")]
mod gzip;
mod helpers;
mod hostile;
#[cfg(feature = "cli")]
mod inputs;
mod layout;
mod model;
mod poll_logs;
mod presence;
mod promises;
mod props;
#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "dump")]
mod spreadsheets;
mod traits;
mod util;
mod validation;
