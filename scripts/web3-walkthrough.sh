#!/usr/bin/env bash
# The Web3 walkthrough of the README ("A Web3 transaction, approved and signed"), run with the qapi CLI against a
# running sandbox server with its demo organization: two of the demo policy's approvers enroll keys, a signed
# POST /transaction proposes an EIP-1559 transfer, it waits for approvals, alice's approval leaves it pending, bob's
# signs it, and the status then carries a signed transaction with its hash and nonce.
#
#   qapi serve                                      # in another terminal: sandbox, demo organization
#   scripts/web3-walkthrough.sh [WORKDIR]
#
# QAPI_SERVER is the server (default http://127.0.0.1:8002); QAPI_DATA its data directory (default data/sandbox),
# where the demo credentials are and the approvers are enrolled; QAPI_CLI is how to run qapi (default: dotnet run
# --project src/Qapi.Cli --, from the repository root). WORKDIR (default: a new temporary folder) receives the
# approvers' owner-only key files. Exits non-zero at the first step that fails.
set -euo pipefail

server=${QAPI_SERVER:-http://127.0.0.1:8002}
data=${QAPI_DATA:-data/sandbox}
work=${1:-$(mktemp -d)}
read -r -a cli <<< "${QAPI_CLI:-dotnet run --project src/Qapi.Cli --}"
mkdir -p "$work"

qapi() { "${cli[@]}" "$@"; }
step() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'walkthrough: %s\n' "$*" >&2; exit 1; }
field() { python3 -c 'import json,sys; d=json.load(sys.stdin); [d := d[k] for k in sys.argv[1:]]; print(d)' "$@"; }

creds=$data/demo-credentials.json
[ -r "$creds" ] || fail "no $creds: start the server (qapi serve) with its demo organization first"
export QAPI_SECRET
QAPI_SECRET=$(field secret < "$creds")
key=$(field apiKey < "$creds")
from=$(field walletAddress < "$creds")

step "alice and bob, two of the demo policy's three approvers, enroll a key each"
for member in alice bob; do
  qapi approver enroll --member "$member" --data "$data" --out "$work/$member.json" >&2
  [ -s "$work/$member.json" ] || fail "approver enroll wrote no key file for $member"
done

step "propose a transfer of 0.001 ETH on Sepolia from the demo wallet"
printf '{"from":"%s","to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","value":"1000000000000000",
 "gasLimit":"21000","maxFeePerGas":"30000000000","maxPriorityFeePerGas":"1000000000","chainID":"11155111"}' \
  "$from" > "$work/tx.json"
qapi send -api-key "$key" -method POST -url "$server/qapi/v1/transaction" < "$work/tx.json" > "$work/created.json"
tx=$(field txID < "$work/created.json")
[ "$(field status < "$work/created.json")" = pending ] || fail "a new transaction should be pending"

step "it awaits alice; her approval alone leaves it pending"
qapi pending --key-file "$work/alice.json" --url "$server" | tee /dev/stderr | grep -q "$tx" \
  || fail "alice's pending list does not show $tx"
qapi approve "$tx" --key-file "$work/alice.json" --url "$server" >&2
status() { qapi send -api-key "$key" -url "$server/qapi/v1/transactions/$tx/status" > "$work/status.json"; }
status
[ "$(field status < "$work/status.json")" = pending ] || fail "one approval of a 2-of-3 policy must not sign"

step "bob's approval meets the threshold: signed"
qapi approve "$tx" --key-file "$work/bob.json" --url "$server" >&2
status
[ "$(field status < "$work/status.json")" = approved ] || fail "two approvals of a 2-of-3 policy must sign"
signed=$(field signedTx < "$work/status.json")
hash=$(field txHash < "$work/status.json")
case "$signed" in 0x02*) ;; *) fail "an EIP-1559 signedTx starts with 0x02, not ${signed:0:6}" ;; esac
[ ${#hash} -eq 66 ] || fail "txHash should be 32 bytes of hex"
printf 'signedTx %s...\ntxHash   %s\nnonce    %s\n' "${signed:0:24}" "$hash" "$(field nonce < "$work/status.json")"

echo "Walkthrough done: $tx signed after 2 of 3 approvals"
