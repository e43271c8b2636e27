//! Display settings chosen on `/settings`: text size, contrast, reading style, motion and
//! whether the rights pages start in easy read.
//!
//! Contract shared with the script in `index.html` (which applies them before first paint)
//! and with the browser tests: each setting is a local storage key holding a JSON value
//! written by gloo-storage, and each non-default choice is one class on `<html>`:
//!
//! | key                          | values                           | class on `<html>`          |
//! |------------------------------|----------------------------------|----------------------------|
//! | `safe-updates:text-size`     | `"default"` `"large"` `"larger"` | `app-text-large`, `app-text-larger` |
//! | `safe-updates:contrast`      | `"standard"` `"high"`            | `app-contrast-high`        |
//! | `safe-updates:reading-style` | `"standard"` `"dyslexia"`        | `app-reading-dyslexia`     |
//! | `safe-updates:motion`        | `"standard"` `"reduced"`         | `app-motion-reduced`       |
//! | `safe-updates:easy-read`     | `true` `false`                   | none (read by the rights pages) |
//!
//! They are display settings, not personal data, so they stay on the device: nothing is
//! sent to the server. Anything missing or unreadable counts as the default.

use gloo_storage::{LocalStorage, Storage};

pub use crate::components::easy_read_toggle::EASY_READ_KEY;

/// One setting with a few named values, stored as a JSON string under `KEY`.
pub trait DisplaySetting: Copy + PartialEq + Default + 'static {
    /// Local storage key.
    const KEY: &'static str;
    /// Every value, the default first.
    const ALL: &'static [Self];

    /// The stored value (also used in element ids).
    fn as_str(self) -> &'static str;

    /// The class this value puts on `<html>`; `None` for the default.
    fn root_class(self) -> Option<&'static str>;

    /// The value stored as `value`, if it is one of ours.
    fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|setting| setting.as_str() == value)
    }

    /// `(class, on)` for every class this setting can put on `<html>`.
    fn root_classes(self) -> impl Iterator<Item = (&'static str, bool)> {
        Self::ALL
            .iter()
            .filter_map(move |&setting| setting.root_class().map(|class| (class, setting == self)))
    }
}

/// Declares a setting enum: its key, and per value the stored string and its class.
macro_rules! display_setting {
    (
        $(#[$doc:meta])*
        $name:ident, key = $key:literal,
        default = $default:ident => $default_value:literal,
        $($variant:ident => $value:literal, class = $class:literal;)+
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub enum $name {
            #[default]
            $default,
            $($variant,)+
        }

        impl DisplaySetting for $name {
            const KEY: &'static str = $key;
            const ALL: &'static [Self] = &[Self::$default, $(Self::$variant,)+];

            fn as_str(self) -> &'static str {
                match self {
                    Self::$default => $default_value,
                    $(Self::$variant => $value,)+
                }
            }

            fn root_class(self) -> Option<&'static str> {
                match self {
                    Self::$default => None,
                    $(Self::$variant => Some($class),)+
                }
            }
        }
    };
}

display_setting! {
    /// Root font size: 100 %, 125 % or 150 % (all sizes in the CSS are in rem).
    TextSize, key = "safe-updates:text-size",
    default = Default => "default",
    Large => "large", class = "app-text-large";
    Larger => "larger", class = "app-text-larger";
}

display_setting! {
    /// High contrast: black on white, stronger borders and links (also the device's own
    /// "more contrast" setting, in the CSS).
    Contrast, key = "safe-updates:contrast",
    default = Standard => "standard",
    High => "high", class = "app-contrast-high";
}

display_setting! {
    /// Dyslexia-friendly: a device font with clear letterforms, more spacing, no italics.
    ReadingStyle, key = "safe-updates:reading-style",
    default = Standard => "standard",
    Dyslexia => "dyslexia", class = "app-reading-dyslexia";
}

display_setting! {
    /// Reduced motion: no animations, transitions or smooth scrolling.
    Motion, key = "safe-updates:motion",
    default = Standard => "standard",
    Reduced => "reduced", class = "app-motion-reduced";
}

/// Every display setting together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisplaySettings {
    pub text_size: TextSize,
    pub contrast: Contrast,
    pub reading_style: ReadingStyle,
    pub motion: Motion,
    /// The rights pages start in easy read (the same key as their own toggle).
    pub easy_read: bool,
}

