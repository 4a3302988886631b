"""The integration's logic against a running rolecall engine (standard library unittest).

Run by rolecall-cli's XsoarIntegrationTest, which starts an engine on the embedded sandbox and sets
ROLECALL_XSOAR_URL and ROLECALL_XSOAR_TOKEN; by hand: start `rolecall serve`, export both, then
`python3 -m unittest discover -s integrations/xsoar`. Without them the engine tests are skipped, saying so.
"""

import io
import json
import os
import sys
import unittest
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rolecall  # noqa: E402

URL = os.environ.get("ROLECALL_XSOAR_URL")
TOKEN = os.environ.get("ROLECALL_XSOAR_TOKEN")
TRUSTING = os.environ.get("ROLECALL_XSOAR_ACCOUNTS", "222222222222,333333333333")
UNTRUSTED = os.environ.get("ROLECALL_XSOAR_UNTRUSTED", "444444444444")
NEEDS_ENGINE = unittest.skipUnless(URL and TOKEN, "skipped: ROLECALL_XSOAR_URL and ROLECALL_XSOAR_TOKEN not set"
                                                  " (no engine to talk to)")


class FakeDemisto:
    """The part of XSOAR's demisto object the integration uses, recording what it answers."""

    def __init__(self, command, args=None, params=None):
        self._command = command
        self._args = args or {}
        self._params = params if params is not None else {
            "url": URL, "token": {"identifier": "", "password": TOKEN}, "insecure": False}
        self.answers = []

    def params(self):
        return self._params

    def args(self):
        return self._args

    def command(self):
        return self._command

    def results(self, value):
        self.answers.append(value)


def run(command, args=None, params=None):
    """dispatch() as XSOAR calls it; returns its answers and everything it printed."""
    fake = FakeDemisto(command, args, params)
    printed = io.StringIO()
    with redirect_stdout(printed), redirect_stderr(printed):
        rolecall.dispatch(fake)
    return fake.answers, printed.getvalue()


class EntriesTest(unittest.TestCase):
    """How one engine answer becomes war-room entries (no engine needed)."""

    def test_markdown_wins_over_the_text_table_and_errors_become_error_entries(self):
        out = rolecall.entries({"command": "x", "ok": False, "contents": [{"AccountId": "1"}],
                                "context": {"AWS.X": [{"AccountId": "1"}]}, "humanReadable": "text table",
                                "readableOutput": "### X\n|a|\n|---|\n|1|",
                                "errors": [{"accountId": "2", "error": "cannot assume role\x1b[2J"}]})
        self.assertEqual(2, len(out))
        self.assertEqual(rolecall.ENTRY_NOTE, out[0]["Type"])
        self.assertEqual("### X\n|a|\n|---|\n|1|", out[0]["HumanReadable"])
        self.assertEqual({"AWS.X": [{"AccountId": "1"}]}, out[0]["EntryContext"])
        self.assertEqual(rolecall.ENTRY_ERROR, out[1]["Type"])
        self.assertEqual("2: cannot assume role?[2J", out[1]["Contents"])

    def test_without_markdown_the_text_table_is_shown(self):
        out = rolecall.entries({"ok": True, "contents": [], "context": {}, "humanReadable": "T", "errors": []})
        self.assertEqual("T", out[0]["HumanReadable"])

    def test_hostile_answers_do_not_break_it(self):
        self.assertEqual(rolecall.ENTRY_ERROR, rolecall.entries({"ok": False, "errors": "nonsense"})[0]["Type"])
        with self.assertRaises(rolecall.EngineError):
            rolecall.entries(["not", "an", "object"])

    def test_a_bad_url_or_token_is_refused_before_any_call(self):
        with self.assertRaises(rolecall.EngineError):
            rolecall.Client("ftp://x", "t" * 20)
        with self.assertRaises(rolecall.EngineError):
            rolecall.Client("http://127.0.0.1:1", "")
        self.assertNotIn("s3cr3t-token-value", repr(rolecall.Client("http://127.0.0.1:1", "s3cr3t-token-value")))

    def test_an_unreachable_engine_is_one_error_entry_without_the_token(self):
        answers, printed = run("test-module", params={"url": "http://127.0.0.1:9", "token": "s3cr3t-token-value"})
        self.assertEqual(1, len(answers))
        self.assertEqual(rolecall.ENTRY_ERROR, answers[0]["Type"])
        self.assertIn("cannot reach the engine", answers[0]["Contents"])
        self.assertNotIn("s3cr3t-token-value", json.dumps(answers) + printed)


