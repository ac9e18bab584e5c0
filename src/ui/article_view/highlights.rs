//! The claims' fills and underlines, one mesh per chunk, cached between frames.
//!
//! A chunk's highlight mesh depends only on its galley (the text laid out at the column
//! width), the claims (their generation) and light or dark mode; it is built once in the
//! galley's own coordinates and copied, shifted to where the chunk is drawn, into each frame's
//! mesh. A steady frame (nothing changed, nothing scrolled) then costs a vertex copy per chunk
//! instead of row geometry and underline shapes for every claim in view.

use std::collections::HashMap;
use std::sync::Arc;

use claimdesk_core::Claim;
use egui::epaint::{Mesh, Vertex};
use egui::{Galley, Rect, Vec2};

use super::chunks::Chunk;
use super::claim_index::ClaimIndex;
use super::for_each_row_rect;
use crate::ui::theme;

/// Per-chunk highlight meshes for one claims generation and one colour scheme.
#[derive(Default)]
pub struct HighlightCache {
    /// The claims generation and dark mode the meshes were built for.
    key: Option<(u64, bool)>,
    /// For each chunk drawn since: the galley it was built on, and the mesh in galley
    /// coordinates.
    meshes: HashMap<usize, (Arc<Galley>, Mesh)>,
    /// How many meshes this cache has built (a steady frame builds none).
    built: usize,
}

impl HighlightCache {
    /// Forgets every mesh unless they were built for `claims_generation` and `dark`.
    pub fn validate(&mut self, claims_generation: u64, dark: bool) {
        if self.key != Some((claims_generation, dark)) {
            self.meshes.clear();
            self.key = Some((claims_generation, dark));
        }
    }

    /// Appends chunk `k`'s highlights, drawn on `galley` at `shift`, to `out`; builds and
    /// keeps them first if this galley has none yet.
    pub fn append(
        &mut self,
        out: &mut Mesh,
        k: usize,
        galley: &Arc<Galley>,
        shift: Vec2,
        build: impl FnOnce() -> Mesh,
    ) {
        let entry = self.meshes.get(&k).filter(|(g, _)| Arc::ptr_eq(g, galley));
        if entry.is_none() {
            self.meshes.insert(k, (galley.clone(), build()));
            self.built += 1;
        }
        let (_, mesh) = &self.meshes[&k];
        append_shifted(out, mesh, shift);
    }

    /// How many chunk meshes this cache has built so far.
    pub fn built(&self) -> usize {
        self.built
    }

    /// Drops the meshes of chunks not in `drawn` (scrolled out of view): the cache holds
    /// what is on screen, not the whole article.
    pub fn keep_only(&mut self, drawn: &[usize]) {
        self.meshes.retain(|k, _| drawn.contains(k));
    }
}

/// Builds chunk `k`'s fills (first, so every underline sits on top) and underlines in
/// `galley`'s coordinates.
pub fn chunk_mesh(
    galley: &Galley,
    chunks: &[Chunk],
    k: usize,
    index: &ClaimIndex,
    claims: &[Claim],
    dark: bool,
) -> Mesh {
    let mut mesh = Mesh::default();
    let plan = index.plan(k, chunks, claims);
    let chunk = &chunks[k];
    let rects = |start, end, f: &mut dyn FnMut(Rect)| {
        for_each_row_rect(galley, chunk, start, end, f);
    };
    for fill in &plan.fills {
        let color = theme::status_fill(fill.status, dark);
        rects(fill.start, fill.end, &mut |r| {
            for _ in 0..fill.layers {
                mesh.add_colored_rect(r, color);
            }
        });
    }
    for &i in &plan.underlined {
        let claim = &claims[i as usize];
        let lane = index.lanes[i as usize] as f32;
        let color = theme::status_color(claim.status, dark);
        rects(claim.span.start, claim.span.end, &mut |r| {
            let y = r.bottom() - 3.0 - lane * theme::LANE_HEIGHT;
            theme::add_status_underline(&mut mesh, claim.status, r.left(), r.right(), y, color);
        });
    }
    mesh
}

/// Appends `mesh` moved by `shift` to `out`.
fn append_shifted(out: &mut Mesh, mesh: &Mesh, shift: Vec2) {
    let base = out.vertices.len() as u32;
    out.indices.extend(mesh.indices.iter().map(|i| i + base));
    out.vertices.extend(mesh.vertices.iter().map(|v| Vertex {
        pos: v.pos + shift,
        ..*v
    }));
}
