# Shared by the bench scripts: sourced after ROOT is set.

# need TOOL PACKAGE: TOOL on PATH, installed from Debian's PACKAGE when missing and we are root.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "$(basename "$0"): needs $1 (Debian package $2)" >&2; exit 2; }
}
