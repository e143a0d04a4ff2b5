#!/usr/bin/env bash
# RSS per idle session of the notification service's session and transport code alone: the directory-less probe
# server (bench/notify-probe-server.ts, every sign-in accepted), N BOSH then N WebSocket sessions from the peer's
# load.mjs, VmRSS before and once all are subscribed. No call manager, no AXL: see notify-sessions.ts for those.
# Usage: bench/notify-probe-sessions.sh [N per transport, default 5000] [peer folder, default /tmp/peer]
set -euo pipefail
N=${1:-5000}
PEER=${2:-/tmp/peer}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/notify-probe.XXXXXX")
cd "$ROOT"
node --import tsx bench/notify-probe-server.ts > "$WORK/ports.json" 2> "$WORK/server.err" &
P=$!
trap 'kill $P 2>/dev/null || true' EXIT
for _ in $(seq 200); do [ -s "$WORK/ports.json" ] && break; sleep 0.1; done
read -r C H <<<"$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log(j.c2s, j.http)' "$WORK/ports.json")"
rss() { awk '/VmRSS/ {print $2}' "/proc/$P/status"; }
IDLE=$(rss)
F=(--rate 5 --duration 5 --warmup 1 --drain 3 --fanout 1 --domain localhost --user-prefix load --password x
  --publisher load10002 --node-prefix /finesse/api/User/load --c2s-port "$C" --http-port "$H" --pid "$P" --label probe)
node "$PEER/load.mjs" --transport bosh --sessions "$N" --first-id 1 --settle 3600 "${F[@]}" > "$WORK/bosh.json" 2> "$WORK/bosh.err" &
B=$!
until grep -q "set-up done" "$WORK/bosh.err"; do kill -0 "$B" 2>/dev/null || break; sleep 1; done
node "$PEER/load.mjs" --transport ws --sessions "$N" --first-id $((N + 1)) --settle 5 "${F[@]}" > "$WORK/ws.json" 2> "$WORK/ws.err" &
W=$!
until grep -q "set-up done" "$WORK/ws.err"; do kill -0 "$W" 2>/dev/null || break; sleep 1; done
READY=$(rss)
wait "$W" || true
kill "$B" 2>/dev/null || true
node -e '
  const [idle, ready, n] = process.argv.slice(1).map(Number);
  const ws = JSON.parse(require("fs").readFileSync(process.argv[4], "utf8").trim().split("\n").pop());
  console.log(JSON.stringify({ bench: "notify-probe-sessions", sessions: 2 * n, rss_mb_idle: Math.round(idle / 1024),
    rss_mb_ready: Math.round(ready / 1024), kb_per_idle_session: Math.round(((ready - idle) / (2 * n)) * 10) / 10,
    ws_lost: ws.lost, ws_expected: ws.expected }));' "$IDLE" "$READY" "$N" "$WORK/ws.json"
