//! [`Detail`]: one entry of `result.details`, with its [`DetailCode`] and
//! typed [`DetailValues`].

use crate::unknown::UnknownFields;
use serde::Serialize;
use serde::de::{self, Deserializer};

use crate::read::{Fields, Seen, keep_unknown};
use crate::values::{Deferred, DetailValues, TypedKind, ValuesSeed};

crate::enums::wire_enum! {
    /// The message code of a detail (its `type`): an open set.
    ///
    /// Every code Anaplan is known to send has a variant; any other code is
    /// kept in [`DetailCode::Other`]. [`DetailCode::class`] tells what kind of
    /// message it is.
    ///
    /// ```
    /// use anaplan_task::{DetailClass, DetailCode};
    /// assert_eq!(DetailCode::from_wire("hierarchyRowsProcessed").class(), DetailClass::Completion);
    /// assert_eq!(DetailCode::from_wire("dateFormatInvalid").class(), DetailClass::DataError);
    /// assert_eq!(DetailCode::from_wire("somethingNew").class(), DetailClass::Unknown);
    /// ```
    pub enum DetailCode expecting "a detail type", schema "The message code of a detail: an open set. Codes not listed are kept as sent." {
        HierarchyRowsProcessed = "hierarchyRowsProcessed" => "A list import finished; `values` holds the hierarchy name and 15 row counts.",
        HierarchyRowsProcessedWithFailures = "hierarchyRowsProcessedWithFailures" => "A list import finished with failed or warning rows; same keys as hierarchyRowsProcessed.",
        LineItemRowsProcessed = "lineItemRowsProcessed" => "A module import finished for one line item; `values` holds lineItemName, rowCount and ignoredCount.",
        ExportSucceeded = "exportSucceeded" => "An export finished; `values` holds exportName and serverAlert.",
        DeleteFromSelectionSucceeded = "deleteFromSelectionSucceeded" => "A delete action finished.",
        HierarchyNoChanges = "hierarchyNoChanges" => "A list import made no changes.",
        LineItemRowsProcessedWithFailures = "lineItemRowsProcessedWithFailures" => "A module import finished for one line item with failed rows.",
        TaskElementSucceeded = "taskElementSucceeded" => "A step of a task finished.",
        UsersRowsProcessed = "usersRowsProcessed" => "A users import finished.",
        VersionsRowsProcessed = "versionsRowsProcessed" => "A versions import finished.",
        ActionFailed = "actionFailed" => "The action failed.",
        ConnectorError = "connectorError" => "A data connector reported an error.",
        CrossCustomerImport = "crossCustomerImport" => "The import's source belongs to another customer.",
        DeleteFromSelectionFailed = "deleteFromSelectionFailed" => "A delete action failed.",
        FailedToLocateEntity = "failedToLocateEntity" => "An object the task needs was not found.",
        FailedToLocateHierarchy = "failedToLocateHierarchy" => "The list the task needs was not found.",
        FailedToLocateModel = "failedToLocateModel" => "The model the task needs was not found.",
        FailedToLocateModule = "failedToLocateModule" => "The module the task needs was not found.",
        FailedToLocateSavedView = "failedToLocateSavedView" => "The saved view the task needs was not found.",
        HierarchyImportFailed = "hierarchyImportFailed" => "A list import failed.",
        HierarchyImportDuplicateSourceKey = "hierarchyImportDuplicateSourceKey" => "A list import failed: a key appears twice in the source.",
        HierarchyImportDuplicateTargetKey = "hierarchyImportDuplicateTargetKey" => "A list import failed: a key appears twice in the target.",
        ImportFailedGeneralError = "importFailedGeneralError" => "An import failed.",
        InternalError = "internalError" => "The server reported an internal error.",
        MissingFields = "missingFields" => "Fields the task needs are missing.",
        ModuleImportFailed = "moduleImportFailed" => "A module import failed.",
        ModuleImportNoWriteAccess = "moduleImportNoWriteAccess" => "A module import failed: no write access.",
        MsgExportCancelled = "msgExportCancelled" => "An export was cancelled.",
        MsgImportCancelled = "msgImportCancelled" => "An import was cancelled.",
        NotAuthorised = "notAuthorised" => "The user is not authorised to run the task.",
        SourceModelArchived = "sourceModelArchived" => "The source model is archived.",
        UploadedFileNoLongerAvailable = "uploadedFileNoLongerAvailable" => "The uploaded source file is no longer available.",
        ColumnSeparatorExpected = "columnSeparatorExpected" => "A source row lacks a column separator.",
        DateFormatInvalid = "dateFormatInvalid" => "A source value is not a valid date.",
        HierarchyImportInvalidCode = "hierarchyImportInvalidCode" => "A source row has an invalid code.",
        HierarchyImportInvalidName = "hierarchyImportInvalidName" => "A source row has an invalid name.",
        HierarchyImportInvalidParent = "hierarchyImportInvalidParent" => "A source row has an invalid parent.",
        HierarchyImportEmptyKey = "hierarchyImportEmptyKey" => "A source row has an empty key.",
        HierarchyImportFailedDependency = "hierarchyImportFailedDependency" => "A source row depends on a row that failed.",
        HierarchyImportNameOrCodeExists = "hierarchyImportNameOrCodeExists" => "A source row's name or code already exists.",
        HierarchyImportAccessNoUpdate = "hierarchyImportAccessNoUpdate" => "A source row may not update its item.",
        HierarchyImportAccessNoMove = "hierarchyImportAccessNoMove" => "A source row may not move its item.",
        ModuleImportBooleanFormat = "moduleImportBooleanFormat" => "A source value is not a valid Boolean.",
        ModuleImportDateFormat = "moduleImportDateFormat" => "A source value is not a valid date.",
        ModuleImportNumberFormat = "moduleImportNumberFormat" => "A source value is not a valid number.",
        ModuleImportInvalidLineItemIdentifier = "moduleImportInvalidLineItemIdentifier" => "A source row names an unknown line item.",
        ModuleImportInvalidListIdentifier = "moduleImportInvalidListIdentifier" => "A source row names an unknown list item.",
        ModuleImportInvalidTimeEntityIdentifier = "moduleImportInvalidTimeEntityIdentifier" => "A source row names an unknown time period.",
        UnmatchedTextDelimiter = "unmatchedTextDelimiter" => "A source row has an unmatched text delimiter.",
        UsersImportInvalidEmail = "usersImportInvalidEmail" => "A source row has an invalid email address.",
        UsersImportInvalidRole = "usersImportInvalidRole" => "A source row names an unknown role.",
        UsersImportConflictingRoles = "usersImportConflictingRoles" => "A source row gives conflicting roles.",
    }
}

