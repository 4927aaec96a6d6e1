/**
 * A file read by byte ranges through one open handle: columnar readers (Parquet, Arrow) fetch
 * the footer and then each column chunk they need, so a large file is never in memory whole.
 * @module
 */
import { open, type FileHandle } from "node:fs/promises";
import type { ByteRangeSource } from "market-reaction";
import { ioError } from "./io-error.js";

/** An open file as a {@link ByteRangeSource}; `close` must be called when done. */
export interface FileRanges extends ByteRangeSource {
  close(): Promise<void>;
}

/**
 * Opens `path` for reading by ranges.
 * @throws MarketReactionError `IO_ERROR` when the file cannot be opened or is not a regular file.
 */
export async function openFileRanges(path: string): Promise<FileRanges> {
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      throw Object.assign(new Error("not a regular file"), { code: stat.isDirectory() ? "EISDIR" : undefined });
    }
    size = stat.size;
  } catch (error) {
    throw ioError(path, error);
  }
  return {
    byteLength: size,
    async slice(start: number, end: number = size): Promise<ArrayBuffer> {
      const from = Math.max(0, Math.min(start, size));
      const length = Math.max(0, Math.min(end, size) - from);
      const bytes = new Uint8Array(length);
      let done = 0;
      try {
        while (done < length) {
          const { bytesRead } = await handle.read(bytes, done, length - done, from + done);
          if (bytesRead === 0) throw new Error(`file ended at byte ${from + done} (expected ${size})`);
          done += bytesRead;
        }
      } catch (error) {
        throw ioError(path, error);
      }
      return bytes.buffer;
    },
    close: () => handle.close(),
  };
}
