"""framing: how a news article frames its story, paragraph by paragraph, with offsets."""
from framing.analysis import analyze, warm_up
from framing.version import ANALYZER_NAME, ANALYZER_VERSION
from framing.errors import FramingError

__all__ = ["ANALYZER_NAME", "ANALYZER_VERSION", "FramingError", "analyze", "warm_up"]
