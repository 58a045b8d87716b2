"""A throwaway Quire for the test session: `quire serve --ephemeral`, stopped at the end.

The binary is $QUIRE_BIN, or `quire` on the PATH. Its one JSON line on standard output says where
it listens and holds an admin's and an editor's ready tokens; closing its standard input stops it
and removes its database.
"""

import json
import os
import pathlib
import subprocess
import urllib.request

import pytest

SEED = pathlib.Path(__file__).resolve().parent.parent / "seed"


class Quire:
    """A running ephemeral server and the little needed to talk GraphQL to it."""

    def __init__(self, info):
        self.url = info["url"]
        self.graphql_url = info["graphql"]
        self.users = info["users"]

    def graphql(self, query, variables=None, as_user=None):
        headers = {"content-type": "application/json"}
        if as_user:
            headers["authorization"] = "Bearer " + self.users[as_user]["accessToken"]
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(self.graphql_url, data=body, headers=headers)
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def get(self, path):
        with urllib.request.urlopen(self.url + path) as response:
            return response.status, response.headers, json.load(response)


@pytest.fixture(scope="session")
def quire():
    binary = os.environ.get("QUIRE_BIN", "quire")
    env = {**os.environ, "QUIRE_LOG": os.environ.get("QUIRE_LOG", "warn")}
    child = subprocess.Popen(
        [binary, "serve", "--ephemeral", "--seed", str(SEED)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    line = child.stdout.readline()
    if not line:
        child.wait()
        raise RuntimeError(f"quire serve --ephemeral exited with {child.returncode} before it was ready")
    yield Quire(json.loads(line))
    child.stdin.close()
    child.wait(timeout=10)
