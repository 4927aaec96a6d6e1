#!/usr/bin/env bash
# Executes examples/notebook/tariffs-2025.ipynb with the Deno Jupyter kernel (nbconvert) and
# checks the MIME types of its outputs; then does what the README's notebook section tells a
# user outside the checkout: the packed tarball installed into an empty folder, a notebook there
# importing the bare "market-reaction", executed by the same kernel. Needs: dist/ (npm run build), Debian jupyter-nbconvert,
# python3-nbclient, jupyter-client, python3-ipykernel. Deno comes from npm (deno@2.9.6) when
# it is not on PATH. Exit 0 when every expected output is there.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.js ] || { echo "notebook-check: dist/index.js missing (run npm run build)" >&2; exit 1; }
command -v jupyter >/dev/null || { echo "notebook-check: jupyter not found (apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)" >&2; exit 1; }
if ! command -v deno >/dev/null; then
  tool="${TMPDIR:-/tmp}/market-reaction-deno"
  [ -x "$tool/node_modules/.bin/deno" ] || npm install --prefix "$tool" --no-audit --no-fund --silent deno@2.9.6
  export PATH="$tool/node_modules/.bin:$PATH"
fi
# --force: (re)point the kernelspec at this deno binary
deno jupyter --install --force >/dev/null 2>&1
out="$(mktemp -d)/executed.ipynb"
(cd examples/notebook && jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=180 --ExecutePreprocessor.iopub_timeout=60 --output "$out" tariffs-2025.ipynb) 2>&1 | grep -E "Writing|Error" || true
python3 - "$out" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
errors = [o for c in cells for o in c["outputs"] if o["output_type"] == "error"]
mimes = [sorted(k for o in c["outputs"] for k in o.get("data", {})) for c in cells]
want = {1: ["application/vnd.vegalite.v5+json", "text/html", "text/plain"],
        2: ["application/vnd.vegalite.v5+json", "text/plain"],
        3: ["application/vnd.vegalite.v5+json", "text/plain"]}
bad = [f"cell {i}: {mimes[i]} (expected {w})" for i, w in want.items() if mimes[i] != w]
if errors or bad:
    print("notebook-check: FAILED", [e.get("evalue") for e in errors], bad)
    sys.exit(1)
spec = next(o["data"]["application/vnd.vegalite.v5+json"] for o in cells[1]["outputs"] if "data" in o)
assert spec["$schema"].endswith("/vega-lite/v5.json"), spec["$schema"]
print(f"notebook-check: ok ({len(cells)} code cells; study -> {mimes[1]}; charts -> vegalite v5)")
PY

# The README's way outside a checkout: npm install <tarball> into a folder, import "market-reaction".
# (NOTEBOOK_CHECK_REPO_ONLY=1 stops here: the test suite runs only the notebook above, CI runs both.)
[ "${NOTEBOOK_CHECK_REPO_ONLY:-}" = 1 ] && exit 0
repo=$(pwd)
user_dir=$(mktemp -d)
trap 'rm -rf "$user_dir"' EXIT
npm pack --silent --pack-destination "$user_dir" >"$user_dir/pack.txt" 2>/dev/null || { echo "notebook-check: npm pack failed" >&2; exit 1; }
tarball="$user_dir/$(tail -1 "$user_dir/pack.txt")"
mkdir "$user_dir/my-study"
cd "$user_dir/my-study"
npm install --no-audit --no-fund --silent "$tarball" >/dev/null 2>&1 || { echo "notebook-check: npm install of the tarball failed" >&2; exit 1; }
python3 - <<'PY'
import json
src = ['import { parseSeriesCsv, eventStudy, parseEventsCsv } from "market-reaction";\n',
       'const s = parseSeriesCsv("date,close\\n2025-04-07,100\\n2025-04-08,101\\n2025-04-09,110\\n").series[0]!;\n',
       '[typeof eventStudy, s.values.length].join(" ")']
nb = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": src}],
      "metadata": {"kernelspec": {"display_name": "Deno", "language": "typescript", "name": "deno"}},
      "nbformat": 4, "nbformat_minor": 5}
json.dump(nb, open("user.ipynb", "w"))
PY
jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=180 --output executed-user.ipynb user.ipynb >/dev/null 2>&1 || true
python3 - <<'PY'
import json, sys
nb = json.load(open("executed-user.ipynb"))
outs = nb["cells"][0]["outputs"]
text = "".join("".join(o.get("data", {}).get("text/plain", [])) for o in outs)
if "function 3" not in text:
    print("notebook-check: FAILED: a notebook beside an installed tarball could not import market-reaction:", outs)
    sys.exit(1)
print("notebook-check: ok (a notebook outside the checkout imports the installed package)")
PY
