//! The desktop's light/dark preference, for the "Follow the desktop" theme.
//!
//! egui follows the system theme when the windowing layer reports one, but on Linux winit
//! reports none (X11 has no such notion; Wayland only echoes an override), so egui would use
//! its fallback theme. Here the fallback is set from the freedesktop XDG settings portal
//! (`org.freedesktop.appearance` `color-scheme`, which GNOME, KDE and others implement) and
//! kept in sync when the desktop switches. Without a portal, or with "no preference", the
//! fallback is Claimdesk's light reading theme.

use egui::Theme;

/// The theme used when the desktop states no preference.
pub const NO_PREFERENCE: Theme = Theme::Light;

const PORTAL: &str = "org.freedesktop.portal.Desktop";
const PORTAL_PATH: &str = "/org/freedesktop/portal/desktop";
const SETTINGS: &str = "org.freedesktop.portal.Settings";
const NAMESPACE: &str = "org.freedesktop.appearance";
const KEY: &str = "color-scheme";

/// Makes `ctx`'s system theme follow the desktop: sets the fallback theme to
/// [`NO_PREFERENCE`] now, then, on a background thread, to the portal's answer and to every
/// change the portal announces. Which theme shows still depends on the user's choice
/// (`ThemePreference`); this only decides what "System" means.
pub fn follow(ctx: &egui::Context) {
    ctx.options_mut(|o| o.fallback_theme = NO_PREFERENCE);
    let ctx = ctx.clone();
    let started = std::thread::Builder::new()
        .name("desktop-theme".into())
        .spawn(move || {
            if let Err(e) = watch(&ctx) {
                eprintln!(
                    "claimdesk: the desktop's light/dark preference is unknown ({e}); \
                     \"Follow the desktop\" uses the light theme"
                );
            }
        });
    if let Err(e) = started {
        eprintln!("claimdesk: could not watch the desktop's light/dark preference: {e}");
    }
}

/// The theme a portal `color-scheme` value asks for: 1 prefers dark, 2 prefers light,
/// 0 (no preference) and unknown values say nothing.
pub fn theme_of_color_scheme(value: u32) -> Option<Theme> {
    match value {
        1 => Some(Theme::Dark),
        2 => Some(Theme::Light),
        _ => None,
    }
}

/// Reads the preference, applies it, then applies every change until the bus goes away.
fn watch(ctx: &egui::Context) -> zbus::Result<()> {
    let connection = zbus::blocking::Connection::session()?;
    let proxy = zbus::blocking::Proxy::new(&connection, PORTAL, PORTAL_PATH, SETTINGS)?;
    // Subscribe first so a change between the read and the subscription is not missed.
    let changes = proxy.receive_signal("SettingChanged")?;
    apply(ctx, read(&proxy)?);
    for message in changes {
        let (namespace, key, value): (String, String, zbus::zvariant::OwnedValue) =
            message.body().deserialize()?;
        if namespace == NAMESPACE && key == KEY {
            apply(ctx, color_scheme(value)?);
        }
    }
    Ok(())
}

/// The current `color-scheme`: `ReadOne` (portal version 2), else the older `Read`, which
/// wraps the value in one more variant.
fn read(proxy: &zbus::blocking::Proxy<'_>) -> zbus::Result<u32> {
    let value: zbus::zvariant::OwnedValue = match proxy.call("ReadOne", &(NAMESPACE, KEY)) {
        Ok(value) => value,
        Err(_) => proxy.call("Read", &(NAMESPACE, KEY))?,
    };
    color_scheme(value)
}

/// The `u32` inside a (possibly variant-wrapped) setting value.
fn color_scheme(value: zbus::zvariant::OwnedValue) -> zbus::Result<u32> {
    let mut value: zbus::zvariant::Value<'_> = value.into();
    while let zbus::zvariant::Value::Value(inner) = value {
        value = *inner;
    }
    u32::try_from(value).map_err(zbus::Error::Variant)
}

fn apply(ctx: &egui::Context, color_scheme: u32) {
    let theme = theme_of_color_scheme(color_scheme).unwrap_or(NO_PREFERENCE);
    ctx.options_mut(|o| o.fallback_theme = theme);
    ctx.request_repaint();
}

#[cfg(test)]
mod tests {
    use super::*;
    use zbus::zvariant::{OwnedValue, Value};

    #[test]
    fn portal_values_map_to_themes() {
        assert_eq!(theme_of_color_scheme(0), None);
        assert_eq!(theme_of_color_scheme(1), Some(Theme::Dark));
        assert_eq!(theme_of_color_scheme(2), Some(Theme::Light));
        assert_eq!(theme_of_color_scheme(7), None);
    }

    #[test]
    fn color_scheme_is_read_through_the_variant_wrapping() {
        let plain = OwnedValue::from(1u32);
        assert_eq!(color_scheme(plain).unwrap(), 1);
        let wrapped = OwnedValue::try_from(Value::Value(Box::new(Value::U32(2)))).unwrap();
        assert_eq!(color_scheme(wrapped).unwrap(), 2);
        let wrong = OwnedValue::from(true);
        assert!(color_scheme(wrong).is_err());
    }

    #[test]
    fn a_preference_sets_what_system_means() {
        let ctx = egui::Context::default();
        ctx.set_theme(egui::ThemePreference::System);
        apply(&ctx, 1);
        assert_eq!(ctx.theme(), Theme::Dark);
        apply(&ctx, 2);
        assert_eq!(ctx.theme(), Theme::Light);
        apply(&ctx, 0);
        assert_eq!(ctx.theme(), NO_PREFERENCE);
        // A user's explicit choice wins over the desktop.
        ctx.set_theme(Theme::Dark);
        apply(&ctx, 2);
        assert_eq!(ctx.theme(), Theme::Dark);
    }
}
