//! Exponential and logarithm from `+ - * /` only, so training and scoring give the same bits on
//! every platform (the system `exp`/`ln` may differ in the last bit between C libraries).

/// e^x for finite `x`, within a few ulps; 0 below -745 and infinity above ln(f64::MAX).
pub fn exp(x: f64) -> f64 {
    if x < -745.0 {
        return 0.0;
    }
    if x > 709.782_712_893_384 {
        return f64::INFINITY;
    }
    // x = k ln2 + r with |r| <= ln2 / 2; e^r by its Taylor series (|r|^18/18! < 1e-20).
    // ln2 is split in two (Cody and Waite) so that k * LN2_HI is exact for |k| < 2^11.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000); // 0.6931471803691238
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76); // 1.9082149292705877e-10
    let k = (x / std::f64::consts::LN_2).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=18 {
        term *= r / n as f64;
        sum += term;
    }
    scale_by_power_of_two(sum, k as i32)
}

/// The natural logarithm of a positive finite `x` (negative infinity at 0).
pub fn ln(x: f64) -> f64 {
    if x <= 0.0 {
        return f64::NEG_INFINITY;
    }
    // x = m 2^e with m in [1, 2) (subnormals scaled up first); ln m = 2 atanh((m-1)/(m+1)).
    let (x, extra) = if x < f64::MIN_POSITIVE {
        (x * 2f64.powi(54), -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1023 + extra;
    let m = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    let s = (m - 1.0) / (m + 1.0); // |s| < 1/3
    let s2 = s * s;
    let mut power = s;
    let mut sum = 0.0;
    for n in 0..24 {
        sum += power / (2 * n + 1) as f64;
        power *= s2;
    }
    2.0 * sum + e as f64 * std::f64::consts::LN_2
}

/// The logistic function 1 / (1 + e^-z).
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + exp(-z))
    } else {
        let e = exp(z);
        e / (1.0 + e)
    }
}

/// ln(1 + e^z) without overflow.
pub fn softplus(z: f64) -> f64 {
    z.max(0.0) + ln(1.0 + exp(-z.abs()))
}

/// `x * 2^k` by building the power of two from its bits (in two steps near the limits).
fn scale_by_power_of_two(x: f64, k: i32) -> f64 {
    let pow = |k: i32| f64::from_bits(((k + 1023) as u64) << 52);
    if k > 1000 {
        x * pow(1000) * pow(k - 1000)
    } else if k < -1000 {
        x * pow(-1000) * pow(k + 1000)
    } else {
        x * pow(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_to_the_system_functions() {
        for i in -700..=700 {
            let x = i as f64 * 1.013;
            let rel = (exp(x) - x.exp()).abs() / x.exp();
            assert!(rel < 1e-14, "exp({x}): {rel}");
        }
        for &x in &[
            1e-300, 1e-10, 0.5, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e300, 5e-324,
        ] {
            let abs = (ln(x) - x.ln()).abs();
            assert!(abs < 1e-13 * x.ln().abs().max(1.0), "ln({x}): {abs}");
        }
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
    }

    #[test]
    fn sigmoid_and_softplus_are_stable() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert!(sigmoid(800.0) == 1.0 && sigmoid(-800.0) == 0.0);
        assert!((softplus(0.0) - 2f64.ln()).abs() < 1e-15);
        assert_eq!(softplus(1000.0), 1000.0);
        assert!(softplus(-1000.0) >= 0.0);
    }
}
