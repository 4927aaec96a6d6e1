/**
 * Writes the Arrow IPC test fixtures of test/io/arrow-fixtures/ with the apache-arrow npm
 * package (a devDependency only: the library reads Arrow with its own reader, and these
 * files, written by the reference implementation, check it). Each panel is also written as
 * CSV by this script from the same arrays, so the tests compare the Arrow reading with the
 * CSV reading of the same table.
 *
 *   npx tsx scripts/arrow-fixtures.ts
 *
 * Data: small seeded synthetic prices (no market data).
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  Bool,
  CompressionType,
  compressionRegistry,
  DateDay,
  DateMillisecond,
  Dictionary,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
} from "apache-arrow";

const OUT = join(import.meta.dirname, "..", "test", "io", "arrow-fixtures");
const DAY = 86_400_000;
const FIRST = Date.UTC(2025, 2, 3); // 2025-03-03

/** Seeded prices with 4 decimals (a linear congruential generator: the same on every machine). */
function prices(seed: number, n: number): number[] {
  let s = seed >>> 0;
  let p = 100;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    p *= 1 + 0.03 * (s / 2 ** 32 - 0.5);
    out.push(Math.round(p * 1e4) / 1e4);
  }
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function csv(header: string[], rows: unknown[][]): string {
  return `${[header.join(","), ...rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(","))].join("\n")}\n`;
}

function write(name: string, bytes: Uint8Array): void {
  writeFileSync(join(OUT, name), bytes);
}

/** Wide panel: Date32 dates, Float64 (one null), Float32 and Int64 values; two record batches (file format). */
function wide(): void {
  const n = 40;
  const days = Array.from({ length: n }, (_, i) => FIRST + i * DAY);
  const spy = prices(1, n);
  const qqq: (number | null)[] = prices(2, n);
  qqq[17] = null;
  const iwm = prices(3, n).map((v) => Math.fround(v));
  const big = prices(4, n).map((v) => BigInt(Math.round(v)));
  const part = (from: number, to: number): Table =>
    new Table({
      date: vectorFromArray(
        days.slice(from, to).map((d) => new Date(d)),
        new DateDay(),
      ),
      SPY: vectorFromArray(spy.slice(from, to), new Float64()),
      QQQ: vectorFromArray(qqq.slice(from, to), new Float64()),
      IWM: vectorFromArray(iwm.slice(from, to), new Float32()),
      BIG: vectorFromArray(big.slice(from, to), new Int64()),
    });
  const table = part(0, 25).concat(part(25, n));
  write("wide.arrow", tableToIPC(table, "file"));
  write(
    "wide.csv",
    new TextEncoder().encode(
      csv(
        ["date", "SPY", "QQQ", "IWM", "BIG"],
        days.map((d, i) => [iso(d), spy[i], qqq[i], iwm[i], big[i]]),
      ),
    ),
  );
}

/** Long panel sorted by asset: Timestamp[ms] dates, dictionary-encoded tickers, Float64 closes; stream format, three batches. */
function long(): void {
  const n = 30;
  const rows: [number, string, number][] = [];
  ["AAA", "BBB", "CCC"].forEach((t, k) => {
    const p = prices(10 + k, n);
    for (let i = 0; i < n; i++) rows.push([FIRST + i * DAY + 14.5 * 3_600_000, t, p[i]!]);
  });
  const part = (from: number, to: number): Table =>
    new Table({
      date: vectorFromArray(
        rows.slice(from, to).map((r) => r[0]),
        new TimestampMillisecond(),
      ),
      ticker: vectorFromArray(
        rows.slice(from, to).map((r) => r[1]),
        new Dictionary(new Utf8(), new Int32()),
      ),
      close: vectorFromArray(
        rows.slice(from, to).map((r) => r[2]),
        new Float64(),
      ),
    });
  const table = part(0, 35).concat(part(35, 70), part(70, 90));
  write("long.arrows", tableToIPC(table, "stream"));
  write(
    "long.csv",
    new TextEncoder().encode(
      csv(
        ["date", "ticker", "close"],
        rows.map((r) => [iso(r[0]), r[1], r[2]]),
      ),
    ),
  );
}

