#!/usr/bin/env bash
# Stops the API, worker and web app started by scripts/up.sh.
source "$(dirname "$0")/lib.sh"
for p in web worker api; do stop_process "$p"; done
say "Stopped"
