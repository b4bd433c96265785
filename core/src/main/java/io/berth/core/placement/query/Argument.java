package io.berth.core.placement.query;

/** A value written in an expression (quotes removed), with the zero-based position it starts at. */
record Argument(String text, int position) {
}
