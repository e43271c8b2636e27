//! What more than one page needs to show the rights content (`/content/rights.<lang>.json`).
//! Pages never import each other, so the list (`/rights`) and one right (`/rights/:id`)
//! share it from here.

use shared::api::content::{Right, RightText};

/// The version of a right's text to show: easy read or standard, as the visitor chose.
pub fn right_text(right: &Right, easy_read: bool) -> &RightText {
    if easy_read {
        &right.easy_read
    } else {
        &right.standard
    }
}