/** Long panel of returns with text dates and plain Utf8 assets, Date64-free; a bad return, a missing asset and a Bool column (file format, `.feather`). */
function bad(): void {
  const dates = ["2025-04-07", "2025-04-08", "2025-04-09", "2025-04-10", "2025-04-08"];
  const assets = ["X", "X", null, "X", "Y"];
  const ret = [0.01, -1.5, 0.02, 0.03, 0.04];
  const table = new Table({
    date: vectorFromArray(dates, new Utf8()),
    asset: vectorFromArray(assets, new Utf8()),
    ret: vectorFromArray(ret, new Float64()),
    flag: vectorFromArray([true, false, true, false, true], new Bool()),
  });
  write("bad.feather", tableToIPC(table, "file"));
  write(
    "bad.csv",
    new TextEncoder().encode(
      csv(
        ["date", "asset", "ret", "flag"],
        dates.map((d, i) => [d, assets[i], ret[i], i % 2 === 0]),
      ),
    ),
  );
}

/** Date64 dates and Int32 values (stream format). */
function date64(): void {
  const n = 6;
  const days = Array.from({ length: n }, (_, i) => FIRST + i * DAY);
  const v = [101, 102, 99, 105, 104, 110];
  const table = new Table({
    day: vectorFromArray(
      days.map((d) => new Date(d)),
      new DateMillisecond(),
    ),
    XYZ: vectorFromArray(v, new Int32()),
  });
  write("date64.arrows", tableToIPC(table, "stream"));
  write(
    "date64.csv",
    new TextEncoder().encode(
      csv(
        ["day", "XYZ"],
        days.map((d, i) => [iso(d), v[i]]),
      ),
    ),
  );
}

/** xxHash32 of a few bytes (seed 0): the header checksum of an LZ4 frame. */
function xxh32(bytes: Uint8Array): number {
  const P1 = 2654435761;
  const P2 = 2246822519;
  const P3 = 3266489917;
  const P4 = 668265263;
  const P5 = 374761393;
  const rotl = (x: number, r: number): number => ((x << r) | (x >>> (32 - r))) >>> 0;
  let h = (P5 + bytes.length) >>> 0;
  let i = 0;
  for (; i + 4 <= bytes.length; i += 4) {
    const w = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
    h = Math.imul(rotl((h + Math.imul(w, P3)) >>> 0, 17), P4) >>> 0;
  }
  for (; i < bytes.length; i++) h = Math.imul(rotl((h + Math.imul(bytes[i]!, P5)) >>> 0, 11), P1) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, P2) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, P3) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** An LZ4 frame holding `data` in one stored (uncompressed) block: valid LZ4, no compressor needed. */
function lz4Stored(data: Uint8Array): Uint8Array {
  const flg = 0x60; // version 01, independent blocks
  const bd = 0x70; // blocks of up to 4 MB
  const out = new Uint8Array(7 + 4 + data.length + 4);
  out.set([0x04, 0x22, 0x4d, 0x18, flg, bd, (xxh32(Uint8Array.of(flg, bd)) >>> 8) & 0xff]);
  new DataView(out.buffer).setUint32(7, (data.length | 0x80000000) >>> 0, true);
  out.set(data, 11);
  return out;
}

/** A wide panel whose record batch bodies are LZ4-compressed (the reader must refuse it clearly). */
function lz4(): void {
  compressionRegistry.set(CompressionType.LZ4_FRAME, { encode: lz4Stored });
  const table = new Table({ date: vectorFromArray(["2025-04-07", "2025-04-08"], new Utf8()), SPY: vectorFromArray([504.38, 496.48], new Float64()) });
  write("lz4.arrow", tableToIPC(table, "file", CompressionType.LZ4_FRAME));
}

mkdirSync(OUT, { recursive: true });
wide();
long();
bad();
date64();
lz4();
process.stdout.write(`wrote the Arrow fixtures to ${OUT}\n`);
