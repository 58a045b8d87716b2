// Starts `quire serve --ephemeral` for a test file and stops it afterwards.
//
// The binary is $QUIRE_BIN, or `quire` on the PATH. Its one JSON line on standard output says
// where it listens and holds an admin's and an editor's ready tokens; closing its standard input
// stops it and removes its database.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

export async function startQuire({ seed = [] } = {}) {
  const bin = process.env.QUIRE_BIN || "quire";
  const args = ["serve", "--ephemeral"];
  if (seed.length > 0) args.push("--seed", ...seed);
  const child = spawn(bin, args, {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, QUIRE_LOG: process.env.QUIRE_LOG || "warn" },
  });
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout });
  const [line] = await Promise.race([
    once(lines, "line"),
    exited.then(([code]) => {
      throw new Error(`quire serve --ephemeral exited with ${code} before it was ready`);
    }),
  ]);
  const info = JSON.parse(line);

  async function graphql(query, { variables = {}, as } = {}) {
    const headers = { "content-type": "application/json" };
    if (as) headers.authorization = `Bearer ${info.users[as].accessToken}`;
    const response = await fetch(info.graphql, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  async function stop() {
    child.stdin.end();
    await exited;
  }

  return { ...info, graphql, stop };
}
