"""Ranking PIs as mentors: the vocabularies, text relevance, priors, per-PI aggregation, reasons.

Pure functions over the tables; no I/O except reading the packaged vocabularies.
"""
