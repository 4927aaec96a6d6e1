/**
 * Clusters of statements whose event windows share sessions, found by one sweep over the
 * windows sorted by their first session (O(m log m) for m windows, memory O(m + sessions)).
 *
 * Two statements are linked when one of their event windows shares a session with one of the
 * other's; a cluster is a connected group of linked statements. Sorting the windows by start
 * and carrying the furthest end seen so far finds every link that joins two groups: a window
 * that starts at or before that end shares its first session with the window that reached it.
 * @module
 */
import type { Window } from "../types.js";

/** A statement at its session index (sorted by index, then id, by the caller). */
export interface SweepMember {
  readonly id: string;
  readonly index: number;
}

/** A pair that joined two groups during the sweep, with the sessions the two windows share. */
export interface SweepLink {
  readonly first: number;
  readonly second: number;
  readonly lo: number;
  readonly hi: number;
}

/** Result of {@link sweepClusters}. */
export interface SweepResult {
  /** Component number of each member (0, 1, … in order of each component's first member). */
  readonly component: Int32Array;
  /** Number of components (singletons included). */
  readonly count: number;
  /** One link per union: a spanning set of each cluster's overlaps (at most one per window). */
  readonly links: SweepLink[];
  /** Component covering each session index (`-1`: no event window), for indices `[0, sessions)`. */
  readonly owner: Int32Array;
}

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}

/**
 * Groups `members` (sorted by index) into clusters of overlapping event windows.
 *
 * @param windows - event windows as offsets from day 0.
 * @param sessions - number of sessions (the owner map covers `[0, sessions)`; windows are not clipped for the links).
 */
export function sweepClusters(members: readonly SweepMember[], windows: readonly Window[], sessions: number): SweepResult {
  const n = members.length;
  const w = windows.length;
  const m = n * w;
  const starts = new Float64Array(m);
  const order = new Uint32Array(m);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < w; k++) {
      starts[i * w + k] = members[i]!.index + windows[k]![0];
      order[i * w + k] = i * w + k;
    }
  }
  // members are sorted by index, so windows of one offset are already in order: the sort is
  // stable on ties (lower member first)
  order.sort((a, b) => starts[a]! - starts[b]! || a - b);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const links: SweepLink[] = [];
  let reach = Number.NEGATIVE_INFINITY;
  let reacher = -1;
  for (let r = 0; r < m; r++) {
    const slot = order[r]!;
    const i = Math.floor(slot / w);
    const k = slot - i * w;
    const start = starts[slot]!;
    const end = members[i]!.index + windows[k]![1];
    if (reacher >= 0 && start <= reach) {
      const a = find(parent, reacher);
      const b = find(parent, i);
      if (a !== b) {
        parent[Math.max(a, b)] = Math.min(a, b);
        links.push({ first: Math.min(reacher, i), second: Math.max(reacher, i), lo: start, hi: Math.min(end, reach) });
      }
    }
    if (end > reach) {
      reach = end;
      reacher = i;
    }
  }
  const component = new Int32Array(n);
  const number = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    if (number[root] === -1) number[root] = count++;
    component[i] = number[root]!;
  }
  const owner = new Int32Array(sessions).fill(-1);
  for (let i = 0; i < n; i++) {
    for (const win of windows) {
      const lo = Math.max(0, members[i]!.index + win[0]);
      const hi = Math.min(sessions - 1, members[i]!.index + win[1]);
      for (let s = lo; s <= hi; s++) owner[s] = component[i]!;
    }
  }
  return { component, count, links, owner };
}
