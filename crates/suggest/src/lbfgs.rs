//! Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives
//! such as regularised logistic loss. Every sum runs in a fixed order, so the same inputs give
//! the same bits.

/// Minimises `f` from `x` for at most `iterations` steps, or until the gradient's largest
/// component falls below `tolerance`. `f(x, grad)` returns the objective and writes its gradient.
/// Returns the number of iterations done.
pub fn minimize<F>(mut f: F, x: &mut [f64], iterations: usize, tolerance: f64) -> usize
where
    F: FnMut(&[f64], &mut [f64]) -> f64,
{
    const MEMORY: usize = 10;
    let n = x.len();
    let mut grad = vec![0.0; n];
    let mut value = f(x, &mut grad);
    let mut history: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::with_capacity(MEMORY); // (s, y, 1/y·s)
    let mut direction = vec![0.0; n];
    let mut next_x = vec![0.0; n];
    let mut next_grad = vec![0.0; n];
    for iteration in 0..iterations {
        if grad.iter().fold(0.0f64, |m, g| m.max(g.abs())) < tolerance {
            return iteration;
        }
        two_loop(&grad, &history, &mut direction);
        let mut slope = dot(&grad, &direction);
        if slope >= 0.0 {
            // Not a descent direction (numerical trouble): restart from steepest descent.
            history.clear();
            for (d, g) in direction.iter_mut().zip(&grad) {
                *d = -g;
            }
            slope = dot(&grad, &direction);
        }
        let mut step = if history.is_empty() {
            1.0 / norm(&grad).max(1.0)
        } else {
            1.0
        };
        let mut next_value;
        loop {
            for ((nx, xi), d) in next_x.iter_mut().zip(x.iter()).zip(&direction) {
                *nx = xi + step * d;
            }
            next_value = f(&next_x, &mut next_grad);
            if next_value <= value + 1e-4 * step * slope || step < 1e-12 {
                break;
            }
            step *= 0.5;
        }
        if step < 1e-12 {
            return iteration;
        }
        let s: Vec<f64> = next_x.iter().zip(x.iter()).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = next_grad.iter().zip(&grad).map(|(a, b)| a - b).collect();
        let ys = dot(&y, &s);
        if ys > 1e-12 {
            if history.len() == MEMORY {
                history.remove(0);
            }
            history.push((s, y, 1.0 / ys));
        }
        x.copy_from_slice(&next_x);
        grad.copy_from_slice(&next_grad);
        value = next_value;
    }
    iterations
}

/// The L-BFGS direction `-H grad` from the stored pairs.
fn two_loop(grad: &[f64], history: &[(Vec<f64>, Vec<f64>, f64)], out: &mut [f64]) {
    out.copy_from_slice(grad);
    let mut alphas = vec![0.0; history.len()];
    for (k, (s, y, rho)) in history.iter().enumerate().rev() {
        let a = rho * dot(s, out);
        alphas[k] = a;
        for (o, yi) in out.iter_mut().zip(y) {
            *o -= a * yi;
        }
    }
    if let Some((s, y, _)) = history.last() {
        let gamma = dot(s, y) / dot(y, y);
        for o in out.iter_mut() {
            *o *= gamma;
        }
    }
    for (k, (s, y, rho)) in history.iter().enumerate() {
        let b = rho * dot(y, out);
        for (o, si) in out.iter_mut().zip(s) {
            *o += (alphas[k] - b) * si;
        }
    }
    for o in out.iter_mut() {
        *o = -*o;
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimises_a_skewed_quadratic() {
        // f(x) = sum_i (i+1) (x_i - i)^2
        let f = |x: &[f64], g: &mut [f64]| {
            let mut v = 0.0;
            for i in 0..x.len() {
                let c = (i + 1) as f64;
                v += c * (x[i] - i as f64).powi(2);
                g[i] = 2.0 * c * (x[i] - i as f64);
            }
            v
        };
        let mut x = vec![0.0; 20];
        let done = minimize(f, &mut x, 500, 1e-9);
        assert!(done < 500);
        for (i, xi) in x.iter().enumerate() {
            assert!((xi - i as f64).abs() < 1e-6, "x[{i}] = {xi}");
        }
    }
}