@NEEDS_ENGINE
class EngineTest(unittest.TestCase):
    def test_the_test_button_says_ok(self):
        answers, printed = run("test-module")
        self.assertEqual(["ok"], answers)
        self.assertNotIn(TOKEN, printed)

    def test_the_command_list_is_the_engines(self):
        commands = rolecall.Client(URL, TOKEN).commands()
        names = [c["name"] for c in commands]
        self.assertIn("aws-iam-account-password-policy-get", names)
        self.assertIn("aws-iam-identitycenter-get-user", names)
        answers, _ = run("rolecall-list-commands")
        self.assertIn("|aws-iam-account-password-policy-get|", answers[0]["HumanReadable"])
        self.assertEqual(len(commands), len(answers[0]["EntryContext"]["Rolecall.Command(val.name && val.name == obj.name)"]))

    def test_a_command_runs_through_the_engine_with_its_context(self):
        changed, printed = run("aws-iam-account-password-policy-update",
                               {"account_id": TRUSTING, "minimum_password_length": "15"})
        self.assertEqual(rolecall.ENTRY_NOTE, changed[0][0]["Type"], changed)
        answers, printed = run("aws-iam-account-password-policy-get", {"account_id": TRUSTING})
        self.assertEqual(1, len(answers))
        entries = answers[0]
        self.assertEqual(1, len(entries), entries)
        note = entries[0]
        self.assertEqual(rolecall.ENTRY_NOTE, note["Type"])
        self.assertTrue(note["HumanReadable"])
        self.assertTrue(any(k.startswith("AWS.IAM") for k in note["EntryContext"]), note["EntryContext"])
        self.assertIn("15", json.dumps(note["EntryContext"]))
        accounts = {c.get("AccountId") for c in note["Contents"]}
        self.assertEqual(set(TRUSTING.split(",")), accounts)
        self.assertNotIn(TOKEN, json.dumps(answers) + printed)

    def test_a_failed_account_is_an_error_entry_beside_the_others(self):
        first = TRUSTING.split(",")[0]
        answers, _ = run("aws-iam-account-password-policy-get", {"account_id": first + "," + UNTRUSTED})
        entries = answers[0]
        errors = [e for e in entries if e["Type"] == rolecall.ENTRY_ERROR]
        self.assertEqual(1, len(errors), entries)
        self.assertTrue(errors[0]["Contents"].startswith(UNTRUSTED + ": "), errors[0])
        self.assertEqual(rolecall.ENTRY_NOTE, entries[0]["Type"])

    def test_a_dry_run_of_a_mutating_command_changes_nothing(self):
        answers, _ = run("aws-iam-account-password-policy-update",
                         {"account_id": TRUSTING.split(",")[0], "minimum_password_length": "14", "dry_run": "true"})
        self.assertEqual(rolecall.ENTRY_NOTE, answers[0][0]["Type"], answers)

    def test_usage_errors_and_a_wrong_token_are_one_line_without_the_token(self):
        answers, _ = run("aws-iam-account-password-policy-update", {"account_id": TRUSTING.split(",")[0],
                                                                    "minimum_pasword_length": "14"})
        self.assertEqual(rolecall.ENTRY_ERROR, answers[0]["Type"])
        self.assertIn("HTTP 400", answers[0]["Contents"])
        self.assertIn("minimum_pasword_length", answers[0]["Contents"])
        wrong = "wrong-token-" + "x" * 20
        answers, printed = run("test-module", params={"url": URL, "token": {"password": wrong}})
        self.assertIn("HTTP 401", answers[0]["Contents"])
        self.assertNotIn(wrong, json.dumps(answers) + printed)
        self.assertNotIn(TOKEN, json.dumps(answers) + printed)


if __name__ == "__main__":
    unittest.main()
