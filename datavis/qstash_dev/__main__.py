"""``python -m datavis.qstash_dev [--port N] [--data-file PATH]``."""
from .server import main

main()
