//! `anaplan-task schema` and `anaplan-task docs`: the JSON Schema of a
//! response body, and the Markdown documentation of all of them, as the
//! library writes them.

use std::io;

use anaplan_task::schema;

use super::args::SchemaArg;
use super::output;

/// Prints the JSON Schema of one body.
pub fn schema(body: SchemaArg) -> io::Result<()> {
    output::print(&schema::schema_text(body.into()))
}

/// Prints the Markdown documentation of the schemas.
pub fn docs() -> io::Result<()> {
    output::print(&schema::markdown())
}
