#!/usr/bin/env bash
# Builds the Debian package target/debian/claimdesk_VERSION-1_ARCH.deb:
#   1. the release binary (profile.release: LTO, stripped);
#   2. from it, the man pages and the bash/zsh/fish completions into target/packaging/
#      (generated from the clap definitions, so they match the binary);
#   3. `cargo deb --no-build` with the metadata in Cargo.toml ([package.metadata.deb]).
# Needs cargo-deb (`cargo install cargo-deb`) and, for the dependency list, dpkg-dev.
# Usage: bash packaging/build-deb.sh   (prints the path of the .deb last)
# CARGO_TARGET_DIR is honoured (the release binary is then looked for there).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --bin claimdesk
bin=${CARGO_TARGET_DIR:-target}/release/claimdesk
rm -rf target/packaging
"$bin" man --dir target/packaging/man
mkdir -p target/packaging/completions
"$bin" completions bash >target/packaging/completions/claimdesk.bash
"$bin" completions zsh >target/packaging/completions/_claimdesk
"$bin" completions fish >target/packaging/completions/claimdesk.fish
cargo deb --no-build --locked -p claimdesk 2>&1 | tail -n 1
