import { MinHeap } from './min-heap';

/**
 * Maximum-weight flow in the dispatch network
 *
 *   source → group (cap 1) → shift (cap 1, cost −weight) → sink (cap = shift's capacity)
 *
 * by successive shortest paths with Dijkstra and Johnson potentials, stopping at the first path
 * that does not have negative cost (the best cost for flow value k is convex in k, so that stop is
 * the maximum weight over every flow value, not the maximum number of people placed).
 *
 * The shortest paths are found over the shifts alone. A group enters a residual path only from the
 * source (while free) or back from the one shift it holds, so every source–sink path reads
 * "free group → shift → group it holds → another shift → … → shift with room → sink", and the
 * group potentials cancel out of each step. Thousands of seekers then cost a scan of their arcs,
 * not heap work; and a group once placed is never freed (no path ends at the source), so a
 * cursor walks each shift's free candidates once overall.
 * Weights are integers (micro-points), so the arithmetic is exact.
 */
export interface FlowProblem {
  /** Places per shift. */
  capacity: readonly number[];
  /** Each group's arcs: the shift and an integer weight > 0. A group takes at most one. */
  groups: readonly { options: readonly { shift: number; weight: number }[] }[];
}

/** The shift each group gets, or −1. */
export function maxWeightFlow({ capacity, groups }: FlowProblem): Int32Array {
  const m = capacity.length;
  const sink = m;
  const held = new Int32Array(groups.length).fill(-1);
  const heldWeight = new Float64Array(groups.length);
  const members: number[][] = capacity.map(() => []); // groups each shift holds
  const slot = new Int32Array(groups.length); // a group's index in its shift's members
  const load = new Int32Array(m);

  // Per shift, the free groups that could enter it, best first; groups are never freed, so a cursor suffices.
  const entries: { group: number; weight: number }[][] = capacity.map(() => []);
  groups.forEach((g, group) => g.options.forEach(({ shift, weight }) => entries[shift].push({ group, weight })));
  for (const list of entries) list.sort((a, b) => b.weight - a.weight || a.group - b.group);
  const cursor = new Int32Array(m);
  const bestEntry = (j: number) => {
    while (cursor[j] < entries[j].length && held[entries[j][cursor[j]].group] !== -1) cursor[j] += 1;
    return entries[j][cursor[j]] as { group: number; weight: number } | undefined;
  };

  // Initial potentials: shortest distances from the source while every group is free.
  const potential = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) potential[j] = -(bestEntry(j)?.weight ?? 0);
  for (let j = 0; j < m; j++) if (capacity[j] > 0 && entries[j].length > 0) potential[sink] = Math.min(potential[sink], potential[j]);

  const dist = new Float64Array(m + 1);
  const done = new Uint8Array(m + 1);
  const fromShift = new Int32Array(m + 1); // predecessor shift, or −1 for the source
  const viaGroup = new Int32Array(m + 1); // the group that steps into this shift
  const viaWeight = new Float64Array(m + 1); // that group's weight on this shift

  for (;;) {
    dist.fill(Infinity);
    done.fill(0);
    const heap = new MinHeap();
    for (let j = 0; j < m; j++) {
      const entry = bestEntry(j);
      if (!entry) continue;
      dist[j] = -entry.weight - potential[j];
      fromShift[j] = -1;
      viaGroup[j] = entry.group;
      viaWeight[j] = entry.weight;
      heap.push(dist[j], j);
    }
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u] || d > dist[u]) continue;
      done[u] = 1;
      if (u === sink) break; // unsettled shifts are capped at dist[sink] below
      const relax = (v: number, cost: number, group: number, weight: number) => {
        const nd = d + cost + potential[u] - potential[v];
        if (!done[v] && nd < dist[v]) {
          dist[v] = nd;
          fromShift[v] = u;
          viaGroup[v] = group;
          viaWeight[v] = weight;
          heap.push(nd, v);
        }
      };
      if (load[u] < capacity[u]) relax(sink, 0, -1, 0);
      for (const g of members[u]) {
        for (const { shift, weight } of groups[g].options) if (shift !== u) relax(shift, heldWeight[g] - weight, g, weight);
      }
    }
    // The path's true cost is its reduced cost plus the sink's potential (the source's stays 0).
    if (!done[sink] || dist[sink] + potential[sink] >= 0) break;
    const cut = dist[sink];
    for (let v = 0; v <= m; v++) potential[v] += Math.min(dist[v], cut);

    // Augment one unit: the last shift gains a person; each group on the path moves to the next shift.
    let shift = fromShift[sink];
    load[shift] += 1;
    for (;;) {
      const g = viaGroup[shift];
      const previous = fromShift[shift];
      if (held[g] !== -1) leave(g);
      held[g] = shift;
      heldWeight[g] = viaWeight[shift];
      slot[g] = members[shift].push(g) - 1;
      if (previous === -1) break;
      shift = previous;
    }
  }
  return held;

  function leave(g: number): void {
    const list = members[held[g]];
    const last = list.pop() as number;
    if (last !== g) {
      list[slot[g]] = last;
      slot[last] = slot[g];
    }
  }
}
