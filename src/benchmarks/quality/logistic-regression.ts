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
}

export function fitLogistic(rows: readonly number[][], labels: readonly boolean[], options: FitOptions): number[] {
  const width = rows[0]?.length ?? 0;
  let weights = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 50); iteration += 1) {
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    const gradient = new Array<number>(width).fill(0);
    rows.forEach((row, r) => {
      const p = sigmoid(dot(weights, row));
      const w = Math.max(p * (1 - p), 1e-12);
      const residual = (labels[r] ? 1 : 0) - p;
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
    // A feature no row carries would leave the system singular: it keeps weight 0.
    for (let i = 0; i < width; i += 1) if (hessian[i][i] === 0) hessian[i][i] = 1;
    const step = solve(hessian, gradient);
    weights = weights.map((value, i) => value + step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return weights;
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
