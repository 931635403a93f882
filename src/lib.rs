#![doc = include_str!("lib.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod codes;
mod decode;
mod enums;
mod locate;
mod model;
mod read;
mod unknown;
mod values;

#[cfg(feature = "dump")]
pub mod dump;
pub mod endpoint;
pub mod ndjson;
pub mod poll;
pub mod summary;
pub mod text;
pub mod validate;

#[cfg(feature = "schema")]
pub mod schema;

/// The `schemars` crate this crate's `schema` feature builds on, so that
/// [`schemars::JsonSchema`] and [`schemars::SchemaGenerator`] can be used
/// without a `schemars` line (of a matching version) in your manifest.
#[cfg(feature = "schema")]
pub use schemars;

pub use decode::error::{DecodeError, ErrorCategory};
pub use decode::{Decode, from_slice, from_str};
pub use enums::ParseEnumError;
pub use model::chunk::{Chunk, ChunkListResponse};
pub use model::detail::{Detail, DetailClass, DetailCode};
pub use model::document::{CreateTaskResponse, Document, DocumentKind, ErrorResponse, TaskListResponse, TaskSummary};
pub use model::envelope::{Meta, Paging, Status, TaskResponse};
pub use model::ids::{ObjectId, ObjectKind, TaskId};
pub use model::outcome::Outcome;
pub use model::progress::{NonFiniteProgress, Progress};
pub use model::result::{AlmError, TaskResult};
pub use model::state::TaskState;
pub use model::summary_report::{ChangeCounts, Differences, SummaryReport, SummaryReportResponse};
pub use model::task::Task;
pub use unknown::UnknownFields;
pub use values::{DetailValues, ExportSucceeded, HierarchyRowsProcessed, LineItemRowsProcessed, Pair, ValuesError};

/// The README's Rust examples, compiled and run as doctests so that the
/// repository's front page cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
