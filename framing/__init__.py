"""framing: compare how news outlets frame the same story, side by side."""

__version__ = "0.1.0"
