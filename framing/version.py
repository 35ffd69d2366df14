"""The analyzer's name and version, which every report carries.

Trends and comparisons only aggregate reports whose analyzer blocks agree (docs/report.md),
so the version changes whenever the code would report the same article differently.
"""

ANALYZER_NAME = "framing"
ANALYZER_VERSION = "0.3.0"
