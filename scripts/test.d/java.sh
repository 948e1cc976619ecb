# Java runtime for the Spark engine (PySpark 4 starts a JVM and needs Java 17 or later).
# Sourced by scripts/test: installs Debian's default-jre-headless when no suitable `java` is on PATH and apt
# can be used as root, then exports JAVA_HOME when it is unset. Without Java the Spark tests skip, saying so.
java_major() {
    java -version 2>&1 | sed -n 's/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "java.sh: installing default-jre-headless for the Spark tests" >&2
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            default-jre-headless >/dev/null; } || echo "java.sh: could not install Java; the Spark tests will skip" >&2
    else
        echo "java.sh: no Java 17+ and no apt-get as root; the Spark tests will skip" >&2
    fi
fi
if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null 2>&1; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi
unset -f java_major
