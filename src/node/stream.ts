/**
 * Streaming file reader of the node entry: a price or return file is read in 64 KiB chunks,
 * decoded incrementally and fed to the core's chunk-fed parser, so that a file of millions of
 * rows never sits in memory as one string.
 * @module
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { TextDecoder } from "node:util";
import { createSeriesCsvParser, isMarketReactionError, type ParseSeriesOptions, type SeriesCsvParser, type SeriesTable, type Warning } from "market-reaction";
import { checkPath, ioError } from "./io-error.js";

type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Size of the chunks read from the file. */
const CHUNK = 1 << 16;

/** The encoding of a file from its first bytes: a BOM, else the zero bytes of UTF-16 ASCII text, else UTF-8. */
function sniff(head: Uint8Array): Encoding {
  const n = head.length;
  if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (n >= 4) {
    const sample = Math.min(n - (n % 2), 512);
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < sample; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    const pairs = sample / 2;
    if (oddZero >= pairs * 0.9 && evenZero === 0) return "utf-16le";
    if (evenZero >= pairs * 0.9 && oddZero === 0) return "utf-16be";
  }
  return "utf-8";
}

class NotUtf8 extends Error {}

/** Decodes byte chunks incrementally (encoding sniffed from the first) into a chunk-fed parser. */
class Feeder {
  private readonly parser: SeriesCsvParser;
  private decoder: TextDecoder | undefined;
  encoding: Encoding | undefined;

  constructor(options: ParseSeriesOptions, encoding: Encoding | undefined) {
    this.parser = createSeriesCsvParser(options);
    this.encoding = encoding;
  }

  push(chunk: Uint8Array): void {
    if (this.decoder === undefined) {
      this.encoding ??= sniff(chunk);
      // the decoder drops a leading BOM of its own encoding; utf-8 is strict so that a
      // Windows-1252 file is detected (and re-read) rather than garbled
      this.decoder = new TextDecoder(this.encoding, { fatal: this.encoding === "utf-8" });
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotUtf8();
    }
    this.parser.write(text);
  }

  end(): { table: SeriesTable; encoding: Encoding } {
    if (this.decoder !== undefined) {
      let tail: string;
      try {
        tail = this.decoder.decode();
      } catch {
        throw new NotUtf8();
      }
      this.parser.write(tail);
    }
    return { table: this.parser.end(), encoding: this.encoding ?? "utf-8" };
  }
}

async function parseWith(path: string, encoding: Encoding | undefined, options: ParseSeriesOptions): Promise<{ table: SeriesTable; encoding: Encoding }> {
  const feeder = new Feeder(options, encoding);
  let stream;
  try {
    stream = createReadStream(path, { highWaterMark: CHUNK });
  } catch (error) {
    throw ioError(path, error);
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) feeder.push(chunk);
  } catch (error) {
    stream.destroy();
    if (error instanceof NotUtf8 || isMarketReactionError(error)) throw error;
    throw ioError(path, error);
  }
  return feeder.end();
}

function parseWithSync(path: string, encoding: Encoding | undefined, options: ParseSeriesOptions): { table: SeriesTable; encoding: Encoding } {
  const feeder = new Feeder(options, encoding);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw ioError(path, error);
  }
  try {
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        throw ioError(path, error);
      }
      if (n === 0) break;
      feeder.push(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return feeder.end();
}

function fallbackWarning(path: string, table: SeriesTable): SeriesTable {
  const warning: Warning = { code: "ENCODING_FALLBACK", message: `${path}: not valid UTF-8; decoded as Windows-1252` };
  return { ...table, warnings: [warning, ...table.warnings] };
}

/**
 * Reads a price or return file by streaming: the same result as `readSeriesFile` (layouts,
 * warnings, errors naming the file; UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1252 as a
 * reported fallback), with memory bounded by the parsed typed arrays rather than the file's
 * text. Use it for large files (long panels of millions of rows).
 *
 * @throws MarketReactionError `IO_ERROR` when the file cannot be read; otherwise as `parseSeriesCsv`
 *   (with the file name in the message and in every issue).
 * @example
 * // etf-daily-long.csv: date,ticker,adj_close rows of SPY and QQQ, 7–9 April 2025
 * const panel = await readSeriesFileStream("etf-daily-long.csv", { format: "long" });
 * panel.series.map((s) => s.id); // => ["SPY", "QQQ"] (one series per asset)
 * panel.series[0]?.values; // => Float64Array [500.0254, 492.1936, 543.8835]
 */
export async function readSeriesFileStream(path: string, options?: Omit<ParseSeriesOptions, "file">): Promise<SeriesTable> {
  checkPath(path);
  const o = { ...options, file: path };
  try {
    return (await parseWith(path, undefined, o)).table;
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
  }
  return fallbackWarning(path, (await parseWith(path, "windows-1252", o)).table);
}

/**
 * The synchronous form of {@link readSeriesFileStream} (the file is read in 64 KiB pieces
 * with blocking reads); `readSeriesFileSync` uses it for large files.
 * @throws MarketReactionError as {@link readSeriesFileStream}.
 * @example
 * const panel = readSeriesFileStreamSync("etf-daily-long.csv", { format: "long" });
 * panel.series[1]?.id; // => "QQQ"
 * panel.columns; // => { date: "date", values: ["adj_close"], asset: "ticker" }
 */
export function readSeriesFileStreamSync(path: string, options?: Omit<ParseSeriesOptions, "file">): SeriesTable {
  checkPath(path);
  const o = { ...options, file: path };
  try {
    return parseWithSync(path, undefined, o).table;
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
  }
  return fallbackWarning(path, parseWithSync(path, "windows-1252", o).table);
}
