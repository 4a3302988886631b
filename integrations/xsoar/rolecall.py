"""rolecall for Cortex XSOAR: runs rolecall's commands through a rolecall engine (`rolecall serve`).

Standard library only (urllib). The engine holds the AWS credentials; this integration holds only the engine's URL
and bearer token, and never writes the token to a log, an error or the war room.
"""

import json
import ssl
import urllib.error
import urllib.parse
import urllib.request

USER_AGENT = "rolecall-xsoar/1"
TIMEOUT_SECONDS = 120
ENTRY_NOTE = 1
ENTRY_ERROR = 4
MAX_ERROR_TEXT = 500


class EngineError(Exception):
    """A failed call to the engine: one line, with the status and the engine's own message, never the token."""


class Client:
    def __init__(self, url, token, insecure=False, timeout=TIMEOUT_SECONDS):
        parsed = urllib.parse.urlsplit(url or "")
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise EngineError("Engine URL: expected http(s)://HOST:PORT, got %r" % (url,))
        if not token or any(c.isspace() for c in token):
            raise EngineError("Engine token: not set, or contains whitespace")
        self.base = url.rstrip("/")
        self._token = token
        self.timeout = timeout
        self._context = None
        if parsed.scheme == "https" and insecure:
            self._context = ssl._create_unverified_context()

    def __repr__(self):
        return "Client(%r, token=<hidden>)" % (self.base,)

    def _request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self._token)
        request.add_header("Accept", "application/json")
        request.add_header("User-Agent", USER_AGENT)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout, context=self._context) as response:
                return _json(response.read())
        except urllib.error.HTTPError as e:
            raise EngineError("%s %s: HTTP %d: %s" % (method, path, e.code, _engine_message(e))) from None
        except urllib.error.URLError as e:
            raise EngineError("%s %s: cannot reach the engine at %s: %s"
                              % (method, path, self.base, _scrub(str(e.reason), self._token))) from None
        except (OSError, ValueError) as e:
            raise EngineError("%s %s: %s" % (method, path, _scrub(str(e), self._token))) from None

    def health(self):
        return self._request("GET", "/v1/health")

    def commands(self):
        body = self._request("GET", "/v1/commands")
        commands = body.get("commands") if isinstance(body, dict) else None
        if not isinstance(commands, list):
            raise EngineError("GET /v1/commands: the engine's answer has no command list")
        return commands

    def run(self, name, args, instance=None):
        if not isinstance(name, str) or not name or "/" in name or "?" in name:
            raise EngineError("command name: %r is not a command" % (name,))
        body = {"args": {k: v for k, v in (args or {}).items() if v is not None}}
        if instance:
            body["instance"] = instance
        return self._request("POST", "/v1/commands/" + urllib.parse.quote(name, safe="-_."), body)


def _json(raw):
    text = raw.decode("utf-8", errors="replace")
    return json.loads(text) if text.strip() else {}


def _engine_message(http_error):
    """The engine's {"error": "..."} line, or the start of whatever else answered (a proxy)."""
    try:
        raw = http_error.read(64 * 1024)
    except OSError:
        raw = b""
    try:
        body = json.loads(raw.decode("utf-8", errors="replace"))
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            return _one_line(body["error"])
    except ValueError:
        pass
    text = raw.decode("utf-8", errors="replace").strip()
    return _one_line(text.splitlines()[0]) if text else (http_error.reason or "no body")


def _one_line(text):
    text = "".join(c if c.isprintable() else "?" for c in str(text))
    return text[:MAX_ERROR_TEXT]


def _scrub(text, token):
    return _one_line(text.replace(token, "<token>") if token else text)


def entries(result):
    """The war-room entries of one engine answer: the results (markdown when the engine gives it), then one error
    entry per failed account."""
    if not isinstance(result, dict):
        raise EngineError("the engine's answer is not a JSON object")
    readable = result.get("readableOutput")
    if not isinstance(readable, str) or not readable:
        readable = result.get("humanReadable") if isinstance(result.get("humanReadable"), str) else ""
    context = result.get("context") if isinstance(result.get("context"), dict) else {}
    errors = result.get("errors") if isinstance(result.get("errors"), list) else []
    out = []
    if result.get("ok", False) or context or result.get("contents"):
        out.append({
            "Type": ENTRY_NOTE,
            "ContentsFormat": "json",
            "Contents": result.get("contents"),
            "HumanReadable": readable,
            "ReadableContentsFormat": "markdown",
            "EntryContext": context,
        })
    for error in errors:
        if isinstance(error, dict):
            account = error.get("accountId") or error.get("AccountId")
            message = error.get("error") or error.get("Error") or error.get("message") or "failed"
        else:
            account, message = None, error
        text = _one_line(message)
        out.append({
            "Type": ENTRY_ERROR,
            "ContentsFormat": "text",
            "Contents": ("%s: %s" % (account, text)) if account else text,
        })
    if not out:
        out.append({"Type": ENTRY_ERROR, "ContentsFormat": "text",
                    "Contents": "%s failed" % (result.get("command") or "the command")})
    return out


def command_table(commands):
    """Markdown: the engine's commands, as rolecall-list-commands shows them."""
    lines = ["### rolecall engine commands", "|name|integration|mutating|description|", "|---|---|---|---|"]
    for c in commands:
        if isinstance(c, dict):
            cells = [c.get("name"), c.get("integration"), c.get("mutating"), str(c.get("description", "")).split(". ")[0]]
            lines.append("|" + "|".join(_one_line(x).replace("|", "\\|") for x in cells) + "|")
    return "\n".join(lines)


def test_module(client):
    client.health()
    client.commands()
    return "ok"


def _token(params):
    credential = params.get("token")
    if isinstance(credential, dict):
        return credential.get("password") or credential.get("identifier")
    return credential


def _truthy(value):
    return value is True or str(value).lower() in ("true", "yes", "1")


def dispatch(demisto):
    """What XSOAR calls: reads the instance's parameters and the command, answers through demisto.results."""
    params = demisto.params() or {}
    command = demisto.command()
    token = _token(params)
    try:
        client = Client(params.get("url"), token, insecure=_truthy(params.get("insecure")))
        if command == "test-module":
            demisto.results(test_module(client))
        elif command == "rolecall-list-commands":
            commands = client.commands()
            demisto.results({"Type": ENTRY_NOTE, "ContentsFormat": "json", "Contents": commands,
                             "HumanReadable": command_table(commands), "ReadableContentsFormat": "markdown",
                             "EntryContext": {"Rolecall.Command(val.name && val.name == obj.name)":
                                              [{"name": c.get("name"), "mutating": c.get("mutating")}
                                               for c in commands if isinstance(c, dict)]}})
        else:
            demisto.results(entries(client.run(command, demisto.args(), params.get("instance") or None)))
    except EngineError as e:
        demisto.results({"Type": ENTRY_ERROR, "ContentsFormat": "text", "Contents": _scrub(str(e), token)})


if __name__ in ("__main__", "__builtin__", "builtins"):
    dispatch(demisto)  # noqa: F821 - XSOAR provides demisto
