import { defineConfig, type Options } from "tsup";

// The entries (the core, market-reaction/stats, market-reaction/arrow, market-reaction/node, the CLI):
// - the core is built for platform "neutral" with removeNodeProtocol off, so an import of
//   a Node built-in (node:fs, fs, path, …) anywhere in the core makes the build fail;
// - the node entry and the CLI import the core through the package's own name, kept
//   external, so dist/node.* and dist/cli.js carry no second copy of the core.
// No `clean: true`: the configs build in parallel and a clean would race (npm run build
// removes dist first).
// Source maps are off in the published build: they were 2.2 MB of the 3.9 MB unpacked, they
// point into src/ (not shipped), and Node ignores them without --enable-source-maps. For
// debugging, build with them: MARKET_REACTION_SOURCEMAP=1 npm run build.
const sourcemap = process.env.MARKET_REACTION_SOURCEMAP === "1";
const common = {
  format: ["esm", "cjs"],
  dts: true,
  sourcemap,
  target: "es2022",
  removeNodeProtocol: false,
  splitting: false,
} satisfies Options;

export default defineConfig([
  {
    ...common,
    entry: { index: "src/index.ts" },
    platform: "neutral",
    // dependencies stay external; the core must resolve nothing from Node itself
    external: ["zod", "papaparse", "date-fns", "@date-fns/tz", "simple-statistics", "hyparquet"],
  },
  {
    ...common,
    entry: { stats: "src/stats.ts" },
    platform: "neutral",
    external: ["zod", "papaparse", "date-fns", "@date-fns/tz", "simple-statistics"],
  },
  {
    ...common,
    entry: { arrow: "src/arrow.ts" },
    platform: "neutral",
    external: ["zod", "papaparse", "date-fns", "@date-fns/tz", "simple-statistics"],
  },
  {
    ...common,
    entry: { node: "src/node/index.ts" },
    platform: "node",
    // import.meta.url in dist/node.cjs too (eventStudyParallel finds dist/worker.js by it)
    shims: true,
    // the optional peers are loaded with import() only when asked for; bundling them would put
    // playwright-core (7 MB) into dist/node.*
    external: ["market-reaction", "market-reaction/arrow", "vega", "vega-lite", "playwright-core", "hyparquet"],
  },
  {
    // the worker thread of eventStudyParallel, loaded by dist/node.js and dist/node.cjs as a file
    // next to them (one ESM file: the package is "type": "module"). It carries its own copy of
    // what studyShard needs of the core and of the dependencies (tree-shaken, ~0.6 MB): a worker
    // starts in ~70 ms of CPU instead of ~250 ms, most of which went to resolving and compiling
    // the ~300 module files of date-fns and zod that importing the package loads.
    entry: { worker: "src/node/worker.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap,
    removeNodeProtocol: false,
    noExternal: [/^(?!hyparquet$|vega|playwright-core)/],
    external: ["hyparquet", "vega", "vega-lite", "playwright-core"],
    esbuildOptions(options) {
      options.alias = { "market-reaction": "./src/index.ts" };
    },
    banner: {
      js: [
        "// The worker thread of market-reaction's eventStudyParallel (MIT). It bundles parts of:",
        "// zod, MIT, Copyright (c) 2025 Colin McDonnell; date-fns, MIT, Copyright (c) 2021 Sasha Koss",
        "// and Lesha Koss; @date-fns/tz and @date-fns/utc, MIT, Copyright (c) 2022-2024 Sasha Koss;",
        "// simple-statistics, ISC, Copyright (c) 2014 Tom MacWright. Their license texts are in their",
        "// npm packages (dependencies of market-reaction).",
      ].join("\n"),
    },
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap,
    removeNodeProtocol: false,
    external: ["market-reaction", "market-reaction/node", "market-reaction/arrow", "vega", "vega-lite", "playwright-core", "hyparquet"],
  },
]);
