"""The local engine and the `batch` command: the records of `eventwire extract`, the error table, and a core
install that works without PySpark."""
from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from eventwire.batch import read_table
from eventwire.cli import app


def test_local_output_holds_the_records_of_extract(local_output, extracted, records_of):
    assert records_of(local_output) == extracted


def test_local_engine_reports_corrupt_inputs_in_the_error_table(local_output, corpus):
    errors = {row["input"]: row["code"] for row in read_table(local_output, "errors").to_pylist()}
    assert errors == {str(corpus / "scan.txt"): "E003", str(corpus / "blank.txt"): "E002",
                      f"{corpus / 'wire.jsonl'}:2": "E008"}


def test_batch_command_writes_the_layout_and_keeps_an_existing_output(corpus, tmp_path):
    output = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(corpus), str(output), "--date", "2025-01-01"])
    assert result.exit_code == 0, result.stderr
    assert "5 articles" in result.stderr and "3 inputs failed" in result.stderr
    # --date fills in the dates the inputs lack: no article is left in the null partition
    assert not list((output / "articles").glob("published=__HIVE_DEFAULT_PARTITION__"))
    assert list((output / "articles" / "published=2025-01-01").glob("part-*.parquet"))

    again = CliRunner().invoke(app, ["batch", str(corpus), str(output)])
    assert again.exit_code == 2 and "--overwrite" in again.stderr
    assert read_table(output, "articles").num_rows == 5


def test_a_missing_input_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "no-such-corpus"), str(tmp_path / "out")])
    assert result.exit_code == 2 and "no-such-corpus: no such file or directory" in result.stderr


def test_spark_options_belong_to_the_spark_engine(corpus, tmp_path):
    result = CliRunner().invoke(app, ["batch", str(corpus), str(tmp_path / "out"), "--master", "local[2]"])
    assert result.exit_code == 2 and "--engine spark" in result.stderr


def test_without_pyspark_the_spark_engine_says_how_to_install_it(corpus, tmp_path):
    script = ("import sys; sys.modules['pyspark'] = None\n"  # as on a core install, without the spark extra
              "from eventwire.cli import app\n"
              f"app(['batch', {str(corpus)!r}, {str(tmp_path / 'out')!r}, '--engine', 'spark'])")
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2, result.stderr
    assert "pip install 'eventwire[spark]'" in result.stderr


def test_the_core_install_does_not_import_pyspark():
    script = "import sys, eventwire.cli, eventwire.batch; print('pyspark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "False", result.stderr
