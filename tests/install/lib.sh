# Shared by the check-* scripts: a temporary directory removed on exit, and
# an install of the build tree into a prefix inside it.
set -euo pipefail
build=${1:?usage: check-NAME BUILD_DIR SOURCE_DIR}
source_dir=${2:?usage: check-NAME BUILD_DIR SOURCE_DIR}
work=$(mktemp -d /tmp/lockscope-install.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
ok() { printf 'ok: %s\n' "$*"; }

install_to() {
    local prefix=$1
    cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 \
        || { cat "$work/install.log" >&2; fail "cmake --install failed"; }
}

# The version the build was configured with (from the generated header).
project_version() {
    sed -nE 's/^#define LOCKSCOPE_VERSION "(.*)"/\1/p' "$build/core/generated/base/version.h"
}
