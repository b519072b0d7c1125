#!/usr/bin/env bash
# One busy customer: the generator's shop history with every record given to
# a single customer, replayed through the whole example library. Cost must
# grow linearly with the customer's events (keyed re-entry and window expiry
# in constant amortised time), as it does when the same events are spread
# over many customers.
#
#   bench/one_customer.sh [AFTERFLOW_BINARY] [CUSTOMERS...]
# Each CUSTOMERS value generates that many customers' history (about 10
# events each) and gives all of it to customer `busy`. Prints events,
# seconds and peak RSS per size.
set -euo pipefail
cd "$(dirname "$0")/.."
afterflow=${1:-build/release/cli/afterflow}
shift || true
sizes=("$@")
if [[ ${#sizes[@]} -eq 0 ]]; then sizes=(10000 100000 500000); fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-10s %-10s %-9s %s\n' events spread_s busy_s busy_peak_rss
for n in "${sizes[@]}"; do
  "$afterflow" gen --customers "$n" --out "$tmp/spread.jsonl"
  sed -E 's/"customer":"[^"]*"/"customer":"busy"/' "$tmp/spread.jsonl" > "$tmp/busy.jsonl"
  events=$(grep -c '"event"' "$tmp/busy.jsonl")
  # Status 1 (run-time errors, such as a busy customer's budget) still times the replay.
  /usr/bin/time -o "$tmp/spread.time" -f '%e' "$afterflow" run examples/flows --events "$tmp/spread.jsonl" \
    --summary >/dev/null 2>&1 || true
  /usr/bin/time -o "$tmp/busy.time" -f '%e %MkB' "$afterflow" run examples/flows --events "$tmp/busy.jsonl" \
    --summary >/dev/null 2>&1 || true
  spread=$(tail -n 1 "$tmp/spread.time")
  busy=$(tail -n 1 "$tmp/busy.time")
  printf '%-10s %-10s %-9s %s\n' "$events" "$spread" ${busy}
done
