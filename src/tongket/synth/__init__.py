"""Synthetic figures for benchmarks and demonstrations (`tongket synth`).

`generate` and `profiles` are pure Python (no Django): deterministic figures from a seed.
`writer` puts them into the database in bulk.
"""
