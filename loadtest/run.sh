#!/usr/bin/env bash
# make loadtest: starts the service on 127.0.0.1 (rate limiting off), sends a fixed rate
# of mixed GraphQL requests with vegeta for a bounded time and, at the same time, a stream
# of abusive ones (the nested fan-out shape, too-deep queries, oversized bodies, made-up
# API keys); prints the normal traffic's throughput and latency percentiles and what the
# abusive traffic got, and fails unless every normal request succeeded.
# Settings: LOADTEST_RATE (requests/s, default 50), LOADTEST_ABUSE_RATE (default 100;
# 0 for none), LOADTEST_DURATION (default 20s).
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${LOADTEST_RATE:-50}
abuse_rate=${LOADTEST_ABUSE_RATE:-100}
duration=${LOADTEST_DURATION:-20s}
addr=127.0.0.1:${LOADTEST_PORT:-8089}
out=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT

go build -o "$out/careergraph" .
ADDR=$addr RATE_LIMIT=0 LOG_LEVEL=warn PLAYGROUND=false "$out/careergraph" > "$out/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://$addr/readyz" > /dev/null && break
  sleep 0.2
done
curl -fs "http://$addr/readyz" > /dev/null || { echo "loadtest: the service did not become ready" >&2; cat "$out/server.log" >&2; exit 1; }

# Targets: role detail, a filtered list, career paths and recommendations, in turn.
for name in detail list paths recommend; do
  case $name in
    detail) q='{ role(id: \"help-desk-technician\") { title skills { skill { name } importance } certifications { certification { name } } nextRoles { role { title } typicalYears } } }' ;;
    list) q='{ roles(filter: {track: INFRASTRUCTURE}, orderBy: {field: LEVEL}, first: 10) { totalCount nodes { title level } } }' ;;
    paths) q='{ careerPaths(from: \"help-desk-technician\", to: \"senior-it-infrastructure-engineer\", first: 3) { paths { totalYears roles { id } } } }' ;;
    recommend) q='{ recommendations(profile: {currentRole: \"help-desk-technician\"}, first: 5) { roles { role { id } score } certifications { certification { id } } } }' ;;
  esac
  printf '{"query":"%s"}' "$q" > "$out/$name.json"
  printf 'POST http://%s/graphql\nContent-Type: application/json\n@%s\n\n' "$addr" "$out/$name.json" >> "$out/targets"
done

# Abusive targets, in turn: the fan-out shape (with a made-up API key), a query nested too
# deep, and a body over the size limit.
printf '{"query":"{ roles(first: 100) { nodes { skills { skill { roles { role { skills { skill { name } } } } } } } } }"}' > "$out/fanout.json"
printf '{"query":"{ role(id: \\"help-desk-technician\\") { %s id %s } }"}' \
  "$(printf 'nextRoles { role { %.0s' $(seq 1 12))" "$(printf '} } %.0s' $(seq 1 12))" > "$out/deep.json"
head -c 2000000 /dev/zero | tr '\0' 'x' | sed 's/^/{"query":"/; s/$/"}/' > "$out/huge.json"
{
  printf 'POST http://%s/graphql\nContent-Type: application/json\nX-API-Key: made-up-%s\n@%s\n\n' "$addr" "$RANDOM" "$out/fanout.json"
  printf 'POST http://%s/graphql\nContent-Type: application/json\n@%s\n\n' "$addr" "$out/deep.json"
  printf 'POST http://%s/graphql\nContent-Type: application/json\n@%s\n\n' "$addr" "$out/huge.json"
} > "$out/abuse"

echo "loadtest: $rate requests/s for $duration against http://$addr/graphql (4 workloads in turn)," \
  "with $abuse_rate abusive requests/s beside them"
abuse_pid=
if [[ $abuse_rate != 0 ]]; then
  go tool vegeta attack -targets="$out/abuse" -rate="$abuse_rate" -duration="$duration" -timeout=10s > "$out/abuse.bin" &
  abuse_pid=$!
fi
go tool vegeta attack -targets="$out/targets" -rate="$rate" -duration="$duration" -timeout=10s > "$out/results.bin"
if [[ -n $abuse_pid ]]; then
  wait "$abuse_pid"
  go tool vegeta report -type=json < "$out/abuse.bin" > "$out/abuse.json"
  python3 - "$out/abuse.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"abusive traffic: {r['requests']} requests, status codes {r.get('status_codes', {})}, p99 {r['latencies']['99th']/1e6:.1f} ms")
PY
fi
echo "normal traffic:"
go tool vegeta report < "$out/results.bin"
go tool vegeta report -type=json < "$out/results.bin" > "$out/report.json"
python3 - "$out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
codes = r.get("status_codes", {})
bad = sum(n for c, n in codes.items() if c != "200")
print(f"throughput {r['throughput']:.1f} req/s, p50 {r['latencies']['50th']/1e6:.1f} ms, "
      f"p95 {r['latencies']['95th']/1e6:.1f} ms, p99 {r['latencies']['99th']/1e6:.1f} ms, errors {bad}")
sys.exit(1 if bad or r.get("errors") else 0)
PY
