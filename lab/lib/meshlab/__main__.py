"""Entry point of lab/lab: `python3 lab/lib/meshlab ARGS` (or `python3 -m meshlab` with lab/lib on the path)."""
import os
import sys

if not __package__:
    # Run as a directory: make lab/lib importable so that `meshlab` and `labinv` resolve.
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from meshlab.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))
