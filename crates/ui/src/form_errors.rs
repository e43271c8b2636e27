//! Errors a form shows: in the error summary and next to each field (GOV.UK pattern).

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::I18n;

/// One problem with what was typed, tied to the element a summary link moves focus to
/// (normally the input; its id).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub target_id: String,
    pub message: String,
}

/// Everything wrong with the last submission. Empty means "show no errors".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormErrors {
    pub fields: Vec<FieldError>,
    /// A problem not about one field ("We could not connect…"), shown in the summary only.
    pub general: Option<GeneralError>,
}

/// A problem with the whole submission. Kept as what happened rather than as words, so
/// the summary says it in the language shown when it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum GeneralError {
    /// A failed call, said in [`ApiError::plain_words`].
    Api(ApiError),
    /// A sentence from the server, already in the person's language (a 409's or a 429's
    /// message).
    Sentence(String),
}

impl GeneralError {
    pub fn words(&self, i18n: I18n) -> String {
        match self {
            Self::Api(error) => error.plain_words(i18n).to_owned(),
            Self::Sentence(sentence) => sentence.clone(),
        }
    }
}

impl FormErrors {
    pub fn field(target_id: impl Into<String>, message: impl Into<String>) -> Self {
        let mut errors = Self::default();
        errors.push(target_id, message);
        errors
    }

    /// Adds one field problem (pages checking several fields before sending).
    pub fn push(&mut self, target_id: impl Into<String>, message: impl Into<String>) {
        self.fields.push(FieldError {
            target_id: target_id.into(),
            message: message.into(),
        });
    }

    /// Maps a failed API call onto the form. `fields` pairs API field names with the id of
    /// the element on this page, in page order; field errors for other names, and every
    /// other kind of failure, become a general message in plain words.
    /// A 409's or a 429's own sentence from the server is shown as it came ("Too many
    /// tries. Try again in 10 minutes, or call 101.").
    pub fn from_api(error: &ApiError, fields: &[(&str, &str)]) -> Self {
        let ApiError::Validation(by_field) = error else {
            let general = match error {
                ApiError::Conflict(message) | ApiError::TooManyRequests(message)
                    if !message.is_empty() =>
                {
                    GeneralError::Sentence(message.clone())
                }
                other => GeneralError::Api(other.clone()),
            };
            return Self {
                fields: Vec::new(),
                general: Some(general),
            };
        };
        let fields: Vec<FieldError> = fields
            .iter()
            .filter_map(|(api_name, target_id)| {
                let message = by_field.get(*api_name)?.first()?;
                Some(FieldError {
                    target_id: (*target_id).to_owned(),
                    message: message.clone(),
                })
            })
            .collect();
        let general = fields.is_empty().then(|| GeneralError::Api(error.clone()));
        Self { fields, general }
    }

    /// `from_api` for pages that work out each element id from its API field name.
    /// `keys` are the API field names in page order.
    pub fn from_api_keys(
        error: &ApiError,
        keys: &[String],
        target_id: impl Fn(&str) -> String,
    ) -> Self {
        let ids: Vec<String> = keys.iter().map(|key| target_id(key)).collect();
        let pairs: Vec<(&str, &str)> = keys
            .iter()
            .map(String::as_str)
            .zip(ids.iter().map(String::as_str))
            .collect();
        Self::from_api(error, &pairs)
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.general.is_none()
    }

    /// The message for one field, if it has one.
    pub fn message_for(&self, target_id: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|error| error.target_id == target_id)
            .map(|error| error.message.clone())
    }
}

/// The message for one field as a signal, for a field component's `error` prop.
pub fn field_message(
    errors: Signal<FormErrors>,
    target_id: impl Into<String>,
) -> Signal<Option<String>> {
    let target_id = target_id.into();
    Signal::derive(move || errors.with(|errors| errors.message_for(&target_id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn validation_errors_map_to_field_ids_in_page_order() {
        let mut by_field = BTreeMap::new();
        by_field.insert("code".to_owned(), vec!["Wrong code".to_owned()]);
        by_field.insert(
            "crime_reference".to_owned(),
            vec!["Bad reference".to_owned()],
        );
        let errors = FormErrors::from_api(
            &ApiError::Validation(by_field),
            &[("crime_reference", "change-reference"), ("code", "code")],
        );
        assert_eq!(errors.fields[0].target_id, "change-reference");
        assert_eq!(errors.message_for("code").as_deref(), Some("Wrong code"));
        assert_eq!(errors.general, None);
    }

    #[test]
    fn other_failures_become_a_general_message() {
        let errors = FormErrors::from_api(&ApiError::Network, &[("code", "code")]);
        assert!(errors.fields.is_empty());
        assert_eq!(errors.general, Some(GeneralError::Api(ApiError::Network)));
        let unknown_field = FormErrors::from_api(
            &ApiError::Validation(BTreeMap::from([("other".to_owned(), vec!["x".to_owned()])])),
            &[("code", "code")],
        );
        assert!(matches!(
            unknown_field.general,
            Some(GeneralError::Api(ApiError::Validation(_)))
        ));
    }

    #[test]
    fn a_conflict_keeps_the_servers_sentence() {
        let sentence = "You already have 3 callback requests open.".to_owned();
        let errors = FormErrors::from_api(&ApiError::Conflict(sentence.clone()), &[]);
        assert_eq!(errors.general, Some(GeneralError::Sentence(sentence)));
        let silent = FormErrors::from_api(&ApiError::Conflict(String::new()), &[]);
        assert_eq!(
            silent.general,
            Some(GeneralError::Api(ApiError::Conflict(String::new())))
        );
    }

    #[test]
    fn too_many_tries_shows_the_servers_plain_words() {
        let sentence = "Too many tries. Try again in 10 minutes, or call 101.".to_owned();
        let errors = FormErrors::from_api(
            &ApiError::TooManyRequests(sentence.clone()),
            &[("code", "code")],
        );
        assert!(errors.fields.is_empty());
        assert_eq!(errors.general, Some(GeneralError::Sentence(sentence)));
    }

    #[test]
    fn api_field_names_map_through_the_pages_target_id() {
        let by_field = BTreeMap::from([(
            "windows.0.start".to_owned(),
            vec!["Enter a start time".to_owned()],
        )]);
        let keys = ["reason".to_owned(), "windows.0.start".to_owned()];
        let errors = FormErrors::from_api_keys(&ApiError::Validation(by_field), &keys, |key| {
            key.replace('.', "-")
        });
        assert_eq!(
            errors.message_for("windows-0-start").as_deref(),
            Some("Enter a start time")
        );
        assert_eq!(errors.general, None);
    }
}