impl DisplaySettings {
    /// `(class, on)` for every class the settings control on `<html>`.
    pub fn root_classes(&self) -> Vec<(&'static str, bool)> {
        self.text_size
            .root_classes()
            .chain(self.contrast.root_classes())
            .chain(self.reading_style.root_classes())
            .chain(self.motion.root_classes())
            .collect()
    }
}

/// The settings remembered on this device; defaults where storage is blocked or a value
/// is missing or not ours.
pub fn load() -> DisplaySettings {
    DisplaySettings {
        text_size: load_setting(),
        contrast: load_setting(),
        reading_style: load_setting(),
        motion: load_setting(),
        easy_read: LocalStorage::get::<bool>(EASY_READ_KEY).unwrap_or(false),
    }
}

fn load_setting<T: DisplaySetting>() -> T {
    LocalStorage::get::<String>(T::KEY)
        .ok()
        .and_then(|stored| T::parse(&stored))
        .unwrap_or_default()
}

/// Remembers the settings on this device. Storage may be blocked (private browsing): the
/// settings then still hold for this visit, as `apply_to_document` has applied them.
pub fn save(settings: &DisplaySettings) {
    save_setting(settings.text_size);
    save_setting(settings.contrast);
    save_setting(settings.reading_style);
    save_setting(settings.motion);
    _ = LocalStorage::set(EASY_READ_KEY, settings.easy_read);
}

fn save_setting<T: DisplaySetting>(setting: T) {
    _ = LocalStorage::set(T::KEY, setting.as_str());
}

/// Puts the settings' classes on `<html>` (and takes the others off), so they apply at once.
pub fn apply_to_document(settings: &DisplaySettings) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let class_list = root.class_list();
    for (class, on) in settings.root_classes() {
        _ = class_list.toggle_with_force(class, on);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: DisplaySetting + std::fmt::Debug>() {
        for &setting in T::ALL {
            assert_eq!(T::parse(setting.as_str()), Some(setting));
        }
        assert_eq!(T::ALL.first().copied(), Some(T::default()));
        assert_eq!(T::default().root_class(), None);
    }

    #[test]
    fn every_value_parses_back_from_its_stored_string() {
        round_trips::<TextSize>();
        round_trips::<Contrast>();
        round_trips::<ReadingStyle>();
        round_trips::<Motion>();
    }

    #[test]
    fn stored_strings_and_keys_match_the_contract() {
        let values: Vec<_> = TextSize::ALL.iter().map(|size| size.as_str()).collect();
        assert_eq!(values, ["default", "large", "larger"]);
        assert_eq!(TextSize::KEY, "safe-updates:text-size");
        assert_eq!(Contrast::KEY, "safe-updates:contrast");
        assert_eq!(Contrast::High.as_str(), "high");
        assert_eq!(ReadingStyle::KEY, "safe-updates:reading-style");
        assert_eq!(ReadingStyle::Dyslexia.as_str(), "dyslexia");
        assert_eq!(Motion::KEY, "safe-updates:motion");
        assert_eq!(Motion::Reduced.as_str(), "reduced");
        assert_eq!(EASY_READ_KEY, "safe-updates:easy-read");
    }

    #[test]
    fn unknown_or_differently_cased_values_are_not_parsed() {
        assert_eq!(TextSize::parse("huge"), None);
        assert_eq!(TextSize::parse("Large"), None);
        assert_eq!(Contrast::parse(""), None);
        assert_eq!(Motion::parse("\"reduced\""), None);
    }

    #[test]
    fn defaults_put_no_class_on_the_page() {
        let classes = DisplaySettings::default().root_classes();
        assert!(classes.iter().all(|&(_, on)| !on));
        let names: Vec<_> = classes.iter().map(|&(class, _)| class).collect();
        assert_eq!(
            names,
            [
                "app-text-large",
                "app-text-larger",
                "app-contrast-high",
                "app-reading-dyslexia",
                "app-motion-reduced",
            ]
        );
    }

    #[test]
    fn each_choice_turns_on_only_its_own_class() {
        let settings = DisplaySettings {
            text_size: TextSize::Larger,
            contrast: Contrast::High,
            reading_style: ReadingStyle::Standard,
            motion: Motion::Reduced,
            easy_read: true,
        };
        let on: Vec<_> = settings
            .root_classes()
            .into_iter()
            .filter_map(|(class, on)| on.then_some(class))
            .collect();
        assert_eq!(
            on,
            ["app-text-larger", "app-contrast-high", "app-motion-reduced"]
        );
    }
}
