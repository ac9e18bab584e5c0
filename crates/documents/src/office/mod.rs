//! Word and OpenDocument files (in progress).
