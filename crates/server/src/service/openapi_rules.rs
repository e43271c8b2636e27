//! The rules between fields that the server enforces, added to the OpenAPI document as
//! JSON Schema 2020-12 `if`/`then` (utoipa describes one field at a time and has no
//! words for them), so a client or a fuzzer knows them before it is told with a 422.
//! Each rule mirrors a check in `preferences::validate` or `callbacks::validate`; the
//! API tests send a body meeting the schema to make sure the server agrees.
//!
//! The rules describe what may be sent, not what is stored (version 1 is made from an
//! officer's record and need not meet them), so the preferences' rules go on a schema of
//! their own, `ContactPreferencesInput`, which only the PUT body uses.
//!
//! Not expressible here, and said in the descriptions instead: an end time after its
//! start time, and callback windows on the bookable dates inside the safe times.

use serde_json::{json, Value};
use shared::api::preferences::ContactMethod;
use shared::api::NOT_BLANK_PATTERN as NOT_BLANK;

/// The preferences as the PUT body: `ContactPreferences` and its rules.
const PREFERENCES_INPUT: &str = "ContactPreferencesInput";
const PREFERENCES_PATH: &str = "/api/cases/{crime_reference}/preferences";

/// Adds the rules to `doc` (the serialised document), in place.
pub fn add(doc: &mut Value) {
    let mut rules = vec![json!({"$ref": "#/components/schemas/ContactPreferences"})];
    rules.extend(contact_preferences_rules());
    doc["components"]["schemas"][PREFERENCES_INPUT] = json!({
        "description": "ContactPreferences as sent: with the rules between its fields.",
        "allOf": rules,
    });
    let body = &mut doc["paths"][PREFERENCES_PATH]["put"]["requestBody"]["content"]
        ["application/json"]["schema"];
    if body.is_object() {
        *body = json!({"$ref": format!("#/components/schemas/{PREFERENCES_INPUT}")});
    }
    if let Some(request) = doc["components"]["schemas"].get_mut("NewCallbackRequest") {
        request["allOf"] = json!([when(
            json!({"properties": {"reason": {"const": "something_else"}}}),
            text_required(&["details"]),
        )]);
    }
}

/// `if` → `then`.
fn when(condition: Value, then: Value) -> Value {
    json!({"if": condition, "then": then})
}

/// Either choice (`preferred_method` or `second_method`) is `method`.
fn chosen(method: ContactMethod) -> Value {
    let name = wire_name(method);
    json!({"anyOf": [
        {"properties": {"preferred_method": {"const": name}}},
        {"required": ["second_method"], "properties": {"second_method": {"const": name}}},
    ]})
}

/// Each of `fields` present, a string, and not blank.
fn text_required(fields: &[&str]) -> Value {
    let properties: serde_json::Map<String, Value> = fields
        .iter()
        .map(|field| {
            (
                (*field).to_owned(),
                json!({"type": "string", "pattern": NOT_BLANK}),
            )
        })
        .collect();
    json!({"required": fields, "properties": properties})
}

fn wire_name(method: ContactMethod) -> String {
    serde_json::to_value(method)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// As `preferences::validate` checks them.
fn contact_preferences_rules() -> Vec<Value> {
    let mut rules = vec![
        when(
            chosen(ContactMethod::PhoneCall),
            json!({
                "required": ["phone", "safe_times"],
                "properties": {"phone": {"type": "string"}, "safe_times": {"minItems": 1}},
            }),
        ),
        when(
            chosen(ContactMethod::TextMessage),
            json!({
                "required": ["phone"], "properties": {"phone": {"type": "string"}},
            }),
        ),
        when(
            chosen(ContactMethod::Email),
            json!({
                "required": ["email"], "properties": {"email": {"type": "string"}},
            }),
        ),
        when(chosen(ContactMethod::Letter), {
            let mut then = text_required(&["address"]);
            then["required"] = json!(["address", "postcode", "letters_safe"]);
            then["properties"]["postcode"] = json!({"type": "string"});
            then["properties"]["letters_safe"] = json!({"const": true});
            then
        }),
        when(
            json!({"properties": {"language": {"const": "other"}}}),
            text_required(&["other_language"]),
        ),
        when(
            json!({"properties": {"communication_needs": {"contains": {"const": "other"}}}}),
            text_required(&["other_needs"]),
        ),
    ];
    // The second choice differs from the first: one rule listing, for each first choice,
    // the second choices left. (An `enum` a fuzzer can draw from, where a `not` it cannot;
    // and one rule rather than five keeps the schema within what it can combine.)
    const METHODS: [ContactMethod; 5] = [
        ContactMethod::PhoneCall,
        ContactMethod::TextMessage,
        ContactMethod::Email,
        ContactMethod::Letter,
        ContactMethod::Visit,
    ];
    let pairs: Vec<Value> = METHODS
        .iter()
        .map(|method| {
            let mut others: Vec<Value> = METHODS
                .iter()
                .filter(|other| *other != method)
                .map(|other| Value::String(wire_name(*other)))
                .collect();
            others.push(Value::Null);
            json!({"properties": {
                "preferred_method": {"const": wire_name(*method)},
                "second_method": {"enum": others},
            }})
        })
        .collect();
    rules.push(json!({"anyOf": pairs}));
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_named_as_on_the_wire() {
        assert_eq!(wire_name(ContactMethod::PhoneCall), "phone_call");
        assert_eq!(wire_name(ContactMethod::Visit), "visit");
    }

    #[test]
    fn the_rules_land_on_their_schemas() {
        let body = json!({"$ref": "#/components/schemas/ContactPreferences"});
        let mut doc = json!({
            "paths": {PREFERENCES_PATH: {"put": {"requestBody": {"content": {
                "application/json": {"schema": body},
            }}}}},
            "components": {"schemas": {
                "ContactPreferences": {"type": "object"},
                "NewCallbackRequest": {"type": "object"},
            }},
        });
        add(&mut doc);
        let schemas = &doc["components"]["schemas"];
        assert_eq!(schemas["ContactPreferences"], json!({"type": "object"}));
        assert_eq!(
            schemas[PREFERENCES_INPUT]["allOf"].as_array().map(Vec::len),
            Some(8)
        );
        assert_eq!(
            doc["paths"][PREFERENCES_PATH]["put"]["requestBody"]["content"]["application/json"]
                ["schema"]["$ref"],
            "#/components/schemas/ContactPreferencesInput"
        );
        assert_eq!(
            schemas["NewCallbackRequest"]["allOf"][0]["then"]["required"],
            json!(["details"])
        );
    }
}
