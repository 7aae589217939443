"""Formulas: one small vectorised function per legal concept, named after the law's own term.

Each public function reads its figures from the parameter tree ``p`` (``parameters_loader.load``)
and names its legal source in its docstring. Arrays broadcast: households (n, 1), hours (n, H),
children (n, 1, K). Amounts are euros.
"""

import numpy as np


def nan_to_num(x):
    """``np.nan_to_num`` of a float array, which is the array itself when all of it is finite
    (the usual case; np.nan_to_num's own checks cost more than the arithmetic for one household).
    The result may be the input: callers compute new arrays from it and never write into it."""
    x = np.asarray(x, dtype=float)
    return x if np.isfinite(x).all() else np.nan_to_num(x)
