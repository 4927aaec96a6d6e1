/**
 * The CLI's own file-system operations (writing `--out` and `--plot`, reading the volume and
 * OHLC columns of a file, standard output): every failure becomes one `IO_ERROR` line naming the
 * file and the reason, never an "internal error" with a stack.
 * @module
 */
import { readFileSync } from "node:fs";
import { open, writeFile } from "node:fs/promises";
import { MarketReactionError } from "market-reaction";

/** The system's error codes in words (the rest keep the system's message). */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EFBIG: "file too large",
  EIO: "input/output error",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many levels of symbolic links",
  EMFILE: "too many open files",
  ENXIO: "no such device (a FIFO without a reader?)",
  EPIPE: "broken pipe",
  EBUSY: "resource busy",
};

/** The reason of a file-system error, in words. */
export function fileErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && REASONS[code] !== undefined) return REASONS[code]!;
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

/** An `IO_ERROR`: `cannot write out.json: no such file or directory`, the system error as `cause`. */
export function fileError(action: "read" | "write", path: string, error: unknown): MarketReactionError {
  const reason = fileErrorReason(error);
  return new MarketReactionError("IO_ERROR", `cannot ${action} ${path}: ${reason}`, [{ file: path, message: reason }], { cause: error });
}

/** Writes text to a file (`--out`). */
export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, "utf8");
  } catch (error) {
    throw fileError("write", path, error);
  }
}

/** Writes bytes to a file (a PNG chart). */
export async function writeBytesFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw fileError("write", path, error);
  }
}

/** Writes chunks of text to a file as they come (large results); errors of the chunks themselves pass through. */
export async function writeChunksFile(path: string, chunks: Iterable<string>): Promise<void> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, "w");
  } catch (error) {
    throw fileError("write", path, error);
  }
  try {
    for (const text of chunks) {
      try {
        await file.write(text, null, "utf8");
      } catch (error) {
        throw fileError("write", path, error);
      }
    }
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** Reads a text file the CLI parses itself (volume and OHLC columns). */
export function readTextFileSync(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw fileError("read", path, error);
  }
}

/**
 * What to do when standard output fails: a closed pipe (`| head`) ends the run quietly (exit 0);
 * anything else (a full disk, `> /dev/full`) is one `IO_ERROR` line on stderr and exit 1.
 */
export function onStdoutError(error: NodeJS.ErrnoException, stderr: (text: string) => void, exit: (code: number) => void): void {
  if (error.code === "EPIPE") {
    exit(0);
    return;
  }
  stderr(`market-reaction: IO_ERROR: cannot write to standard output: ${fileErrorReason(error)}\n`);
  exit(1);
}
