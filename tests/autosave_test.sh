#!/usr/bin/env bash
# No lost work: the window autosaves the scenario whenever it changes, a process killed mid-race
# comes back with it, and a damaged autosave is set aside with a message, never a crash.
# Usage: autosave_test.sh OPTIRACE_BINARY PRESETS_DIR   (needs an X display, e.g. Xvfb)
set -u
bin=$1
presets=$2
[ -n "${DISPLAY:-}" ] || { echo "no X display: skipped"; exit 77; }
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$dir"' EXIT
export OPTIRACE_CONFIG_DIR=$dir
passed=0
fail() { echo "FAIL $*"; echo "$passed passed, 1 failed"; exit 1; }
ok() { echo "ok   $*"; passed=$((passed + 1)); }
wait_for() {  # a shell condition, up to 30 s
  for _ in $(seq 1 300); do eval "$1" && return 0; sleep 0.1; done
  return 1
}
start() { "$bin" --size 800x600 "$@" >/dev/null 2>&1 & pid=$!; }
inode() { stat -c %i "$dir/autosave.json" 2>/dev/null; }

# A scenario loaded (an edit like any other) is autosaved; the process is then killed.
start --scenario "$presets/3_adagrad_vs_rmsprop.json"
wait_for '[ -s "$dir/autosave.json" ]' || fail "no autosave.json within 30 s"
sleep 1
kill -9 $pid; wait $pid 2>/dev/null; pid=
grep -q '"AdaGrad (' "$dir/autosave.json" || fail "autosave.json does not hold the loaded race"
ok "the loaded race is autosaved before the process is killed"

# The next start (no --scenario) restores it, and rewrites it (a new file renamed into place).
before=$(inode)
start
wait_for '[ "$(inode)" != "$before" ]' || fail "the restarted window did not autosave"
kill -0 $pid 2>/dev/null || fail "the restarted window exited"
kill -9 $pid; wait $pid 2>/dev/null; pid=
grep -q '"AdaGrad (' "$dir/autosave.json" || fail "the restart did not restore the killed race"
ok "a restart after a kill restores the race"
[ -e "$dir/autosave.json.tmp" ] && fail "a partial autosave was left behind"
ok "no partial file is left behind"

# A damaged autosave is set aside, the window starts with a preset and keeps running.
printf '{"version": 1, "racers": [' > "$dir/autosave.json"
start
wait_for '[ -e "$dir/autosave.json.damaged-1" ]' || fail "the damaged autosave was not set aside"
wait_for '[ -s "$dir/autosave.json" ]' || fail "no new autosave after the damaged one"
sleep 1
kill -0 $pid 2>/dev/null || fail "the window exited on a damaged autosave"
grep -q '"racers": \[$' "$dir/autosave.json.damaged-1" || fail "the damaged file was changed"
ok "a damaged autosave is set aside untouched and the window runs"
echo "$passed passed, 0 failed"
