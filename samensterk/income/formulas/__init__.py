"""Formulas: one small vectorised function per legal concept, named after the law's own term.

Each public function reads its figures from the parameter tree ``p`` (``parameters_loader.load``)
and names its legal source in its docstring. Arrays broadcast: households (n, 1), hours (n, H),
children (n, 1, K). Amounts are euros.
"""
