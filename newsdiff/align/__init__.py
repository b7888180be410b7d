"""Alignment: sentence similarity, story clustering and grouping into facts."""
