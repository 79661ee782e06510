//! Text checks on real narratives and on hand-made sentences.
