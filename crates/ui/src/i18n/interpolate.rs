//! Translated sentences with something inside them (a `tel:` link, a count): the text is
//! split at its `{{ name }}` placeholders and the given views are put in their places.

use leptos::prelude::*;

/// A value for one placeholder.
pub struct Piece(AnyView);

impl Piece {
    pub fn from_view(view: impl IntoView + 'static) -> Self {
        Self(view.into_view().into_any())
    }
}

/// `template` as views: its text with each `{{ name }}` replaced by the value given for
/// that name. A placeholder with no value given shows nothing (the locales test keeps
/// placeholders the same in both languages, so this does not happen in practice).
pub fn interpolate(template: &'static str, values: Vec<(&'static str, Piece)>) -> Vec<AnyView> {
    let mut values: Vec<(&str, Option<Piece>)> = values
        .into_iter()
        .map(|(name, piece)| (name, Some(piece)))
        .collect();
    let mut views = Vec::new();
    for part in split(template) {
        match part {
            Part::Text(text) => views.push(text.into_any()),
            Part::Placeholder(name) => {
                let piece = values
                    .iter_mut()
                    .find(|(known, _)| *known == name)
                    .and_then(|(_, piece)| piece.take());
                if let Some(Piece(view)) = piece {
                    views.push(view);
                }
            }
        }
    }
    views
}

#[derive(Debug, PartialEq, Eq)]
enum Part {
    Text(&'static str),
    Placeholder(&'static str),
}

/// "Call {{ number }} now" → Text("Call "), Placeholder("number"), Text(" now").
fn split(template: &'static str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|close| open + close) else {
            break;
        };
        if open > 0 {
            parts.push(Part::Text(&rest[..open]));
        }
        parts.push(Part::Placeholder(rest[open + 2..close].trim()));
        rest = &rest[close + 2..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_text_around_placeholders() {
        assert_eq!(
            split("Call {{ number }} or {{other}}."),
            vec![
                Part::Text("Call "),
                Part::Placeholder("number"),
                Part::Text(" or "),
                Part::Placeholder("other"),
                Part::Text("."),
            ]
        );
        assert_eq!(split("{{ a }}"), vec![Part::Placeholder("a")]);
        assert_eq!(split("No values"), vec![Part::Text("No values")]);
        assert_eq!(split("Unclosed {{ a"), vec![Part::Text("Unclosed {{ a")]);
    }
}
