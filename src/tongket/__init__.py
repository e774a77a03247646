"""Tổng kết: targets, results and year-end reviews of Vietnamese communes and wards."""

__version__ = "0.1.0"
