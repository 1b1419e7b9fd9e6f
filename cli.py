#!/usr/bin/env python3
"""Run the provenance command from a checkout: `python cli.py log clip.mp4` (same as `provenance`)."""

from provenance.cli import main

if __name__ == "__main__":
    main()
