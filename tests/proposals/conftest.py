"""The proposals tests share their hand-written gold (test_fate_gold.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
