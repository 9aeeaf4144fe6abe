"""``python -m datavis.qstash_dev [--port N] [--data-file PATH]``."""
from .config import from_args
from .server import main

main(from_args())
