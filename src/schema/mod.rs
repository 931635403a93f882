//! JSON Schemas of the wire format, generated from the types, and their
//! Markdown documentation.
//!
//! The schemas are committed under `schemas/` and the documentation as
//! `docs/schema.md`; a test regenerates both and fails when a committed file
//! differs.
//!
//! [`SchemaKind`] names a body; [`schema()`] gives its schema as a value,
//! [`schema_text`] as the committed text, and [`markdown`] the
//! documentation of every body and finding code.
//!
//! ```
//! use anaplan_task::schema::{self, SchemaKind};
//! let schema = schema::schema(SchemaKind::TaskStatus);
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["title"], "Anaplan task status response");
//! assert!(schema::markdown().starts_with("# Anaplan task responses"));
//! ```

mod generate;
mod markdown;

pub use generate::{schema, schema_text};
pub use markdown::markdown;

use crate::DocumentKind;

crate::enums::str_enum! {
    /// One schema file: a body of the task family. Its text (`as_str`,
    /// `Display`, `FromStr`, serde) is the name used on the command line.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// let names: Vec<&str> = SchemaKind::ALL.iter().map(|k| k.as_str()).collect();
    /// assert_eq!(names, ["status", "create", "list", "chunks", "error", "summary-report"]);
    /// assert_eq!("chunks".parse(), Ok(SchemaKind::ChunkList));
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum SchemaKind as "schema" {
        /// The status and cancel calls: `task-response.schema.json`.
        TaskStatus = "status",
        /// The start call: `create-task-response.schema.json`.
        CreateTask = "create",
        /// The list call: `task-list-response.schema.json`.
        TaskList = "list",
        /// The chunk lists of the dump flow: `chunk-list-response.schema.json`.
        ChunkList = "chunks",
        /// Error bodies: `error-response.schema.json`.
        Error = "error",
        /// The ALM summary report: `summary-report-response.schema.json`.
        SummaryReport = "summary-report",
    }
}

impl SchemaKind {
    /// The file name under `schemas/`.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::TaskStatus.file_name(), "task-response.schema.json");
    /// ```
    pub fn file_name(self) -> &'static str {
        match self {
            Self::TaskStatus => "task-response.schema.json",
            Self::CreateTask => "create-task-response.schema.json",
            Self::TaskList => "task-list-response.schema.json",
            Self::ChunkList => "chunk-list-response.schema.json",
            Self::Error => "error-response.schema.json",
            Self::SummaryReport => "summary-report-response.schema.json",
        }
    }

    /// The schema's `$id`.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::TaskStatus.id(), "urn:anaplan-task:schema:task-response");
    /// ```
    pub fn id(self) -> String {
        format!(
            "urn:anaplan-task:schema:{}",
            self.file_name().trim_end_matches(".schema.json")
        )
    }

    /// The schema's `title`.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::Error.title(), "Anaplan error response");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Self::TaskStatus => "Anaplan task status response",
            Self::CreateTask => "Anaplan create-task response",
            Self::TaskList => "Anaplan task list response",
            Self::ChunkList => "Anaplan chunk list response",
            Self::Error => "Anaplan error response",
            Self::SummaryReport => "Anaplan ALM summary report response",
        }
    }

    /// The call whose body the schema describes.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::CreateTask.call(), "`POST {kind}/{actionId}/tasks`");
    /// ```
    pub fn call(self) -> &'static str {
        match self {
            Self::TaskStatus => "`GET` or `DELETE {kind}/{actionId}/tasks/{taskId}`",
            Self::CreateTask => "`POST {kind}/{actionId}/tasks`",
            Self::TaskList => "`GET {kind}/{actionId}/tasks`",
            Self::ChunkList => {
                "`GET .../tasks/{taskId}/dump/chunks`, `GET .../dumps/{objectId}/chunks` or `GET files/{fileId}/chunks`"
            }
            Self::Error => "any call answered with a 4xx status",
            Self::SummaryReport => "`GET models/{modelId}/alm/summaryReports/{targetRevisionId}/{sourceRevisionId}`",
        }
    }

    /// The schema for a kind of document.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// # use anaplan_task::DocumentKind;
    /// assert_eq!(SchemaKind::for_document(DocumentKind::TaskList), SchemaKind::TaskList);
    /// ```
    pub fn for_document(kind: DocumentKind) -> Self {
        match kind {
            DocumentKind::TaskStatus => Self::TaskStatus,
            DocumentKind::CreateTask => Self::CreateTask,
            DocumentKind::TaskList => Self::TaskList,
            DocumentKind::ChunkList => Self::ChunkList,
            DocumentKind::Error => Self::Error,
            DocumentKind::SummaryReport => Self::SummaryReport,
        }
    }

    /// The name of the root object, as the documentation titles it.
    fn root_name(self) -> &'static str {
        match self {
            Self::TaskStatus => "TaskResponse",
            Self::CreateTask => "CreateTaskResponse",
            Self::TaskList => "TaskListResponse",
            Self::ChunkList => "ChunkListResponse",
            Self::Error => "ErrorResponse",
            Self::SummaryReport => "SummaryReportResponse",
        }
    }
}
