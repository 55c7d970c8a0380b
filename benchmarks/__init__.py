"""Caixa benchmarks: `python3 dev.py bench` (see docs/PERFORMANCE.md)."""
