//! [`ChunkListResponse`]: the list of a failure dump's or a file's chunks,
//! and its [`Chunk`]s.

use crate::unknown::UnknownFields;
use serde::Serialize;

use crate::model::envelope::{Meta, Status};

/// One entry of `chunks`: `{"id": "0", "name": "Chunk 0"}`.
///
/// Both fields are in every published sample; the id is decimal text, the
/// index of the chunk, which the call `.../chunks/{id}` fetches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Chunk {
    /// `id`: the chunk's index as decimal text (`"0"`, `"1"`, ...).
    pub id: String,
    /// `name`: such as `"Chunk 0"`.
    pub name: String,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(Chunk, "a chunk object", {
    id = "id" required,
    name = "name" required,
});

impl Chunk {
    /// A chunk with the given id and name.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            extra: UnknownFields::new(),
        }
    }
}

/// The body of the chunk-list calls of the dump flow: a failure dump's
/// chunks (`GET imports/{id}/tasks/{taskId}/dump/chunks`, or
/// `.../dumps/{objectId}/chunks` for a process step) and a file's chunks
/// (`GET files/{fileId}/chunks`).
///
/// It has the envelope of a list (`meta.paging`), `meta.schema` ends in
/// `/objects/chunk`, and the server leaves `chunks` out when there are none;
/// [`ChunkListResponse::chunks`] then gives an empty slice.
///
/// ```
/// use anaplan_task::{Document, DocumentKind};
/// let json = r#"{"meta":{"paging":{"currentPageSize":1,"offset":0,"totalSize":1},
///   "schema":"https://api.anaplan.com/2/0/models/0A1B2C3D4E5F60718293A4B5C6D7E8F9/objects/chunk"},
///   "status":{"code":200,"message":"Success"},"chunks":[{"id":"0","name":"Chunk 0"}]}"#;
/// let doc = Document::from_str(json).unwrap();
/// assert_eq!(doc.kind(), DocumentKind::ChunkList);
/// let Document::ChunkList(list) = doc else { unreachable!() };
/// assert_eq!(list.chunks()[0].name, "Chunk 0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "The body of the chunk-list calls of the dump flow (`GET .../dump/chunks`, `GET files/{fileId}/chunks`). `meta.schema` ends in `/objects/chunk`; the server leaves `chunks` out when there are none.",
        transform = crate::model::schema_rules::chunk_list_shape
    )
)]
#[non_exhaustive]
pub struct ChunkListResponse {
    /// `meta`: what the body is, with `paging`; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `status`: the HTTP status; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// `chunks`: absent when there are none.
    #[serde(rename = "chunks", skip_serializing_if = "Option::is_none")]
    pub chunks: Option<Vec<Chunk>>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(ChunkListResponse, "a chunk list response object", {
    meta = "meta" optional,
    status = "status" optional,
    chunks = "chunks" optional,
});

impl ChunkListResponse {
    /// A chunk list listing `chunks`, without `meta` or `status` (set them
    /// by field).
    ///
    /// ```
    /// use anaplan_task::{Chunk, ChunkListResponse};
    /// let list = ChunkListResponse::new(vec![Chunk::new("0", "Chunk 0")]);
    /// assert_eq!(list.chunks()[0].id, "0");
    /// ```
    pub fn new(chunks: Vec<Chunk>) -> Self {
        Self {
            meta: None,
            status: None,
            chunks: Some(chunks),
            extra: UnknownFields::new(),
        }
    }

    /// The chunks listed; empty when `chunks` is absent.
    pub fn chunks(&self) -> &[Chunk] {
        self.chunks.as_deref().unwrap_or_default()
    }
}
