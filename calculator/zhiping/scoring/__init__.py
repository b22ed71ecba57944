"""Pure scoring functions, one module per rubric family."""
