"""Make the shared test corpora (tests/hostile.py) importable from every test folder."""

import sys
from pathlib import Path

# Appended, not prepended: tests/letter_py must never shadow the real package.
sys.path.append(str(Path(__file__).parent))
