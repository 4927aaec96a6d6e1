import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "market-reaction/node": fileURLToPath(new URL("./src/node/index.ts", import.meta.url)),
      "market-reaction/stats": fileURLToPath(new URL("./src/stats.ts", import.meta.url)),
      "market-reaction/arrow": fileURLToPath(new URL("./src/arrow.ts", import.meta.url)),
      "market-reaction": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/setup.ts"],
    // generous: the type-checking tests compile the README and TSDoc examples, slow on a busy 2-core machine
    testTimeout: 180_000,
    pool: "forks",
  },
});
