// Parses signed transactions with ethers, an implementation independent of Qapi's signer.
// Reads one 0x-hex signed transaction per line on stdin; writes one JSON object per line on stdout, in order:
// the sender recovered from the signature and the fields ethers decoded (quantities as decimal strings),
// or {"error": "..."} for a line ethers refuses.
import { createInterface } from "node:readline";
import { Transaction } from "ethers";

const text = (value) => (value === null || value === undefined ? null : value.toString());

for await (const line of createInterface({ input: process.stdin })) {
  const hex = line.trim();
  if (hex === "") {
    continue;
  }

  try {
    const tx = Transaction.from(hex);
    console.log(JSON.stringify({
      from: tx.from,
      hash: tx.hash,
      type: tx.type,
      chainId: text(tx.chainId),
      nonce: text(tx.nonce),
      to: tx.to,
      value: text(tx.value),
      gasLimit: text(tx.gasLimit),
      gasPrice: text(tx.gasPrice),
      maxFeePerGas: text(tx.maxFeePerGas),
      maxPriorityFeePerGas: text(tx.maxPriorityFeePerGas),
      data: tx.data,
    }));
  } catch (error) {
    console.log(JSON.stringify({ error: String(error.message ?? error) }));
  }
}
