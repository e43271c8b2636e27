//! `/settings`: accessibility settings (text size, contrast, reading style, motion, easy
//! read), each remembered on the device and applied before first paint (see
//! `crate::display_settings` and the script in `index.html`).
//!
//! There is no "Save" button: a choice applies and is remembered as soon as it is made,
//! which the page says at the top, and each change is said in a polite live region
//! ("Text size set to larger") because the page itself may change a lot around the radio.
//! While signed in, the page ends with "Sign out everywhere" (`SignOutEverywhere`).

use leptos::prelude::*;

use crate::components::{Button, ButtonVariant, Fieldset, PageTitle, RadioItem, SignOutEverywhere};
use crate::display_settings::{
    self, Contrast, DisplaySetting, DisplaySettings, Motion, ReadingStyle, TextSize,
};
use crate::i18n::*;

/// What a value is called on the page, and what is announced when it is chosen.
struct Wording {
    label: &'static str,
    announcement: &'static str,
}

fn text_size_wording(i18n: I18n, size: TextSize) -> Wording {
    match size {
        TextSize::Default => Wording {
            label: t_string!(i18n, settings.text_size_default),
            announcement: t_string!(i18n, settings.announce_text_size_default),
        },
        TextSize::Large => Wording {
            label: t_string!(i18n, settings.text_size_large),
            announcement: t_string!(i18n, settings.announce_text_size_large),
        },
        TextSize::Larger => Wording {
            label: t_string!(i18n, settings.text_size_larger),
            announcement: t_string!(i18n, settings.announce_text_size_larger),
        },
    }
}

fn contrast_wording(i18n: I18n, contrast: Contrast) -> Wording {
    match contrast {
        Contrast::Standard => Wording {
            label: t_string!(i18n, settings.contrast_standard),
            announcement: t_string!(i18n, settings.announce_contrast_standard),
        },
        Contrast::High => Wording {
            label: t_string!(i18n, settings.contrast_high),
            announcement: t_string!(i18n, settings.announce_contrast_high),
        },
    }
}

fn reading_style_wording(i18n: I18n, style: ReadingStyle) -> Wording {
    match style {
        ReadingStyle::Standard => Wording {
            label: t_string!(i18n, settings.reading_style_standard),
            announcement: t_string!(i18n, settings.announce_reading_style_standard),
        },
        ReadingStyle::Dyslexia => Wording {
            label: t_string!(i18n, settings.reading_style_dyslexia),
            announcement: t_string!(i18n, settings.announce_reading_style_dyslexia),
        },
    }
}

fn motion_wording(i18n: I18n, motion: Motion) -> Wording {
    match motion {
        Motion::Standard => Wording {
            label: t_string!(i18n, settings.motion_standard),
            announcement: t_string!(i18n, settings.announce_motion_standard),
        },
        Motion::Reduced => Wording {
            label: t_string!(i18n, settings.motion_reduced),
            announcement: t_string!(i18n, settings.announce_motion_reduced),
        },
    }
}

fn easy_read_wording(i18n: I18n, easy_read: bool) -> Wording {
    if easy_read {
        Wording {
            label: t_string!(i18n, settings.easy_read_yes),
            announcement: t_string!(i18n, settings.announce_easy_read_on),
        }
    } else {
        Wording {
            label: t_string!(i18n, settings.easy_read_no),
            announcement: t_string!(i18n, settings.announce_easy_read_off),
        }
    }
}

/// The page's state: the settings as chosen, and the last change to announce.
#[derive(Clone, Copy)]
struct SettingsState {
    settings: RwSignal<DisplaySettings>,
    announcement: RwSignal<&'static str>,
}

impl SettingsState {
    /// Applies a change at once, remembers it on the device and announces it.
    fn change(self, update: impl FnOnce(&mut DisplaySettings), announcement: &'static str) {
        self.settings.update(update);
        let current = self.settings.get_untracked();
        display_settings::apply_to_document(&current);
        display_settings::save(&current);
        self.announcement.set(announcement);
    }

    /// A `SettingRadios` callback: `set` stores the chosen value in the settings.
    fn on_choose<T: Copy + Send + Sync + 'static>(
        self,
        i18n: I18n,
        wording: fn(I18n, T) -> Wording,
        set: fn(&mut DisplaySettings, T),
    ) -> Callback<T> {
        Callback::new(move |value: T| {
            self.change(
                |settings| set(settings, value),
                wording(i18n, value).announcement,
            )
        })
    }

    /// One field of the settings as a signal.
    fn read<T: Send + Sync + 'static>(self, field: fn(&DisplaySettings) -> T) -> Signal<T> {
        let settings = self.settings;
        Signal::derive(move || settings.with(field))
    }
}

