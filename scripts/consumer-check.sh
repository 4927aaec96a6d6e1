#!/usr/bin/env bash
# The package as a user gets it: `npm pack` (which builds through prepack), install the tarball
# into a scratch project outside the repository, and there
#   - import the core as ESM and as CommonJS, and market-reaction/node;
#   - type-check a consumer file with TypeScript under moduleResolution node16 and bundler;
#   - run `npx market-reaction --version` and `npx market-reaction demo`;
#   - run one `study` end to end on small CSV files written here;
#   - with --git: also `npm install git+file://<repo>#HEAD` (what `npm install <git url>` does:
#     npm clones the committed HEAD, runs `prepare`, which builds dist/) and import it.
# Prints the tarball's packed and unpacked size. Exit 0 when every step passes; otherwise a
# one-line message naming the step that failed.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/market-reaction-consumer-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer-check: FAILED: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

command -v node >/dev/null || fail "node is not on PATH"
command -v npm >/dev/null || fail "npm is not on PATH"
tsc="$repo/node_modules/typescript/bin/tsc"
[ -f "$tsc" ] || fail "TypeScript is missing from $repo/node_modules (run npm ci in the repository first)"

# 1. pack (prepack builds dist/)
(cd "$repo" && npm pack --silent --pack-destination "$work" >"$work/pack.txt" 2>"$work/pack.err") ||
  fail "npm pack: $(tail -1 "$work/pack.err")"
tarball="$work/$(tail -1 "$work/pack.txt")"
[ -f "$tarball" ] || fail "npm pack made no tarball"
packed=$(stat -c %s "$tarball")
unpacked=$(tar -xzOf "$tarball" | wc -c)
listing=$(tar -tzf "$tarball")
files=$(printf '%s\n' "$listing" | wc -l)
echo "tarball: $(basename "$tarball"): $packed bytes packed, $unpacked bytes unpacked, $files files"
printf '%s\n' "$listing" | grep -qx 'package/dist/index.js' || fail "the tarball has no dist/index.js"
[ "$unpacked" -lt 4000000 ] || fail "the tarball unpacks to $unpacked bytes (ceiling 4,000,000): has an optional peer or a source map been bundled?"
ok "npm pack"

# 2. install into a scratch project (no access to the repository's node_modules)
app="$work/app"
mkdir -p "$app"
cd "$app" || fail "cannot enter $app"
printf '{ "name": "consumer", "version": "1.0.0", "private": true }\n' >package.json
npm install --no-audit --no-fund --silent "$tarball" >"$work/install.log" 2>&1 ||
  fail "npm install of the tarball: $(tail -3 "$work/install.log" | tr '\n' ' ')"
ok "npm install $(basename "$tarball")"

# 3. imports: ESM, CommonJS, the node entry
node --input-type=module -e '
  const m = await import("market-reaction");
  const n = await import("market-reaction/node");
  for (const name of ["eventStudy", "alignEvents", "parseSeriesCsv", "tradingCalendar"]) if (typeof m[name] !== "function") throw new Error("ESM export missing: " + name);
  if (typeof n.readSeriesFile !== "function") throw new Error("market-reaction/node: readSeriesFile missing");
' || fail "ESM import of market-reaction and market-reaction/node"
ok "import market-reaction, market-reaction/node (ESM)"
node -e '
  const m = require("market-reaction");
  const n = require("market-reaction/node");
  if (typeof m.eventStudy !== "function" || typeof n.readSeriesFile !== "function") throw new Error("CommonJS exports missing");
' || fail "CommonJS require of market-reaction and market-reaction/node"
ok "require market-reaction, market-reaction/node (CommonJS)"

# 4. types under node16 and bundler resolution
cat >consumer.mts <<'TS'
import { eventStudy, parseSeriesCsv, parseEventsCsv, type Series } from "market-reaction";
import { readSeriesFileSync } from "market-reaction/node";
const text = "date,close\n2025-01-02,100\n2025-01-03,101\n";
const s: Series = parseSeriesCsv(text).series[0]!;
const { events } = parseEventsCsv("id,timestamp,timezone\nE1,2025-01-03T10:00,America/New_York\n");
const study = eventStudy({ assets: [s], events, model: "constant-mean", estimation: [-2, -1], windows: [[0, 0]] });
const rows: number = study.car.length;
const reader: typeof readSeriesFileSync = readSeriesFileSync;
export { rows, reader };
TS
for res in node16 bundler; do
  mod=$([ "$res" = node16 ] && echo node16 || echo esnext)
  printf '{ "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "module": "%s", "moduleResolution": "%s", "types": [] }, "files": ["consumer.mts"] }\n' \
    "$mod" "$res" >"tsconfig-$res.json"
  node "$tsc" -p "tsconfig-$res.json" >"$work/tsc-$res.log" 2>&1 ||
    fail "tsc --moduleResolution $res: $(head -3 "$work/tsc-$res.log" | tr '\n' ' ')"
  ok "tsc --moduleResolution $res"
done

# 5. the command
v=$(npx --no-install market-reaction --version) || fail "npx market-reaction --version"
[ "$v" = "$(node -p 'require("market-reaction/package.json").version')" ] || fail "--version printed $v"
ok "npx market-reaction --version ($v)"
npx --no-install market-reaction demo >"$work/demo.txt" 2>"$work/demo.err" || fail "npx market-reaction demo: $(tail -1 "$work/demo.err")"
grep -q "^Market model of " "$work/demo.txt" || fail "the demo printed no market model"
ok "npx market-reaction demo ($(wc -l <"$work/demo.txt") lines)"

