//! `FromStr` of the documents (a status response or any document of the
//! family, read from JSON text), and which types [`crate::from_str`]
//! reads. (The string enums' traits are written by the macros of
//! `crate::enums`.)

/// Reads a status response from JSON text, as [`crate::from_str`] does.
///
/// ```
/// use anaplan_task::{Outcome, TaskResponse};
/// let json = include_str!("../../tests/fixtures/valid/seed.json");
/// let response: TaskResponse = json.parse()?;
/// assert_eq!(response.outcome(), Outcome::Succeeded);
/// # Ok::<(), anaplan_task::DecodeError>(())
/// ```
impl std::str::FromStr for crate::TaskResponse {
    type Err = crate::DecodeError;
    fn from_str(json: &str) -> Result<Self, Self::Err> {
        crate::from_str(json)
    }
}

/// Reads any document of the family from JSON text, as
/// [`Document::from_str`](crate::Document::from_str) does.
///
/// ```
/// use anaplan_task::{Document, DocumentKind};
/// let doc: Document = r#"{"status": {"code": 404, "message": "Not Found"}}"#.parse()?;
/// assert_eq!(doc.kind(), DocumentKind::Error);
/// # Ok::<(), anaplan_task::DecodeError>(())
/// ```
impl std::str::FromStr for crate::Document {
    type Err = crate::DecodeError;
    fn from_str(json: &str) -> Result<Self, Self::Err> {
        crate::Document::from_str(json)
    }
}

/// `FromStr` of the other bodies: [`crate::from_str`], as for
/// [`TaskResponse`](crate::TaskResponse).
macro_rules! from_str_of_bodies {
    ($($body:ty),+) => {$(
        impl std::str::FromStr for $body {
            type Err = crate::DecodeError;
            fn from_str(json: &str) -> Result<Self, Self::Err> {
                crate::from_str(json)
            }
        }
    )+};
}

from_str_of_bodies!(
    crate::CreateTaskResponse,
    crate::TaskListResponse,
    crate::ChunkListResponse,
    crate::ErrorResponse,
    crate::SummaryReportResponse
);

// The bodies of the family and the objects inside them are read by
// `crate::from_str`.
impl crate::Decode for crate::Document {}
impl crate::Decode for crate::TaskResponse {}
impl crate::Decode for crate::CreateTaskResponse {}
impl crate::Decode for crate::TaskListResponse {}
impl crate::Decode for crate::ChunkListResponse {}
impl crate::Decode for crate::ErrorResponse {}
impl crate::Decode for crate::SummaryReportResponse {}
impl crate::Decode for crate::SummaryReport {}
impl crate::Decode for crate::Differences {}
impl crate::Decode for crate::ChangeCounts {}
impl crate::Decode for crate::AlmError {}
impl crate::Decode for crate::Task {}
impl crate::Decode for crate::TaskSummary {}
impl crate::Decode for crate::TaskResult {}
impl crate::Decode for crate::Detail {}
impl crate::Decode for crate::Chunk {}
impl crate::Decode for crate::Meta {}
impl crate::Decode for crate::Paging {}
impl crate::Decode for crate::Status {}
