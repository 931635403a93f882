//! One test binary for the whole crate, so the build stays fast.

mod errors;
mod fixtures;
mod model;
mod props;
#[cfg(feature = "schema")]
mod schema;
mod util;
