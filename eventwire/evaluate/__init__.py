"""Evaluation against gold data: precision, recall and F1 of what eventwire produces."""
