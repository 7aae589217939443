"""``python -m samensterk.income`` runs the command line (same as ``samensterk``)."""

import sys

from samensterk.income.cli import main

sys.exit(main())
