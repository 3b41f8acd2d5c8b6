# Shared by scripts/run, scripts/test and bench/run. Source it; it defines functions only.

LOCKSCOPE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCKSCOPE_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-psql libqt6sql6-sqlite qt6-charts-dev
    qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
    libgl-dev libqt6opengl6-dev qtkeychain-qt6-dev libpq-dev
    postgresql postgresql-contrib sqlite3 libsqlite3-dev xvfb xauth python3 faketime
    desktop-file-utils appstream man-db file locales
    redis-server libhiredis-dev openssl
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs whatever of LOCKSCOPE_PACKAGES is missing (apt-get; via sudo when not root).
install_deps() {
    local missing=()
    local p
    for p in "${LOCKSCOPE_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "all packages present"
    else
        command -v apt-get >/dev/null || die "apt-get not found; install these by hand: ${missing[*]}"
        log "installing: ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            "${missing[@]}" </dev/null >/dev/null || die "apt-get install failed for: ${missing[*]}"
    fi
}

# The tests run lockctl and the library under a locale whose decimal
# separator is a comma (de_DE.UTF-8), as many users' machines are.
ensure_test_locale() {
    locale -a 2>/dev/null | grep -qix 'de_DE.utf8' && return 0
    log "generating the de_DE.UTF-8 locale (decimal comma) for the tests"
    as_root localedef -i de_DE -f UTF-8 de_DE.UTF-8 || die "localedef de_DE.UTF-8 failed"
}

# Configures and builds into $1 (default build/). Extra CMake arguments follow.
build_project() {
    local dir=${1:-$LOCKSCOPE_ROOT/build}
    shift || true
    local gen=() launcher=()
    command -v ninja >/dev/null && gen=(-G Ninja)
    # ccache, where a developer installed it, makes rebuilds in other worktrees cheap.
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    if [ -f "$dir/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=${gen[1]:-Unix Makefiles}" "$dir/CMakeCache.txt"; then
        rm -rf "$dir"
    fi
    log "configuring in $dir"
    cmake -S "$LOCKSCOPE_ROOT" -B "$dir" "${gen[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null \
        || die "cmake configure failed (rerun: cmake -S $LOCKSCOPE_ROOT -B $dir)"
    log "building ($(nproc) jobs)"
    cmake --build "$dir" --parallel "$(nproc)" || die "build failed"
}
