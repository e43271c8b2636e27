//! Content the app loads as data (not compiled in): the Victims' Code rights and the
//! support directory, one file per language in `public/content/` (`rights.en.json`,
//! `support.en.json`; Welsh as `*.cy.json`). Adding a language adds files, not code.

use serde::{Deserialize, Serialize};

/// `public/content/rights.{lang}.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightsContent {
    /// BCP 47 language tag, e.g. `en`, `cy`.
    pub language: String,
    pub rights: Vec<Right>,
}

/// One of the 12 rights, in a standard and an easy-read version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Right {
    /// URL slug, e.g. `right-to-make-a-complaint`; the page is `/rights/{id}`.
    pub id: String,
    /// 1 to 12, the order in the Code.
    pub number: u8,
    pub standard: RightText,
    pub easy_read: RightText,
    /// What you can do (complaints, Right to Review, Victim Personal Statement…). `href`
    /// is an app path (`/rights/{id}`, `/support`, `/callbacks`…) or an `https://` address.
    pub links: Vec<ContentLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightText {
    pub title: String,
    /// One sentence for the list of rights.
    pub summary: String,
    /// "What you are entitled to", one paragraph each.
    pub entitled: Vec<String>,
    /// Time limits for victims with standard rights; `None` when none apply.
    pub time_limit_standard: Option<String>,
    /// Time limits for victims with enhanced rights; `None` when none apply.
    pub time_limit_enhanced: Option<String>,
    /// "If this does not happen", one paragraph each.
    pub if_not_met: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentLink {
    pub text: String,
    pub href: String,
}

/// `public/content/support.{lang}.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportDirectory {
    pub language: String,
    pub services: Vec<SupportService>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportService {
    pub id: String,
    pub name: String,
    /// What they help with, one or two plain sentences.
    pub helps_with: String,
    /// As people say it, e.g. "08 08 16 89 111".
    pub phone: Option<String>,
    /// Digits for `tel:` links, e.g. "+448081689111" or "116123".
    pub phone_link: Option<String>,
    /// `https://` address.
    pub website: Option<String>,
    /// e.g. "Open 24 hours, every day".
    pub hours: String,
    pub free: bool,
    pub twenty_four_hours: bool,
    /// Crime categories (as `CaseView::crime_category`) this service is for; empty = all.
    pub crime_categories: Vec<String>,
    /// Needs it meets, e.g. `emotional_support`, `safety`, `court`, `compensation`,
    /// `lgbt`, `mental_health`; used by the filter.
    pub needs: Vec<String>,
    /// A national line every victim should see.
    pub national: bool,
}
