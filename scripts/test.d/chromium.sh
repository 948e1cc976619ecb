# Sourced by scripts/test: a headless Chromium for the dashboard's page tests (tests/web).
# Installs Debian's chromium package when no Chromium is found and apt-get can be used as root;
# exports EVENTWIRE_CHROMIUM with the browser's path. Without one, the page tests skip and say why.
if [ -z "${EVENTWIRE_CHROMIUM:-}" ] || [ ! -x "${EVENTWIRE_CHROMIUM}" ]; then
    EVENTWIRE_CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
    if [ -z "$EVENTWIRE_CHROMIUM" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "chromium.sh: installing Debian's chromium package for the page tests" >&2
        if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 ||
           { apt-get update -qq >/dev/null 2>&1 &&
             DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; }; then
            EVENTWIRE_CHROMIUM="$(command -v chromium || true)"
        fi
    fi
    if [ -n "$EVENTWIRE_CHROMIUM" ]; then
        export EVENTWIRE_CHROMIUM
    else
        unset EVENTWIRE_CHROMIUM
        echo "chromium.sh: no Chromium and no way to install one; the page tests will skip" >&2
    fi
fi
