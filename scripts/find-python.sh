#!/usr/bin/env bash
# Print the path of a Python >= 3.12 interpreter (pyodide-build needs one).
# pyenv shims answer `command -v` even when that version is not active, so each
# candidate is actually run before it is chosen.
set -u
ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
for candidate in "${PYTHON:-}" python3.13 python3.12 python3 \
    "$HOME"/.pyenv/versions/3.1[3-9]*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3 \
    /usr/bin/python3.13 /usr/bin/python3.12; do
  [ -n "$candidate" ] || continue
  if ok "$candidate"; then
    command -v "$candidate" 2>/dev/null || echo "$candidate"
    exit 0
  fi
done
echo "find-python: no Python 3.12 or newer found; install python3.12 (apt-get install python3.12) or set PYTHON=/path/to/python3.12" >&2
exit 1
