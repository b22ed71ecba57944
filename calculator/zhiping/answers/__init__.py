"""Answers readers: shared pieces in :mod:`.common`, one module per rubric family."""
