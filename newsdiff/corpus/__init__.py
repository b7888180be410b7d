"""Corpus mode: discovery of clusters, engines that run them, rules for check."""
