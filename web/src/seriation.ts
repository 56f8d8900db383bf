// Ordering the rows of a symmetric similarity matrix so that similar states sit
// together: average-linkage agglomerative clustering, leaves in dendrogram order
// (each merge puts the pair of ends that are closest next to each other).

/**
 * @param sim  n x n similarities (NaN = unknown); larger = more alike
 * @returns    a permutation of 0..n-1
 */
export function seriate(sim: number[][]): number[] {
  const n = sim.length;
  if (n <= 2) return [...Array(n).keys()];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j && Number.isFinite(sim[i][j])) {
        lo = Math.min(lo, sim[i][j]);
        hi = Math.max(hi, sim[i][j]);
      }
  const span = hi > lo ? hi - lo : 1;
  // Distances in [0, 1]; unknown pairs get the mean distance.
  const d: Float64Array[] = [];
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    d.push(new Float64Array(n));
    for (let j = 0; j < n; j++) {
      const s = sim[i][j];
      if (i !== j && Number.isFinite(s)) {
        d[i][j] = 1 - (s - lo) / span;
        sum += d[i][j];
        count++;
      } else d[i][j] = NaN;
    }
  }
  const mean = count ? sum / count : 0.5;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (Number.isNaN(d[i][j])) d[i][j] = i === j ? 0 : mean;

  const leaves: number[][] = [];
  const size: number[] = [];
  const active: boolean[] = [];
  const D: Float64Array[] = d.map((row) => Float64Array.from(row)); // cluster distances (average linkage)
  for (let i = 0; i < n; i++) {
    leaves.push([i]);
    size.push(1);
    active.push(true);
  }
  for (let step = 0; step < n - 1; step++) {
    let bi = -1;
    let bj = -1;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const row = D[i];
      for (let j = i + 1; j < n; j++) {
        if (active[j] && row[j] < best) {
          best = row[j];
          bi = i;
          bj = j;
        }
      }
    }
    // Orient the two leaf lists so that their touching ends are the closest.
    const A = leaves[bi];
    const B = leaves[bj];
    const a0 = A[0], a1 = A[A.length - 1], b0 = B[0], b1 = B[B.length - 1];
    const options: [number, () => number[]][] = [
      [d[a1][b0], () => [...A, ...B]],
      [d[a1][b1], () => [...A, ...[...B].reverse()]],
      [d[a0][b0], () => [...[...A].reverse(), ...B]],
      [d[a0][b1], () => [...B, ...A]],
    ];
    options.sort((x, y) => x[0] - y[0]);
    leaves[bi] = options[0][1]();
    // Average linkage update (Lance-Williams).
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === bi || k === bj) continue;
      const v = (size[bi] * D[bi][k] + size[bj] * D[bj][k]) / (size[bi] + size[bj]);
      D[bi][k] = v;
      D[k][bi] = v;
    }
    size[bi] += size[bj];
    active[bj] = false;
    leaves[bj] = [];
  }
  return leaves.find((l) => l.length === n) ?? [...Array(n).keys()];
}
