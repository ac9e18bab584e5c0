//! Integration with the desktop: the app id that ties the window to its launcher entry, the
//! window icon, how several files from the file manager are opened, and the desktop's
//! light/dark preference. The freedesktop files that go with it live in `packaging/`.

pub mod icon;
pub mod launch;
pub mod system_theme;

/// The window's app id (Wayland `app_id`; on X11 the `WM_CLASS` is the binary's name, the same
/// word). The launcher entry is `claimdesk.desktop` with `StartupWMClass=claimdesk`, so desktops
/// group the window under it.
pub const APP_ID: &str = "claimdesk";
