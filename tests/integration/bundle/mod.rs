//! Bundles: export, import and back, between and on both backends, and what a bad bundle gets.

mod bad_input;
mod round_trip;
mod support;
