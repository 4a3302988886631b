# Sourced by rolecall's scripts: exports JAVA_HOME pointing at a JDK 25.
# Order: $JAVA_HOME if it is a JDK 25, else the first JDK 25 under /usr/lib/jvm
# (where Debian and Temurin packages install), else a clear message and exit 2.
# Reads each JDK's `release` file rather than starting a JVM: this runs on every launch.

rolecall_is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] \
    && grep -q '^JAVA_VERSION="25[".]' "$1/release"
}

rolecall_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && rolecall_is_jdk25 "$JAVA_HOME"; then
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/*; do
    if rolecall_is_jdk25 "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "rolecall needs a JDK 25: set JAVA_HOME to one, or install one under /usr/lib/jvm (for example Temurin 25)." >&2
  if [ -n "${JAVA_HOME:-}" ]; then echo "JAVA_HOME=$JAVA_HOME is not a JDK 25." >&2; fi
  exit 2
}

rolecall_find_java
export PATH="$JAVA_HOME/bin:$PATH"
