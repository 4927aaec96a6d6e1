/**
 * fast-check property of the overlap sweep (issue 17, class 1): on random statements and
 * windows, `checkOverlaps` finds the same clusters and excludes the same estimation sessions as
 * a brute-force reading of the definitions (every pair of statements, every session).
 */
import fc from "fast-check";
import { checkOverlaps, type Window } from "market-reaction";

/** Sessions 0 … n-1 as day keys 1000 … (any sorted Int32Array will do). */
function days(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => 1000 + i);
}

/** The brute-force reading: pairs sharing a session, their connected groups, covered sessions. */
function bruteForce(index: readonly number[], windows: readonly Window[], estimation: Window, n: number): { groups: string[]; excluded: number[][] } {
  const cover = index.map((i) => {
    const s = new Set<number>();
    for (const w of windows) for (let t = i + w[0]; t <= i + w[1]; t++) s.add(t);
    return s;
  });
  const parent = index.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let a = 0; a < index.length; a++) {
    for (let b = a + 1; b < index.length; b++) {
      if ([...cover[a]!].some((t) => cover[b]!.has(t))) parent[find(b)] = find(a);
    }
  }
  const byRoot = new Map<number, number[]>();
  index.forEach((_, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), i]));
  const groups = [...byRoot.values()]
    .filter((g) => g.length > 1)
    .map((g) =>
      g
        .map((i) => `E${i}`)
        .sort()
        .join(" "),
    )
    .sort();
  const excluded = index.map((i, k) => {
    const out: number[] = [];
    for (let t = Math.max(0, i + estimation[0]); t <= Math.min(n - 1, i + estimation[1]); t++) {
      if (cover.some((c, j) => j !== k && c.has(t))) out.push(t);
    }
    return out;
  });
  return { groups, excluded };
}

const windowArb = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 5 })).map(([a, len]): Window => [a, a + len]);

/** Sweep = brute force for clusters and excluded sessions. */
export function overlapSweepProperty(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(
      fc.integer({ min: 20, max: 80 }),
      fc.array(fc.integer({ min: 0, max: 79 }), { minLength: 1, maxLength: 30 }),
      fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 2, max: 15 }),
      (n, rawIndex, windows, estLength) => {
        const index = rawIndex.map((i) => i % n);
        const low = Math.min(...windows.map((w) => w[0]));
        const estimation: Window = [low - 1 - estLength, low - 1];
        const sessions = days(n);
        const events = index.map((i, k) => ({ id: `E${k}`, day0: sessions[i]! }));
        const r = checkOverlaps(events, sessions, { estimation, windows });
        const expected = bruteForce(index, windows, estimation, n);
        const got = r.clusters
          .map((c) =>
            c.members
              .map((m) => m.id)
              .sort()
              .join(" "),
          )
          .sort();
        if (JSON.stringify(got) !== JSON.stringify(expected.groups)) throw new Error(`clusters ${JSON.stringify(got)} != ${JSON.stringify(expected.groups)}`);
        if (r.warnings.filter((w) => w.code === "OVERLAPPING_WINDOWS").length !== got.length) throw new Error("not one warning per cluster");
        for (const s of r.samples) {
          const k = Number(s.event_id.slice(1));
          if (JSON.stringify(s.excluded) !== JSON.stringify(expected.excluded[k]))
            throw new Error(`${s.event_id}: excluded ${JSON.stringify(s.excluded)} != ${JSON.stringify(expected.excluded[k])}`);
        }
        // every listed pair really overlaps, and every member of a cluster is reached by them
        for (const c of r.clusters) {
          const ids = new Set(c.members.map((m) => m.id));
          const linked = r.overlaps.filter((p) => ids.has(p.first_id));
          if (linked.length !== ids.size - 1) throw new Error(`cluster of ${ids.size} linked by ${linked.length} pairs`);
        }
      },
    ),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}
