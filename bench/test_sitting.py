"""python3 -m unittest bench/test_sitting.py (from the repository root): sitting.py on small synthetic sittings."""
import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sitting  # noqa: E402


def rounds(*lines):
    out = Path(tempfile.mkdtemp(prefix="sitting-test-"))
    (out / "rounds.txt").write_text("".join(line + "\n" for line in lines))
    return out


class NegativeCpuDelta(unittest.TestCase):
    """run.sh's PostgreSQL CPU is a sum over live processes: a backend exiting between samples can make it negative."""

    OUT = rounds(
        "pg1-as round=1 RESULT rps=3000 p50_ms=2 p99_ms=30 non2xx_or_3xx=0 requests=30000 cpu_node1_ms=5100 cpu_postgres_ms=4500",
        "pg1-as round=2 RESULT rps=3100 p50_ms=2 p99_ms=29 non2xx_or_3xx=0 requests=31000 cpu_node1_ms=5270 cpu_postgres_ms=-1200",
        "pg1-as round=3 RESULT rps=3200 p50_ms=2 p99_ms=28 non2xx_or_3xx=0 requests=32000 cpu_node1_ms=5440 cpu_postgres_ms=4800")

    def test_the_negative_round_is_left_out_of_the_median_and_named(self):
        cpu, dropped = sitting.cpu_per_request(sitting.Sitting(self.OUT).rounds["pg1-as"])

        self.assertEqual(cpu["postgres"], 150.0)  # median of 150 and 150, round 2 left out
        self.assertEqual(cpu["node1"], 170.0)
        self.assertEqual(dropped, {"node1": [], "postgres": [2]})

    def test_the_summary_prints_instead_of_crashing_and_says_what_it_left_out(self):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            sitting.summary(sitting.Sitting(self.OUT))

        self.assertIn("postgres 150 (2 of 3 rounds)", printed.getvalue())
        self.assertIn("left out of round(s) 2", printed.getvalue())

    def test_a_process_negative_in_every_round_is_not_shown(self):
        cpu, dropped = sitting.cpu_per_request([{"round": 1, "requests": 10, "cpu_postgres_ms": -3}])

        self.assertEqual(cpu, {})
        self.assertEqual(dropped, {"postgres": [1]})


class WriterBatches(unittest.TestCase):
    """run.sh adds the store writer's transactions and writes during each run: the summary prints their ratio."""

    OUT = rounds(
        "pg1-as round=1 RESULT rps=3000 p50_ms=2 p99_ms=30 non2xx_or_3xx=0 requests=30000 writer_batches=3000 writer_writes=30000",
        "pg1-as round=2 RESULT rps=3100 p50_ms=2 p99_ms=29 non2xx_or_3xx=0 requests=31000 writer_batches=2000 writer_writes=31000",
        "noop-same-stack round=1 RESULT rps=9000 p50_ms=1 p99_ms=9 non2xx_or_3xx=0 requests=90000")

    def test_the_summary_prints_the_writes_per_transaction_of_each_round_and_their_median(self):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            sitting.summary(sitting.Sitting(self.OUT))

        self.assertIn("pg1-as writes per store transaction (median of rounds): 12.8   (per round: 10.0  15.5)",
                      printed.getvalue())
        self.assertNotIn("noop-same-stack writes per", printed.getvalue())


if __name__ == "__main__":
    unittest.main()
