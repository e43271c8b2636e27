//! The stages a case goes through, each explained in plain words with what usually happens
//! next. `cases.stage` holds one of these codes; the words are in
//! `locales/{lang}/server.json` under `stages.{code}`.

use shared::api::StageView;
use shared::Lang;

use crate::platform::i18n::text;

/// One stage of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stage {
    pub code: &'static str,
}

impl Stage {
    fn words(&self, lang: Lang, part: &str) -> String {
        text(lang, &format!("server.stages.{}.{part}", self.code)).to_owned()
    }

    /// The stage as the API shows it, in `lang`.
    pub fn view(&self, lang: Lang) -> StageView {
        StageView {
            code: self.code.to_owned(),
            title: self.words(lang, "title"),
            explanation: self.words(lang, "explanation"),
            what_happens_next: self.words(lang, "what_happens_next"),
        }
    }
}

/// The stage with this code, if there is one.
pub fn find(code: &str) -> Option<&'static Stage> {
    STAGES.iter().find(|stage| stage.code == code)
}

/// Every stage, in the usual order of a case.
pub const STAGES: &[Stage] = &[
    Stage { code: "reported" },
    Stage {
        code: "crime_recorded",
    },
    Stage {
        code: "under_investigation",
    },
    Stage {
        code: "suspect_identified",
    },
    Stage {
        code: "suspect_arrested",
    },
    Stage {
        code: "interviewed",
    },
    Stage {
        code: "released_on_bail",
    },
    Stage {
        code: "released_under_investigation",
    },
    Stage {
        code: "no_further_action",
    },
    Stage { code: "charged" },
    Stage {
        code: "out_of_court_disposal",
    },
    Stage {
        code: "first_hearing",
    },
    Stage { code: "plea" },
    Stage {
        code: "trial_date_set",
    },
    Stage { code: "trial" },
    Stage { code: "verdict" },
    Stage { code: "sentence" },
    Stage {
        code: "appeal_window",
    },
    Stage {
        code: "case_closed",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_explained_in_every_language() {
        for (i, stage) in STAGES.iter().enumerate() {
            assert!(stage
                .code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(STAGES[i + 1..].iter().all(|other| other.code != stage.code));
            for lang in Lang::ALL {
                let view = stage.view(lang);
                for words in [&view.title, &view.explanation, &view.what_happens_next] {
                    // `text` answers with the key when there is no translation.
                    assert!(
                        !words.is_empty() && !words.starts_with("server."),
                        "{} has no {} words",
                        stage.code,
                        lang.tag()
                    );
                    assert!(!words.contains("  "), "{} has a double space", stage.code);
                }
            }
        }
    }

    #[test]
    fn finds_by_code() {
        assert_eq!(
            find("charged").map(|s| s.view(Lang::En).title),
            Some("Charged: going to court".to_owned())
        );
        assert_eq!(
            find("charged").map(|s| s.view(Lang::Cy).title),
            Some("Wedi'i gyhuddo: mynd i'r llys".to_owned())
        );
        assert_eq!(find("nonsense"), None);
    }
}
