"""The PySide6 window over the simulator model: shows results, computes no benefit."""
