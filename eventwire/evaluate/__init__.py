"""Evaluation against gold data: precision, recall and F1 of what eventwire produces."""


def precision_recall_f1(correct_produced: int, produced: int, found: int, gold: int) -> tuple[float, float, float]:
    """Precision (correct share of what was produced), recall (found share of the gold) and their F1;
    0.0 where a denominator is empty."""
    precision = correct_produced / produced if produced else 0.0
    recall = found / gold if gold else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0
