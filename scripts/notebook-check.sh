#!/usr/bin/env bash
# Executes examples/notebook/tariffs-2025.ipynb with the Deno Jupyter kernel (nbconvert) and
# checks the MIME types of its outputs. Needs: dist/ (npm run build), Debian jupyter-nbconvert,
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
(cd examples/notebook && jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=180 --ExecutePreprocessor.iopub_timeout=20 --output "$out" tariffs-2025.ipynb) 2>&1 | grep -E "Writing|Error" || true
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
