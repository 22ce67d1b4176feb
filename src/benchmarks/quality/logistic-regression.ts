/**
 * Logistic regression by iteratively reweighted least squares (Newton's method) with a small ridge
 * penalty, which keeps weights finite when a feature separates the classes perfectly. A few dozen
 * features at most, so the normal equations are solved directly.
 */
export interface FitOptions {
  /** ridge penalty on every weight but those listed in `unpenalised` */
  l2: number;
  unpenalised?: ReadonlySet<number>;
  iterations?: number;
  /** how much each row counts (1 when omitted) */
  rowWeights?: readonly number[];
  /** weights held at a given value instead of fitted (an offset, e.g. a known prior) */
  fixed?: ReadonlyMap<number, number>;
}

export function fitLogistic(rows: readonly number[][], labels: readonly boolean[], options: FitOptions): number[] {
  const width = rows[0]?.length ?? 0;
  let weights = Array.from({ length: width }, (_, i) => options.fixed?.get(i) ?? 0);
  for (let iteration = 0; iteration < (options.iterations ?? 50); iteration += 1) {
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    const gradient = new Array<number>(width).fill(0);
    rows.forEach((row, r) => {
      const p = sigmoid(dot(weights, row));
      const rowWeight = options.rowWeights?.[r] ?? 1;
      const w = rowWeight * Math.max(p * (1 - p), 1e-12);
      const residual = rowWeight * ((labels[r] ? 1 : 0) - p);
      for (let i = 0; i < width; i += 1) {
        if (row[i] === 0) continue;
        gradient[i] += residual * row[i];
        for (let j = 0; j < width; j += 1) hessian[i][j] += w * row[i] * row[j];
      }
    });
    for (let i = 0; i < width; i += 1) {
      if (options.unpenalised?.has(i)) continue;
      gradient[i] -= options.l2 * weights[i];
      hessian[i][i] += options.l2;
    }
    for (const i of options.fixed?.keys() ?? []) {
      gradient[i] = 0;
      for (let j = 0; j < width; j += 1) hessian[i][j] = hessian[j][i] = 0;
    }
    // A feature no row carries, or a fixed one, would leave the system singular: it does not move.
    for (let i = 0; i < width; i += 1) if (hessian[i][i] === 0) hessian[i][i] = 1;
    const step = solve(hessian, gradient);
    // Newton's method can overshoot far from the optimum: halve the step until the fit improves.
    const before = objective(rows, labels, weights, options);
    let scale = 1;
    let next = weights.map((value, i) => value + step[i]);
    while (objective(rows, labels, next, options) > before && scale > 1e-6) {
      scale /= 2;
      next = weights.map((value, i) => value + scale * step[i]);
    }
    weights = next;
    if (Math.max(...step.map(Math.abs)) * scale < 1e-9) break;
  }
  return weights;
}

/** The penalised negative log-likelihood that the fit minimises. */
function objective(rows: readonly number[][], labels: readonly boolean[], weights: readonly number[], options: FitOptions): number {
  let loss = 0;
  rows.forEach((row, r) => {
    const z = dot(weights, row);
    // log(1 + e^z) computed without overflow
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += (options.rowWeights?.[r] ?? 1) * (softplus - (labels[r] ? z : 0));
  });
  weights.forEach((w, i) => {
    if (!options.unpenalised?.has(i) && !options.fixed?.has(i)) loss += (options.l2 / 2) * w * w;
  });
  return loss;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is symmetric positive definite here). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r += 1) {
      const factor = a[r][col] / a[col][col];
      for (let c = col; c <= n; c += 1) a[r][c] -= factor * a[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let sum = a[r][n];
    for (let c = r + 1; c < n; c += 1) sum -= a[r][c] * x[c];
    x[r] = sum / a[r][r];
  }
  return x;
}
