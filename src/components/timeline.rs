//! `Timeline`: the case's updates, newest first.
//!
//! Markup: `<ol class="app-timeline">`; each update is an `<li>` holding an `<article>` with
//! an `<h3>` title (so screen reader users can jump between updates by heading), a
//! `<time datetime="YYYY-MM-DD">` in words, then "What happened" and "What happens next"
//! as `<h4>` sub-headings. An empty list says so in words rather than showing nothing.
//! Updates the Victims' Code required us to give end with how fast we gave them, in words
//! ("— on time." / "— 2 working days late."), never colour alone. The officer's titles and
//! texts are shown as they were written, marked `lang` where the officer wrote them in the
//! other language than the page's.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::{CaseUpdateView, VcopTiming};

use crate::format::{fill, long_date};
use crate::i18n::*;

#[component]
pub fn Timeline(updates: Vec<CaseUpdateView>) -> impl IntoView {
    let i18n = use_i18n();
    if updates.is_empty() {
        return Either::Left(view! { <p class="app-body">{t!(i18n, case.no_updates)}</p> });
    }
    // The page is rebuilt when the language changes, so the language it starts in holds.
    let locale = i18n.get_locale_untracked();
    Either::Right(view! {
        <ol class="app-timeline">
            {updates
                .into_iter()
                .map(|update| {
                    let date = long_date(locale, &update.date);
                    // The officer's words carry their own language where it is not the page's.
                    let lang = (update.language.tag() != locale.as_str()).then(|| update.language.tag());
                    view! {
                        <li class="app-timeline__item">
                            <article class="app-timeline__update">
                                <h3 class="app-timeline__title app-heading-m" lang=lang>{update.title}</h3>
                                <p class="app-timeline__date">
                                    <time datetime=update.date>{date}</time>
                                </p>
                                <h4 class="app-heading-s">{t!(i18n, case.what_happened)}</h4>
                                <p class="app-body" lang=lang>{update.what_happened}</p>
                                <h4 class="app-heading-s">{t!(i18n, case.what_happens_next)}</h4>
                                <p class="app-body" lang=lang>{update.what_happens_next}</p>
                                {update.vcop.as_ref().map(|vcop| {
                                    view! { <p class="app-body app-timeline__vcop">{vcop_sentence(locale, vcop)}</p> }
                                })}
                            </article>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    })
}

/// "You should have been told within 1 working day. We told you on 3 November — on time."
pub fn vcop_sentence(locale: Locale, vcop: &VcopTiming) -> String {
    let allowed = working_days(locale, vcop.working_days_allowed);
    let told_on = long_date(locale, &vcop.told_on);
    match vcop.late_by_working_days {
        0 => fill(
            td_string!(locale, case.told_on_time),
            &[("allowed", &allowed), ("told_on", &told_on)],
        ),
        late => fill(
            td_string!(locale, case.told_late),
            &[
                ("allowed", &allowed),
                ("told_on", &told_on),
                ("late", &working_days(locale, late)),
            ],
        ),
    }
}

/// "1 working day", "2 working days": Welsh mutates after 2 ("2 ddiwrnod gwaith"), so 2
/// has its own words too.
fn working_days(locale: Locale, count: u32) -> String {
    match count {
        1 => td_string!(locale, case.one_working_day).to_owned(),
        2 => td_string!(locale, case.two_working_days).to_owned(),
        days => fill(
            td_string!(locale, case.many_working_days),
            &[("days", &days.to_string())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timing(late_by_working_days: u32) -> VcopTiming {
        VcopTiming {
            event_date: "2025-11-03".into(),
            working_days_allowed: 1,
            deadline: "2025-11-04".into(),
            told_on: "2025-11-03".into(),
            late_by_working_days,
        }
    }

    #[test]
    fn says_whether_we_were_on_time_in_words() {
        assert_eq!(
            vcop_sentence(Locale::en, &timing(0)),
            "You should have been told within 1 working day. We told you on 3 November 2025 — on time."
        );
        assert!(vcop_sentence(Locale::en, &timing(2)).ends_with("— 2 working days late."));
        assert!(vcop_sentence(Locale::en, &timing(5)).ends_with("— 5 working days late."));
    }

    #[test]
    fn says_it_in_welsh_too() {
        assert_eq!(
            vcop_sentence(Locale::cy, &timing(0)),
            "Dylech fod wedi cael gwybod o fewn 1 diwrnod gwaith. Fe wnaethom ddweud wrthych ar 3 Tachwedd 2025 — mewn pryd."
        );
        assert!(vcop_sentence(Locale::cy, &timing(2)).ends_with("— 2 ddiwrnod gwaith yn hwyr."));
        assert!(vcop_sentence(Locale::cy, &timing(3)).ends_with("— 3 diwrnod gwaith yn hwyr."));
    }
}
