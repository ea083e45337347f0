"""The lead list: writing it (CSV/XLSX/JSON/terminal), reading it back, follow-ups, papers.

This ``__init__`` stays empty so that ``--help`` can import ``leads.export`` without pandas.
"""
