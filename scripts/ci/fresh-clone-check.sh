#!/usr/bin/env bash
# The README's first command, as a new user runs it: a fresh `git clone` of
# HEAD into a temporary folder, DATABASE_URL unset (so the embedded server),
# the command exactly as README.md writes it. Passes when `/` and the demo
# essay answer 200 and a Ctrl-C (SIGINT to the process group) then stops the
# app and its embedded PostgreSQL server. On failure it prints what the app
# printed. Run by .ci/run after `npm test`; runs by itself too:
#
#   bash scripts/ci/fresh-clone-check.sh
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
demo_slug="reading-with-a-pencil" # scripts/lib/seed-demo.ts: DEMO_ESSAY_SLUG
budget_seconds=180                # install, start, first compile of both pages
started=$SECONDS

# The first sh block under "## The two commands".
command="$(awk '/^## The two commands/ { section = 1 } section && /^```sh/ { getline; print; exit }' "$repo/README.md")"
if [ -z "$command" ]; then
  echo "✘ README.md has no sh block under \"## The two commands\"" >&2
  exit 1
fi

# Random free ports (the kernel's choice), so nothing collides with the test
# servers (3100, 54339) or with an app a developer is running.
free_port() { node -e 'const s = require("node:net").createServer().listen(0, () => { console.log(s.address().port); s.close(); })'; }
port="$(free_port)"
db_port="$(free_port)"

work="$(mktemp -d)"
log="$work/app.log"
group=""
data_dir=""

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
group_alive() { [ -n "$group" ] && kill -0 -- "-$group" 2>/dev/null; }
show_log() {
  echo "── what the app printed ($log) ──" >&2
  tail -n 150 "$log" >&2 || true
}
fail() {
  echo "✘ fresh clone: $1" >&2
  show_log
  exit 1
}
# The embedded server's data folder, from the app's "Database: …" line.
find_data_dir() {
  local dir
  dir="$(sed -n 's/^Database: embedded PostgreSQL on port [0-9]*, data in \(.*\), [a-z].*$/\1/p' "$log" 2>/dev/null | head -n 1)"
  case "$dir" in "" | /*) echo "$dir" ;; *) echo "$work/glossa/$dir" ;; esac
}
# Waits up to $1 seconds for the app's process group to end.
wait_for_exit() {
  for _ in $(seq 1 "$1"); do
    group_alive || return 0
    sleep 1
  done
  ! group_alive
}
cleanup() {
  # After a failure: stop the app as Ctrl-C would, and by force if that fails.
  if group_alive; then
    kill -INT -- "-$group" 2>/dev/null || true
    wait_for_exit 20 || kill -KILL -- "-$group" 2>/dev/null || true
  fi
  [ -n "$data_dir" ] || data_dir="$(find_data_dir)"
  # The server runs in a process group of its own: if the app could not stop it, stop it by its pid.
  if [ -n "$data_dir" ] && [ -f "$data_dir/postmaster.pid" ]; then
    kill -INT "$(head -n 1 "$data_dir/postmaster.pid")" 2>/dev/null || true
    sleep 2
  fi
  # The data folder of this throwaway clone (under /var/tmp when it had to move there).
  case "$data_dir" in /var/tmp/glossa-postgres/*) rm -rf "$data_dir" ;; esac
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/glossa"
git -C "$work/glossa" checkout --quiet --detach "$(git -C "$repo" rev-parse HEAD)"
echo "▶ fresh clone of $(git -C "$repo" rev-parse --short HEAD) in $work/glossa: $command (PORT=$port GLOSSA_DB_PORT=$db_port, DATABASE_URL unset)"

# setsid: its own process group, the one a terminal's Ctrl-C would reach.
(cd "$work/glossa" && exec env -u DATABASE_URL PORT="$port" GLOSSA_DB_PORT="$db_port" setsid bash -c "$command" </dev/null >"$log" 2>&1) &
group=$!

wait_for_200() {
  local url="http://127.0.0.1:$port$1" code
  while true; do
    code="$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 60 "$url" || true)"
    [ "$code" = 200 ] && return 0
    group_alive || fail "the command exited before $1 answered (last answer: $code)"
    [ $((SECONDS - started)) -lt "$budget_seconds" ] || fail "$1 did not answer 200 within ${budget_seconds}s (last answer: $code)"
    sleep 1
  done
}
wait_for_200 "/"
echo "  / answered 200 after $((SECONDS - started))s"
wait_for_200 "/essays/$demo_slug"
echo "  /essays/$demo_slug answered 200 after $((SECONDS - started))s"

data_dir="$(find_data_dir)"
[ -n "$data_dir" ] || fail "the app did not say where its embedded database is (no \"Database: embedded PostgreSQL …\" line)"
listening "$db_port" || fail "nothing listens on GLOSSA_DB_PORT=$db_port while the app runs"

kill -INT -- "-$group"
wait_for_exit 30 || fail "the app was still running 30s after SIGINT"
if pgrep -f -- "-D $data_dir( |$)" >/dev/null; then
  fail "a postgres process for $data_dir outlived the app: $(pgrep -af -- "-D $data_dir( |$)")"
fi
listening "$db_port" && fail "port $db_port still answers after the app stopped"
grep -q "Glossa stopped." "$log" || fail "the app did not report a clean stop"

echo "✔ fresh clone: the README's first command served / and the demo essay, and SIGINT stopped the app and its database ($((SECONDS - started))s)"
