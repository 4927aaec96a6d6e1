/**
 * The `IO_ERROR` of the node entry's readers: the file and a short reason (no such file, is a
 * directory, permission denied, or the system's message), with the original error as `cause`.
 * @module
 */
import { MarketReactionError } from "market-reaction";

/** An `IO_ERROR` naming the file and why it could not be read. */
export function ioError(path: string, error: unknown): MarketReactionError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "is a directory"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : error instanceof Error
            ? error.message
            : String(error);
  return new MarketReactionError("IO_ERROR", `cannot read ${path}: ${reason}`, [{ file: path, message: reason }], { cause: error });
}

/** Throws `IO_ERROR` for a path that is not a non-empty string. */
export function checkPath(path: unknown): asserts path is string {
  if (typeof path !== "string" || path === "") throw new MarketReactionError("IO_ERROR", `invalid file path: ${JSON.stringify(path)}`);
}
