"""``python -m reporter_finder`` runs the command line."""

from reporter_finder.cli import main

if __name__ == "__main__":
    main()
