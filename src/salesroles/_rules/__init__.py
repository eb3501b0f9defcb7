"""Judging: the article's rules, policies, check and decide, titles and duties; never the wire."""
