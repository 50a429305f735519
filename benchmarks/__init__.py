"""Benchmarks of Usul: ``make bench`` (``python -m benchmarks``) runs each one in turn."""

# Each module offers ``run() -> bool`` (True when within its target) and prints its figures.
BENCHMARKS = ["benchmarks.compliance", "benchmarks.documents"]
