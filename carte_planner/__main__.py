"""`python -m carte_planner` runs the same command as `carte-planner`."""

import sys

from carte_planner.cli import main

sys.exit(main())