# 6. one study end to end on files written here: a random walk with a jump on 2025-04-09
node -e '
  const fs = require("fs");
  let x = 100, y = 100, seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.02;
  const index = ["date,close"], world = ["date,close"];
  for (let d = new Date(Date.UTC(2024, 0, 2)); d <= new Date(Date.UTC(2025, 5, 30)); d.setUTCDate(d.getUTCDate() + 1)) {
    const wd = d.getUTCDay(); if (wd === 0 || wd === 6) continue;
    const m = rnd(); const iso = d.toISOString().slice(0, 10);
    y *= 1 + m; x *= 1 + 0.9 * m + rnd() / 2 + (iso === "2025-04-09" ? 0.05 : 0);
    index.push(iso + "," + x.toFixed(4)); world.push(iso + "," + y.toFixed(4));
  }
  fs.writeFileSync("index.csv", index.join("\n") + "\n");
  fs.writeFileSync("world.csv", world.join("\n") + "\n");
  fs.writeFileSync("statements.csv", "id,timestamp,timezone,speaker\nPAUSE,2025-04-09T13:18,America/New_York,Donald Trump\n");
'
npx --no-install market-reaction study --prices index.csv --market world.csv --events statements.csv \
  --window=0,0 --format json >study.json 2>"$work/study.err" || fail "market-reaction study: $(tail -1 "$work/study.err")"
node -e '
  const s = JSON.parse(require("fs").readFileSync("study.json", "utf8"));
  const car = s.car.find((r) => r.event_id === "PAUSE" && r.window_start === 0 && r.window_end === 0);
  if (!car) throw new Error("no CAR row for PAUSE [0, 0]");
  if (!(car.car > 0.03 && car.car < 0.07)) throw new Error("CAR " + car.car + " is not near the injected 5%");
  console.log("ok   market-reaction study: CAR[0,0] of PAUSE = " + (100 * car.car).toFixed(2) + "% (5% injected)");
' || fail "the study's JSON output"

# 6b. worker threads (dist/worker.js from the installed package, ESM and CommonJS) and shards
for flavour in esm cjs; do
  code='
    const [m, n] = await Promise.all([import("market-reaction"), import("market-reaction/node")]);
    const fs = await import("node:fs");
    const series = (f, id) => m.parseSeriesCsv(fs.readFileSync(f, "utf8"), { id }).series[0];
    const { events } = m.parseEventsCsv("id,timestamp\nE1,2025-03-04T10:00\nPAUSE,2025-04-09T13:18\n");
    const options = { assets: [series("index.csv", "A"), series("world.csv", "B")], events, estimation: [-120, -11], windows: [[0, 0]] };
    const study = await n.eventStudyParallel(options, { workers: 2 });
    if (study.toJSONText() !== m.eventStudy(options).toJSONText()) throw new Error("eventStudyParallel differs from eventStudy");
  '
  # with a heap flag, as users of large studies run it (a worker's execArgv may not hold V8 flags)
  if [ "$flavour" = esm ]; then node --max-old-space-size=2048 --input-type=module -e "$code"; else node --max-old-space-size=2048 -e "(async () => { $code })().catch((e) => { console.error(e); process.exit(1); })"; fi ||
    fail "eventStudyParallel with 2 workers ($flavour, node --max-old-space-size=2048)"
done
ok "eventStudyParallel: 2 worker threads give the study of eventStudy (ESM and CommonJS, under --max-old-space-size)"
npx --no-install market-reaction study --prices index.csv --market world.csv --events statements.csv \
  --window=0,0 --format json --workers 2 >study-workers.json 2>"$work/workers.err" || fail "study --workers 2: $(tail -1 "$work/workers.err")"
cmp -s study.json study-workers.json || fail "study --workers 2 wrote other bytes than study"
for k in 0 1; do
  npx --no-install market-reaction study --prices index.csv --market world.csv --events statements.csv \
    --window=0,0 --shard $k/2 --shard-by statements --out part-$k.json 2>"$work/shard.err" || fail "study --shard $k/2: $(tail -1 "$work/shard.err")"
done
npx --no-install market-reaction merge part-1.json part-0.json --format json >study-merged.json 2>"$work/merge.err" ||
  fail "merge: $(tail -1 "$work/merge.err")"
cmp -s study.json study-merged.json || fail "merge of the shards wrote other bytes than study"
ok "market-reaction study --workers 2, and --shard K/2 + merge: the bytes of study"

# 7. from git (committed HEAD only)
if [ "${1:-}" = "--git" ]; then
  gitapp="$work/from-git"
  mkdir -p "$gitapp" && cd "$gitapp" || fail "cannot enter $gitapp"
  printf '{ "name": "consumer-git", "version": "1.0.0", "private": true }\n' >package.json
  npm install --no-audit --no-fund --silent "git+file://$repo#$(git -C "$repo" rev-parse HEAD)" >"$work/git.log" 2>&1 ||
    fail "npm install from git: $(tail -3 "$work/git.log" | tr '\n' ' ')"
  node --input-type=module -e 'const m = await import("market-reaction"); if (typeof m.eventStudy !== "function") throw new Error("no eventStudy");' ||
    fail "import after npm install from git (no dist/? the prepare script did not build)"
  ok "npm install git+file://…#HEAD, then import market-reaction"
fi
echo "consumer-check: ok"