crate::enums::str_enum! {
    /// What kind of message a [`DetailCode`] is.
    ///
    /// ```
    /// use anaplan_task::DetailClass;
    /// assert_eq!(DetailClass::DataError.as_str(), "data-error");
    /// assert_eq!(format!("[{:<10}]", DetailClass::Failure), "[failure   ]");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum DetailClass as "detail class" {
        /// A report that a task or step finished (possibly with counts of failed rows).
        Completion = "completion",
        /// The task or step failed.
        Failure = "failure",
        /// A problem with source data: rows rejected or imported with warnings.
        DataError = "data-error",
        /// A code the crate does not know.
        Unknown = "unknown",
    }
}

impl DetailCode {
    /// What kind of message this code is.
    pub fn class(&self) -> DetailClass {
        use DetailCode::*;
        match self {
            HierarchyRowsProcessed
            | HierarchyRowsProcessedWithFailures
            | LineItemRowsProcessed
            | ExportSucceeded
            | DeleteFromSelectionSucceeded
            | HierarchyNoChanges
            | LineItemRowsProcessedWithFailures
            | TaskElementSucceeded
            | UsersRowsProcessed
            | VersionsRowsProcessed => DetailClass::Completion,
            ActionFailed
            | ConnectorError
            | CrossCustomerImport
            | DeleteFromSelectionFailed
            | FailedToLocateEntity
            | FailedToLocateHierarchy
            | FailedToLocateModel
            | FailedToLocateModule
            | FailedToLocateSavedView
            | HierarchyImportFailed
            | HierarchyImportDuplicateSourceKey
            | HierarchyImportDuplicateTargetKey
            | ImportFailedGeneralError
            | InternalError
            | MissingFields
            | ModuleImportFailed
            | ModuleImportNoWriteAccess
            | MsgExportCancelled
            | MsgImportCancelled
            | NotAuthorised
            | SourceModelArchived
            | UploadedFileNoLongerAvailable => DetailClass::Failure,
            ColumnSeparatorExpected
            | DateFormatInvalid
            | HierarchyImportInvalidCode
            | HierarchyImportInvalidName
            | HierarchyImportInvalidParent
            | HierarchyImportEmptyKey
            | HierarchyImportFailedDependency
            | HierarchyImportNameOrCodeExists
            | HierarchyImportAccessNoUpdate
            | HierarchyImportAccessNoMove
            | ModuleImportBooleanFormat
            | ModuleImportDateFormat
            | ModuleImportNumberFormat
            | ModuleImportInvalidLineItemIdentifier
            | ModuleImportInvalidListIdentifier
            | ModuleImportInvalidTimeEntityIdentifier
            | UnmatchedTextDelimiter
            | UsersImportInvalidEmail
            | UsersImportInvalidRole
            | UsersImportConflictingRoles => DetailClass::DataError,
            Other(_) => DetailClass::Unknown,
        }
    }

