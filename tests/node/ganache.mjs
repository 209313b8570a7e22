// Runs a ganache node for a test run, with a bounded lifetime.
// Reads one JSON line on stdin: {"port", "chainId", "mnemonic", "totalAccounts", "maxLifetimeSeconds"}.
// The mnemonic travels on stdin so that it never shows in a process listing. Prints "ready" once the node
// answers, and stops when stdin closes (the test process ended or died) or when its lifetime runs out.
import { createInterface } from "node:readline";
import ganache from "ganache";

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const first = await lines.next();
if (first.done) {
  process.exit(2);
}

const config = JSON.parse(first.value);
const server = ganache.server({
  chain: { chainId: config.chainId, hardfork: "shanghai" },
  wallet: { mnemonic: config.mnemonic, totalAccounts: config.totalAccounts, defaultBalance: 1000 },
  miner: { instamine: "eager" },
  logging: { quiet: true },
});

let stopping = false;
const stop = async (code) => {
  if (stopping) {
    return;
  }

  stopping = true;
  try {
    await server.close();
  } finally {
    process.exit(code);
  }
};

setTimeout(() => stop(3), (config.maxLifetimeSeconds ?? 600) * 1000).unref();
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

await server.listen(config.port, "127.0.0.1");
console.log("ready");

// Drain stdin until the parent closes it.
while (!(await lines.next()).done) {
  // nothing else is expected on stdin
}

await stop(0);
