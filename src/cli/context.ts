/**
 * What a CLI command needs from the outside world, so commands can be run in tests without
 * spawning a process.
 */
export interface CliIO {
  /** Writes data (results) to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes messages (warnings, progress, errors) to standard error. */
  readonly stderr: (text: string) => void;
  /** Writes a file (for --out). */
  readonly writeFile: (path: string, text: string) => Promise<void>;
  /** Writes a file from chunks of text as they come (large results); without it, the chunks are joined and given to `writeFile`. */
  readonly writeFileChunks?: (path: string, chunks: Iterable<string>) => Promise<void>;
  /** True when standard error is a terminal (progress display). */
  readonly stderrIsTTY: boolean;
}

/** A usage error: bad flags or arguments. Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