    /// The typed struct this code's `values` decode into, if any.
    pub(crate) fn typed(&self) -> Option<TypedKind> {
        match self {
            Self::HierarchyRowsProcessed | Self::HierarchyRowsProcessedWithFailures => Some(TypedKind::Hierarchy),
            Self::LineItemRowsProcessed => Some(TypedKind::LineItem),
            Self::ExportSucceeded => Some(TypedKind::Export),
            _ => None,
        }
    }
}

/// One entry of `result.details`: a message code, its English text and its
/// data.
///
/// Reading a detail decodes its `values` into the typed struct of its code
/// ([`DetailValues`]); a malformed array is an error naming the key and its
/// index. When `type` comes after `values` in the object, the array is read
/// first and decoded once the type is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "One entry of `result.details`: a message code, its English text and its data.",
        transform = crate::model::schema_rules::typed_values_keys
    )
)]
#[non_exhaustive]
pub struct Detail {
    /// `type`: the message code.
    #[serde(rename = "type")]
    pub code: DetailCode,
    /// `localMessageText`: the message in English; may end with a space.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_message_text: Option<String>,
    /// `occurrences`: normally 0; counts repeats of one data error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrences: Option<u64>,
    /// `values`: the flat key/value array; may be absent or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<DetailValues>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

/// A detail of the typed values' own code, so that the code and the values
/// agree: set `code` and `values` apart only to write what the server would
/// not, as a detail whose values are not those of its code is written as
/// set, and read back as an error (its `values` decoded by its code).
///
/// ```
/// use anaplan_task::{Detail, DetailCode, HierarchyRowsProcessed};
/// let detail = Detail::from(HierarchyRowsProcessed::new("Employees"));
/// assert_eq!(detail.code, DetailCode::HierarchyRowsProcessed);
/// assert!(detail.hierarchy_rows().is_some());
/// ```
impl From<crate::HierarchyRowsProcessed> for Detail {
    /// Code `hierarchyRowsProcessed`.
    fn from(values: crate::HierarchyRowsProcessed) -> Self {
        Self::with_values(
            DetailCode::HierarchyRowsProcessed,
            DetailValues::HierarchyRowsProcessed(values),
        )
    }
}

impl From<crate::LineItemRowsProcessed> for Detail {
    /// Code `lineItemRowsProcessed`.
    fn from(values: crate::LineItemRowsProcessed) -> Self {
        Self::with_values(
            DetailCode::LineItemRowsProcessed,
            DetailValues::LineItemRowsProcessed(values),
        )
    }
}

impl From<crate::ExportSucceeded> for Detail {
    /// Code `exportSucceeded`.
    fn from(values: crate::ExportSucceeded) -> Self {
        Self::with_values(DetailCode::ExportSucceeded, DetailValues::ExportSucceeded(values))
    }
}

impl Detail {
    fn with_values(code: DetailCode, values: DetailValues) -> Self {
        Self {
            values: Some(values),
            ..Self::new(code)
        }
    }

