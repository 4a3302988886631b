"""Runs AWS CLI command lines for rolecall's tests with the CLI already imported.

Usage: python aws-cli-server.py /path/to/the/aws/script

Each request (one JSON line on stdin: args, env, out, err) is run in a fork of this process: the child takes the
request's environment, writes to the request's files and runs the installed `aws` script itself, as `aws` would
run it. Only the import of the CLI (about 0.3 s of every call) is shared. Answers, one JSON line each on stdout:
{"ready": true} once, then {"pid": N} and {"exit": CODE} per request. Ends when stdin closes.
"""
import importlib
import json
import os
import runpy
import sys

SCRIPT = sys.argv[1]

import awscli  # noqa: E402
import awscli.clidriver  # noqa: E402,F401  (the import the children share)
import awscli.handlers  # noqa: E402,F401


def run_child(request):
    os.environ.clear()
    os.environ.update(request["env"])
    # The package's __init__ reads the environment (it puts its data directory on AWS_DATA_PATH): run it again
    # under the request's environment, as a fresh `aws` would.
    importlib.reload(awscli)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    out = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.argv = [SCRIPT] + request["args"]
    code = 0
    try:
        runpy.run_path(SCRIPT, run_name="__main__")
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code
        else:
            print(e.code, file=sys.stderr)
            code = 1
    except BaseException:  # the CLI's own crash, reported as a process would report it
        import traceback
        traceback.print_exc()
        code = 255
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code & 0xFF)


def main():
    answer = sys.stdout
    answer.write(json.dumps({"ready": True}) + "\n")
    answer.flush()
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            run_child(request)
        answer.write(json.dumps({"pid": pid}) + "\n")
        answer.flush()
        _, status = os.waitpid(pid, 0)
        answer.write(json.dumps({"exit": os.waitstatus_to_exitcode(status)}) + "\n")
        answer.flush()


if __name__ == "__main__":
    main()
