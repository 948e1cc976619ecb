"""The `batch` command on the Spark engine, as a script that `spark-submit` can run:

    spark-submit --master yarn ... path/to/eventwire/batch/__main__.py INPUT OUTPUT [--partitions N] ...

(or `python -m eventwire.batch INPUT OUTPUT --master URL`). The master and settings given to spark-submit apply.
"""
import sys

from eventwire.cli import app

if __name__ == "__main__":
    app(["batch", "--engine", "spark", *sys.argv[1:]], prog_name="eventwire batch")
