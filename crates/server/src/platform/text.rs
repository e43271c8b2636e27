//! `clean_text`: the one rule for text people send us. Every string in a JSON body goes
//! through it before the body is read into its type (`platform::json`), and so does the
//! password `create-supervisor` reads, so a password typed either way hashes the same.
//!
//! What it does, and why:
//! - Line breaks are kept, as `\n` (`\r\n`, `\r`, U+2028 and U+2029 become `\n`): the
//!   address, "Tell us more" and other needs are multi-line. A tab becomes a space.
//! - Every other control character goes: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
//!   They have no place in a name or a sentence and some break logs, CSV exports or SMS.
//! - Bidirectional embeddings, overrides and isolates go (U+202A–U+202E, U+2066–U+2069):
//!   they can make stored text read differently from what it is ("Trojan Source"), e.g. an
//!   officer seeing a reversed phone number or address. The single marks LRM, RLM and ALM
//!   (U+200E, U+200F, U+061C) stay: real right-to-left names need them, and they cannot
//!   reverse or hide a run of text.
//! - A byte order mark (U+FEFF) goes: it is never part of the text.
//! - Then the result is put in Unicode Normalization Form C, so "é" typed as `e` + U+0301
//!   and as U+00E9 are stored, compared and counted the same.

use unicode_normalization::UnicodeNormalization;

/// `text` as we store it: see the module comment.
pub fn clean_text(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // `\r\n` is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                kept.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => kept.push('\n'),
            '\t' => kept.push(' '),
            _ if is_removed(c) => {}
            _ => kept.push(c),
        }
    }
    kept.nfc().collect()
}

/// True when `text` is already as `clean_text` would make it (no copy needed).
pub fn is_clean(text: &str) -> bool {
    !text
        .chars()
        .any(|c| is_removed(c) || matches!(c, '\r' | '\t' | '\u{2028}' | '\u{2029}'))
        && unicode_normalization::is_nfc(text)
}

/// Characters removed outright.
fn is_removed(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_letters_are_composed() {
        let decomposed = "Zoe\u{0308} Bellame\u{0301}";
        assert_eq!(clean_text(decomposed), "Zoë Bellamé");
        assert_eq!(clean_text(decomposed).chars().count(), 11);
        assert!(!is_clean(decomposed));
        assert!(is_clean("Zoë Bellamé"));
    }

    #[test]
    fn bidi_overrides_and_isolates_are_removed() {
        // U+202E would show "Call 07700 900982" with the number reversed.
        assert_eq!(clean_text("Call \u{202E}289009 00770"), "Call 289009 00770");
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}',
        ] {
            assert_eq!(clean_text(&format!("a{c}b")), "ab", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn single_direction_marks_stay_for_right_to_left_names() {
        let name = "\u{05D3}\u{05E0}\u{05D4}\u{200F} 2";
        assert_eq!(clean_text(name), name);
        assert!(is_clean("a\u{200E}b\u{061C}c"));
    }

    #[test]
    fn control_characters_go_but_line_breaks_stay() {
        assert_eq!(
            clean_text("1 High St\r\nFlat 2\rTown"),
            "1 High St\nFlat 2\nTown"
        );
        assert_eq!(clean_text("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(clean_text("a\tb"), "a b");
        assert_eq!(
            clean_text("nul\u{0}bell\u{7}del\u{7F}c1\u{85}\u{9B}end"),
            "nulbelldelc1end"
        );
        assert_eq!(clean_text("\u{FEFF}text"), "text");
    }

    #[test]
    fn removing_a_character_between_combining_marks_still_composes() {
        // "e", an override, then a combining acute: the accent belongs to the "e" after all.
        assert_eq!(clean_text("e\u{202E}\u{0301}"), "é");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        for text in [
            "",
            "Sam O'Neil",
            "Llanfairpwll",
            "Siân ap Rhys",
            "日本語",
            "🙂👍🏽",
            "a\u{200D}b",
        ] {
            assert_eq!(clean_text(text), text);
            assert!(is_clean(text), "{text}");
        }
    }
}