/// `(value, id suffix, label)` for every value of a setting, the default first.
fn options<T: DisplaySetting>(
    i18n: I18n,
    wording: fn(I18n, T) -> Wording,
) -> Vec<(T, &'static str, &'static str)> {
    T::ALL
        .iter()
        .map(|&value| (value, value.as_str(), wording(i18n, value).label))
        .collect()
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = SettingsState {
        settings: RwSignal::new(display_settings::load()),
        announcement: RwSignal::new(""),
    };
    let reset = move |_| {
        state.change(
            |settings| *settings = DisplaySettings::default(),
            t_string!(i18n, settings.announce_reset),
        )
    };
    view! {
        <PageTitle title=Signal::derive(move || t_string!(i18n, settings.title).to_string()) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, settings.title)}</h1>
        <p class="app-body">{t!(i18n, settings.intro)}</p>
        <div class="app-inset">
            <p class="app-body app-inset__title">{t!(i18n, settings.saved_straight_away)}</p>
            <p class="app-body">{t!(i18n, settings.device_only)}</p>
        </div>
        <div class="app-visually-hidden" role="status" aria-live="polite">
            {move || state.announcement.get()}
        </div>

        <SettingRadios
            name="text-size"
            legend=t_string!(i18n, settings.text_size_legend)
            hint=t_string!(i18n, settings.text_size_hint)
            options=options(i18n, text_size_wording)
            current=state.read(|settings| settings.text_size)
            on_choose=state.on_choose(i18n, text_size_wording, |settings, size| settings.text_size = size)
        />
        <SettingRadios
            name="contrast"
            legend=t_string!(i18n, settings.contrast_legend)
            hint=t_string!(i18n, settings.contrast_hint)
            options=options(i18n, contrast_wording)
            current=state.read(|settings| settings.contrast)
            on_choose=state.on_choose(i18n, contrast_wording, |settings, contrast| settings.contrast = contrast)
        />
        <SettingRadios
            name="reading-style"
            legend=t_string!(i18n, settings.reading_style_legend)
            hint=t_string!(i18n, settings.reading_style_hint)
            options=options(i18n, reading_style_wording)
            current=state.read(|settings| settings.reading_style)
            on_choose=state.on_choose(i18n, reading_style_wording, |settings, style| settings.reading_style = style)
        />
        <SettingRadios
            name="motion"
            legend=t_string!(i18n, settings.motion_legend)
            hint=t_string!(i18n, settings.motion_hint)
            options=options(i18n, motion_wording)
            current=state.read(|settings| settings.motion)
            on_choose=state.on_choose(i18n, motion_wording, |settings, motion| settings.motion = motion)
        />
        <SettingRadios
            name="easy-read"
            legend=t_string!(i18n, settings.easy_read_legend)
            hint=t_string!(i18n, settings.easy_read_hint)
            options=vec![
                (true, "yes", easy_read_wording(i18n, true).label),
                (false, "no", easy_read_wording(i18n, false).label),
            ]
            current=state.read(|settings| settings.easy_read)
            on_choose=state.on_choose(i18n, easy_read_wording, |settings, on| settings.easy_read = on)
        />

        <Button variant=ButtonVariant::Secondary on:click=reset>
            {t!(i18n, settings.reset_button)}
        </Button>

        <h2 class="app-heading-m">{t!(i18n, settings.other_ways_heading)}</h2>
        <p class="app-body">{t!(i18n, settings.device_own_settings)}</p>
        <p class="app-body">{t!(i18n, settings.language_note)}</p>
        <p class="app-body">{t!(i18n, settings.cleared_note)}</p>

        <SignOutEverywhere />
    }
}

/// One setting as a group of radios; choosing one calls `on_choose` straight away.
#[component]
fn SettingRadios<T>(
    /// The radios' `name`, and the prefix of their ids (`<name>-<suffix>`).
    name: &'static str,
    legend: &'static str,
    hint: &'static str,
    /// `(value, id suffix, label)` in the order shown.
    options: Vec<(T, &'static str, &'static str)>,
    current: Signal<T>,
    on_choose: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <Fieldset id=name legend hint=Some(hint)>
            {options
                .into_iter()
                .map(|(value, suffix, label)| {
                    view! {
                        <RadioItem
                            id=format!("{name}-{suffix}")
                            name
                            label
                            checked=Signal::derive(move || current.get() == value)
                            on_select=Callback::new(move |()| on_choose.run(value))
                        />
                    }
                })
                .collect_view()}
        </Fieldset>
    }
}
