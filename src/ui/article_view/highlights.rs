//! The claims' fills and underlines, one mesh per chunk, cached between frames.
//!
//! A chunk's highlight mesh depends only on its galley (the text laid out at the column
//! width), its drawing plan's version in the claim index (a status change bumps only the
//! chunks under that claim) and light or dark mode; it is built once in the galley's own
//! coordinates and copied, shifted to where the chunk is drawn, into each frame's
//! mesh. A steady frame (nothing changed, nothing scrolled) then costs a vertex copy per chunk
//! instead of row geometry and underline shapes for every claim in view.

use std::collections::HashMap;
use std::sync::Arc;

use claimdesk_model::Claim;
use egui::epaint::{Mesh, Vertex};
use egui::{Galley, Rect, Vec2};

use super::chunks::Chunk;
use super::claim_index::ClaimIndex;
use super::for_each_row_rect;
use crate::ui::theme;

/// Which version of a chunk's plan a mesh was drawn from ([`ClaimIndex::version`]).
type PlanVersion = (u64, u32);

/// A chunk's mesh, in galley coordinates, and what it was built from.
struct Cached {
    galley: Arc<Galley>,
    version: PlanVersion,
    mesh: Mesh,
}

/// Per-chunk highlight meshes for one colour scheme.
#[derive(Default)]
pub struct HighlightCache {
    /// Dark mode, if the meshes were built for it.
    dark: Option<bool>,
    /// For each chunk drawn since: the galley and plan version it was built on, and the mesh
    /// in galley coordinates.
    meshes: HashMap<usize, Cached>,
    /// How many meshes this cache has built (a steady frame builds none).
    built: usize,
}

impl HighlightCache {
    /// Forgets every mesh unless they were built for `dark`.
    pub fn validate(&mut self, dark: bool) {
        if self.dark != Some(dark) {
            self.meshes.clear();
            self.dark = Some(dark);
        }
    }

    /// Appends chunk `k`'s highlights, drawn on `galley` at `shift` from plan `version`, to
    /// `out`; builds and keeps them first if this galley and version have none yet.
    pub fn append(
        &mut self,
        out: &mut Mesh,
        (k, version): (usize, PlanVersion),
        galley: &Arc<Galley>,
        shift: Vec2,
        build: impl FnOnce() -> Mesh,
    ) {
        let fresh = self
            .meshes
            .get(&k)
            .is_some_and(|c| Arc::ptr_eq(&c.galley, galley) && c.version == version);
        if !fresh {
            let cached = Cached {
                galley: galley.clone(),
                version,
                mesh: build(),
            };
            self.meshes.insert(k, cached);
            self.built += 1;
        }
        append_shifted(out, &self.meshes[&k].mesh, shift);
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
