#!/usr/bin/env bash
# The notification service against Prosody, same load driver, same flags, one cell at a time on a freshly
# started server: Prosody (setup-prosody.sh), then a Poise node (callmanager + notify) on free loopback ports.
# Prints both result lines per cell, then the ratios Poise ÷ Prosody. See docs/performance.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/notify-vs-prosody.sh [options]
  --peer DIR          a writable copy of the peer folder, npm ci done (default /tmp/peer)
  --sessions "N ..."  session counts (default "100 1000")
  --transports "T .." bosh and/or ws (default "ws bosh")
  --rate N            items/s (default 100)
  --duration S        measured seconds (default 20)
  --warmup S          unmeasured seconds first (default 5)
  --fanout F          subscribers per node (default 1: a Poise agent may subscribe only to its own User node)
  --gc MODE           Prosody's collector: incremental or generational (default incremental)
  --only LIST         Poise services to run (default callmanager,notify: the notification service and its directory)
  --out FILE          also append every result line here (JSONL)
EOF
}

PEER=/tmp/peer
SESSIONS="100 1000"
TRANSPORTS="ws bosh"
RATE=100
DURATION=20
WARMUP=5
FANOUT=1
GC=incremental
ONLY=callmanager,notify
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --peer) PEER="$2"; shift 2 ;;
    --sessions) SESSIONS="$2"; shift 2 ;;
    --transports) TRANSPORTS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --fanout) FANOUT="$2"; shift 2 ;;
    --gc) GC="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER=$(cd "$PEER" && pwd)
[ -f "$PEER/load.mjs" ] && [ -d "$PEER/node_modules/ws" ] || { echo "no peer folder with npm ci done at $PEER" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/notify-bench.XXXXXX")
chmod 755 "$WORK"  # Prosody runs as its own user and must reach its instance folder
PASSWORD=bench-$RANDOM$RANDOM
DOMAIN=localhost
say() { echo "[notify-bench] $*" >&2; }

POISE_PID=""
stop_poise() {
  [ -n "$POISE_PID" ] || return 0
  if kill -0 "$POISE_PID" 2>/dev/null; then
    kill -TERM "$POISE_PID"
    for _ in $(seq 100); do kill -0 "$POISE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$POISE_PID" 2>/dev/null && kill -KILL "$POISE_PID"
  fi
  wait "$POISE_PID" 2>/dev/null || true
  POISE_PID=""
}
cleanup() { stop_poise; "$PEER/stop-prosody.sh" --dir "$WORK/prosody" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# Ten free loopback ports, asked of the kernel and released just before Poise binds them.
free_ports() {
  node -e '
    const net = require("node:net");
    const servers = Array.from({ length: 10 }, () => net.createServer());
    Promise.all(servers.map((s) => new Promise((r) => s.listen(0, "127.0.0.1", () => r(s.address().port)))))
      .then((ports) => { console.log(ports.join(" ")); servers.forEach((s) => s.close()); });'
}

wait_port() { # port seconds
  for _ in $(seq $(($2 * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$POISE_PID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

emit() { # a result line
  echo "$1"
  [ -z "$OUT" ] || echo "$1" >> "$OUT"
}

ratios() { # prosody-line poise-line
  node -e '
    const [p, q] = process.argv.slice(1).map((l) => JSON.parse(l));
    const r = (a, b) => (typeof a === "number" && typeof b === "number" && b > 0 ? Math.round((a / b) * 100) / 100 : null);
    const pick = (x) => ({ p50: x.latency_ms?.p50, p99: x.latency_ms?.p99, delivered_per_s: x.delivered_per_s,
      rss_mb_ready: x.server?.rss_kb_ready / 1024, cpu_pct_run: x.server?.cpu_pct_run });
    const a = pick(p), b = pick(q);
    console.log(JSON.stringify({ ratio: "poise/prosody", transport: q.transport, sessions: q.sessions_ready,
      p50: r(b.p50, a.p50), p99: r(b.p99, a.p99), delivered_per_s: r(b.delivered_per_s, a.delivered_per_s),
      rss_ready: r(b.rss_mb_ready, a.rss_mb_ready), cpu_pct_run: r(b.cpu_pct_run, a.cpu_pct_run) }));
  ' "$1" "$2"
}

for S in $SESSIONS; do
  PUBLISHER="load$((S + 1))"  # one account past the subscribers, on both servers
  for T in $TRANSPORTS; do
    FLAGS=(--transport "$T" --sessions "$S" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --fanout "$FANOUT"
      --domain "$DOMAIN" --user-prefix load --password "$PASSWORD" --publisher "$PUBLISHER"
      --node-prefix /finesse/api/User/load)

    say "prosody: $S $T sessions"
    PROSODY_PID=$("$PEER/setup-prosody.sh" --no-install --dir "$WORK/prosody" --users "$S" --user-prefix load \
      --password "$PASSWORD" --publisher "$PUBLISHER" --gc "$GC" --domain "$DOMAIN" | tail -n 1)
    PROSODY_LINE=$(node "$PEER/load.mjs" "${FLAGS[@]}" --pid "$PROSODY_PID" --label prosody 2>"$WORK/prosody-load.err" | tail -n 1) || true
    "$PEER/stop-prosody.sh" --dir "$WORK/prosody" --purge >/dev/null 2>&1
    emit "$PROSODY_LINE"

    say "poise: $S $T sessions"
    read -r WEB WEBS XMPP XMPPS BOSH BOSHS CTI CCM CCMH LD <<<"$(free_ports)"
    rm -rf "$WORK/poise-data"
    (cd "$ROOT" && exec env POISE_DATA_DIR="$WORK/poise-data" POISE_DEMO_PASSWORD="$PASSWORD" POISE_DEMO_AGENTS=$((S + 1)) \
      POISE_NOTIFY_PUBLISHER="$PUBLISHER" POISE_XMPP_DOMAIN="$DOMAIN" POISE_HOST=127.0.0.1 POISE_ONLY="$ONLY" \
      POISE_LOG_LEVEL=warn POISE_WEB_PORT="$WEB" POISE_WEB_HTTPS_PORT="$WEBS" POISE_XMPP_PORT="$XMPP" \
      POISE_XMPP_TLS_PORT="$XMPPS" POISE_BOSH_PORT="$BOSH" POISE_BOSH_HTTPS_PORT="$BOSHS" POISE_CTI_PORT="$CTI" \
      POISE_CALLMANAGER_PORT="$CCM" POISE_CALLMANAGER_HTTP_PORT="$CCMH" POISE_LIVEDATA_PORT="$LD" \
      node --import tsx src/cli.ts) >"$WORK/poise.log" 2>&1 &
    POISE_PID=$!
    if ! wait_port "$BOSH" 300; then
      say "poise did not start; its log:"; tail -n 20 "$WORK/poise.log" >&2; stop_poise; exit 1
    fi
    POISE_LINE=$(node "$PEER/load.mjs" "${FLAGS[@]}" --c2s-port "$XMPP" --http-port "$BOSH" --pid "$POISE_PID" --label poise \
      2>"$WORK/poise-load.err" | tail -n 1) || true
    stop_poise
    emit "$POISE_LINE"

    if [ -n "$PROSODY_LINE" ] && [ -n "$POISE_LINE" ]; then emit "$(ratios "$PROSODY_LINE" "$POISE_LINE")"
    else say "a run printed no result; driver stderr in $WORK"; fi
  done
done
say "done; logs in $WORK"
