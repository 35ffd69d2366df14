"""framing: how a news article frames its story, paragraph by paragraph, with offsets."""
from framing.analysis import ANALYZER_NAME, ANALYZER_VERSION, analyze, warm_up
from framing.errors import FramingError

__all__ = ["ANALYZER_NAME", "ANALYZER_VERSION", "FramingError", "analyze", "warm_up"]
