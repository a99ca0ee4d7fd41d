//! A criterion measurement of the process's CPU time (all threads, user and
//! system) rather than wall time: on a machine shared with other work, wall
//! time measures the scheduler as much as the code, CPU time does not. On an
//! idle machine a benchmark's wall time is at most its CPU time.

use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter};

/// The process's CPU time, in nanoseconds.
pub struct CpuTime;

fn now() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        now()
    }
    fn end(&self, start: u64) -> u64 {
        now().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Shows nanoseconds of CPU time as ns, µs, ms or s, and throughputs per
/// CPU second.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (div, unit) = match typical {
            t if t < 1e3 => (1.0, "ns cpu"),
            t if t < 1e6 => (1e3, "µs cpu"),
            t if t < 1e9 => (1e6, "ms cpu"),
            _ => (1e9, "s cpu"),
        };
        values.iter_mut().for_each(|v| *v /= div);
        unit
    }

    fn scale_throughputs(&self, typical: f64, tp: &Throughput, values: &mut [f64]) -> &'static str {
        let (amount, unit, div) = match *tp {
            Throughput::Bytes(b) | Throughput::BytesDecimal(b) => {
                (b as f64, "MiB/cpu-s", 1024.0 * 1024.0)
            }
            Throughput::Elements(e) | Throughput::ElementsAndBytes { elements: e, .. } => {
                (e as f64, "elem/cpu-s", 1.0)
            }
            Throughput::Bits(b) => (b as f64, "b/cpu-s", 1.0),
        };
        let _ = typical;
        values.iter_mut().for_each(|v| *v = amount * 1e9 / *v / div);
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
