# Shared helpers for the bench/ scripts (sourced, not run).
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$REPO_ROOT/target/quarkus-app/quarkus-run.jar"

log() { printf '[bench] %s\n' "$*" >&2; }

# ensure_tools CMD:PACKAGE ... — installs the Debian packages of the commands that are missing.
ensure_tools() {
  local missing=() spec
  for spec in "$@"; do
    command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec#*:}")
  done
  ((${#missing[@]} == 0)) && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing ${missing[*]} (apt-get)"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_jar — builds the fast-jar with the wrapper when it is missing (set REBUILD=1 to force).
ensure_jar() {
  if [ ! -f "$JAR" ] || [ "${REBUILD:-0}" = 1 ]; then
    log "building $JAR"
    (cd "$REPO_ROOT" && ./mvnw -B -ntp package -DskipTests)
  fi
}

# median — of the numbers on stdin, one per line.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# le A B — true when A <= B (decimals).
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }

now_ms() { date +%s%3N; }

load1() { cut -d ' ' -f 1 /proc/loadavg; }
# cpu_pressure — % of the last 10 s in which some runnable task waited for a CPU (PSI); empty without PSI.
cpu_pressure() { sed -n 's/^some avg10=\([0-9.]*\).*/\1/p' /proc/pressure/cpu 2>/dev/null || true; }

machine_summary() {
  printf '%s, %s cores, %s, commit %s, at start: load average %s, CPU pressure %s%%' \
    "$(uname -srm)" "$(nproc)" "$(java -version 2>&1 | head -n 1)" \
    "$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "${LOAD_AT_START:-$(load1)}" "${PSI_AT_START:-$(cpu_pressure)}"
}

# warn_if_busy — the targets are for an otherwise idle 2-core machine; say so when it is not. CPU pressure
# over the last 10 s reacts faster than the 1-minute load average, which a just-finished build inflates.
warn_if_busy() {
  LOAD_AT_START="$(load1)"
  PSI_AT_START="$(cpu_pressure)"
  if [ -n "$PSI_AT_START" ]; then
    if ! le "$PSI_AT_START" 20; then
      log "WARNING: CPU pressure ${PSI_AT_START}% over the last 10 s: other work is running, figures will be pessimistic"
    fi
  elif ! le "$LOAD_AT_START" "$(nproc)"; then
    log "WARNING: load average $LOAD_AT_START exceeds $(nproc) cores: other work is running, figures will be pessimistic"
  fi
}

# port_in_use PORT — true when something listens on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port FROM — the first port from FROM up that nothing listens on.
free_port() {
  local p=$1
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

# stop_process PID — SIGTERM, up to 10 s to exit, then SIGKILL.
stop_process() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# field RESULT NAME — a value of a RESULT line of lua/report.lua; errors_of RESULT — its errors of every kind.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
errors_of() { echo $(($(field "$1" err_connect) + $(field "$1" err_read) + $(field "$1" err_write) + $(field "$1" err_status) + $(field "$1" err_timeout))); }

# server_bench_setup DEFAULT_PORT [CMD:PACKAGE...] — the start of every benchmark that runs the packaged server:
# defaults for CONNECTIONS, THREADS, START_TIMEOUT_S and SERVER_JAVA_OPTS (by default the JVM options the README and
# the Dockerfile use: a small serial-GC heap; SERVER_JAVA_OPTS=" " runs the bare JVM defaults), the tools, the jar,
# a temporary directory $tmp removed on exit with the server $server_pid stopped, free loopback ports PORT (API) and
# MPORT (management: health, metrics) with BASE and MBASE, and $app_dir and cds=(...) to start the server as the
# README does: from the fast-jar directory, with the build's AppCDS archive when there is one (the archive records
# the class path relative to that directory).
server_bench_setup() {
  local default_port=$1
  shift
  CONNECTIONS="${CONNECTIONS:-32}"
  THREADS="${THREADS:-2}"
  START_TIMEOUT_S="${START_TIMEOUT_S:-60}"
  SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--XX:+UseSerialGC -Xmx128m}"
  read -r -a server_java_opts <<<"${SERVER_JAVA_OPTS}"
  ensure_tools java:openjdk-17-jdk-headless curl:curl wrk:wrk "$@"
  ensure_jar
  cd "$REPO_ROOT"
  warn_if_busy
  tmp="$(mktemp -d)"
  server_pid=""
  trap 'stop_process "$server_pid"; rm -rf "$tmp"' EXIT
  trap 'exit 130' INT TERM
  PORT="$(free_port "${PORT:-$default_port}")"
  MPORT="$(free_port "${MPORT:-$((PORT + 1000))}")"
  BASE="http://127.0.0.1:$PORT"
  MBASE="http://127.0.0.1:$MPORT"
  app_dir="$(dirname "$JAR")"
  cds=()
  [ -f "$app_dir/app-cds.jsa" ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
  return 0
}