    /// A detail with only its code.
    pub fn new(code: DetailCode) -> Self {
        Self {
            code,
            local_message_text: None,
            occurrences: None,
            values: None,
            extra: UnknownFields::new(),
        }
    }

    /// The hierarchy counts, if this detail carries them.
    pub fn hierarchy_rows(&self) -> Option<&crate::HierarchyRowsProcessed> {
        match &self.values {
            Some(DetailValues::HierarchyRowsProcessed(v)) => Some(v),
            Some(DetailValues::LineItemRowsProcessed(_) | DetailValues::ExportSucceeded(_) | DetailValues::Raw(_))
            | None => None,
        }
    }

    /// The export's name and alert, if this detail carries them.
    pub fn export_succeeded(&self) -> Option<&crate::ExportSucceeded> {
        match &self.values {
            Some(DetailValues::ExportSucceeded(v)) => Some(v),
            Some(
                DetailValues::HierarchyRowsProcessed(_) | DetailValues::LineItemRowsProcessed(_) | DetailValues::Raw(_),
            )
            | None => None,
        }
    }

    /// The line-item counts, if this detail carries them.
    pub fn line_item_rows(&self) -> Option<&crate::LineItemRowsProcessed> {
        match &self.values {
            Some(DetailValues::LineItemRowsProcessed(v)) => Some(v),
            Some(DetailValues::HierarchyRowsProcessed(_) | DetailValues::ExportSucceeded(_) | DetailValues::Raw(_))
            | None => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Detail {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::read::deserialize_wire(deserializer)
    }
}

impl crate::read::Wire for Detail {
    const EXPECTING: &'static str = "a detail object";
    fn read_into<'de, F: Fields<'de>>(fields: F, slot: &mut Option<Self>) -> Result<(), F::Error> {
        *slot = Some(read_detail(fields)?);
        Ok(())
    }
    fn read<'de, F: Fields<'de>>(fields: F) -> Result<Self, F::Error> {
        read_detail(fields)
    }
}

// The fields of a detail, numbered for `Seen`.
const TYPE: u32 = 0;
const TEXT: u32 = 1;
const OCCURRENCES: u32 = 2;
const VALUES: u32 = 3;

/// Reads a detail: its `values` are typed by its `type`, in whichever
/// order the two come.
fn read_detail<'de, F: Fields<'de>>(mut map: F) -> Result<Detail, F::Error> {
    let mut seen = Seen::default();
    let mut code: Option<DetailCode> = None;
    let mut text = None;
    let mut occurrences = None;
    let mut values = None;
    // Whether the values still need typed decoding (they came before `type`).
    let mut pending = false;
    let mut extra = UnknownFields::new();
    while let Some(key) = map.key()? {
        match key.as_ref() {
            "type" => map.required_once(&mut seen, TYPE, "type", &mut code)?,
            "localMessageText" => map.optional_once(&mut seen, TEXT, "localMessageText", &mut text)?,
            "occurrences" => map.optional_once(&mut seen, OCCURRENCES, "occurrences", &mut occurrences)?,
            "values" => {
                seen.first_into(VALUES, "values", &values)?;
                pending = code.is_none();
                let typed = code.as_ref().and_then(DetailCode::typed);
                values = map.value_seed(ValuesSeed::new(typed))?;
            }
            _ => keep_unknown(&mut extra, key, &mut map)?,
        }
    }
    let code = code.ok_or_else(|| de::Error::missing_field("type"))?;
    if let (true, Some(kind), Some(DetailValues::Raw(raw))) = (pending, code.typed(), &values) {
        // Raised at the detail, the typed error is noted as deferred, so
        // that it is placed at the entry it is about.
        let typed = kind.decode_slice(raw).map_err(|e| {
            let deferred = Deferred(e);
            let error = de::Error::custom(&deferred);
            map.note(deferred);
            error
        })?;
        values = Some(typed);
    }
    Ok(Detail {
        code,
        local_message_text: text,
        occurrences,
        values,
        extra,
    })
}
