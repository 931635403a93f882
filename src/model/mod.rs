//! The wire objects of the task family, one file each, and the
//! [`Document`](crate::Document) that tells the bodies apart.

pub(crate) mod chunk;
pub(crate) mod detail;
pub(crate) mod document;
pub(crate) mod envelope;
pub(crate) mod ids;
pub(crate) mod outcome;
pub(crate) mod progress;
pub(crate) mod result;
#[cfg(feature = "schema")]
pub(crate) mod schema_rules;
pub(crate) mod shape;
pub(crate) mod state;
pub(crate) mod summary_report;
pub(crate) mod task;
pub(crate) mod traits;
