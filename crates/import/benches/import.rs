//! Import speed on hostile shapes (issue 16: "a hostile page of a few MB imports or is refused
//! in under 1 s"). Run: `cargo bench -p claimdesk-core --bench import`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use claimdesk_import::hostile::hostile_inputs;
use claimdesk_import::{ImportOptions, import_bytes};
use criterion::{Criterion, criterion_group, criterion_main};

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("import/hostile");
    for input in hostile_inputs() {
        group.bench_function(input.name, |b| {
            b.iter(|| {
                let options = ImportOptions::default();
                black_box(import_bytes(
                    &input.bytes,
                    Path::new("hostile"),
                    "hostile",
                    "",
                    input.kind,
                    &options,
                ))
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = hostile
}
criterion_main!(benches);
