"""Analyse: one article in, everything measured about it out (sentences, topics,
readability, the framing measures, key passages). Nothing here looks at another article."""
