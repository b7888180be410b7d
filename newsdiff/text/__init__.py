"""Text: segmentation, the word layer, numbers, quotes and lexicons."""
