#!/usr/bin/env bash
# The administration walkthrough of issue #4, using only the qapi CLI against a running server with an empty
# store: three people sign up, one creates an organization and invites the other two, who accept with their own
# credentials; then a fund, two wallets, a 2-of-3 policy, faucet money, and a read_only key scoped to the first
# wallet, which must read exactly that wallet through /qapi/v1 and be refused the other one and the admin API.
# It checks each of these from the server's answers: three active members, both policies 2 of those three, the
# key's balance, fund and history limited to its wallet, outside_key_scope and permission_missing refusals.
#
#   qapi serve --data /tmp/qapi-empty --Qapi:BootstrapDemo=false      # in another terminal
#   scripts/admin-walkthrough.sh [WORKDIR]
#
# QAPI_SERVER is the server (default http://127.0.0.1:8002); QAPI_CLI is how to run qapi (default: dotnet run
# --project src/Qapi.Cli --, from the repository root). WORKDIR (default: a new temporary folder) receives the
# owner-only credentials files. Exits non-zero at the first step that fails or reads more than it should.
set -euo pipefail

server=${QAPI_SERVER:-http://127.0.0.1:8002}
work=${1:-$(mktemp -d)}
read -r -a cli <<< "${QAPI_CLI:-dotnet run --project src/Qapi.Cli --}"
suffix=${QAPI_WALKTHROUGH_SUFFIX:-$RANDOM}
mkdir -p "$work"

qapi() { "${cli[@]}" "$@"; }
step() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'walkthrough: %s\n' "$*" >&2; exit 1; }

# field KEY... : the first of the keys found in the JSON on standard input (an id may be "id" or "fundId").
field() {
  python3 -c '
import json, sys
value = json.load(sys.stdin)
for path in sys.argv[1:]:
    node = value
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if node is not None:
        print(node)
        sys.exit(0)
sys.exit("no " + " or ".join(sys.argv[1:]) + " in the answer")' "$@"
}

# expect MESSAGE EXPRESSION [NAME=VALUE...] : stops with MESSAGE unless the Python EXPRESSION (which may span lines)
# holds for the JSON on standard input, named answer, with each NAME bound to its VALUE.
expect() {
  local message=$1 expression=$2
  shift 2
  python3 -c '
import json, sys
names = dict(arg.split("=", 1) for arg in sys.argv[2:])
names["answer"] = json.load(sys.stdin)
sys.exit(0 if eval("(" + sys.argv[1] + ")", names) else 1)' "$expression" "$@" || fail "$message"
}

signup() {  # signup NAME -> prints the new person's account id; credentials in $work/NAME.json
  qapi signup --server "$server" --username "$1-$suffix" --first-name "${1^}" --last-name Walkthrough \
    --email "$1-$suffix@walkthrough.test" --save "$work/$1.json" --json | field account.id
}

step "Three people sign up (each gets a personal account, an admin key and a mnemonic, shown once)"
ada=$(signup ada)
ben=$(signup ben)
cyd=$(signup cyd)

step "Ada creates the organization and invites Ben and Cyd as approvers"
org=$(qapi org create --credentials "$work/ada.json" --name "Walkthrough $suffix" --email ops@walkthrough.test \
  --json | field organization.id)
qapi member invite --credentials "$work/ada.json" --org "$org" --username "ben-$suffix" --role approver
qapi member invite --credentials "$work/ada.json" --org "$org" --username "cyd-$suffix" --role approver

step "Ben and Cyd see the invitation and accept it with their own credentials"
qapi member invitations --credentials "$work/ben.json"
qapi member accept "$org" --credentials "$work/ben.json"
qapi member accept "$org" --credentials "$work/cyd.json"
qapi member list --credentials "$work/ada.json" --org "$org"
qapi member list --credentials "$work/ada.json" --org "$org" --json \
  | expect "the organization's members are not exactly Ada (administrator), Ben and Cyd (approvers), all active" \
    'sorted((m["userId"], m["role"], m["pending"]) for m in answer)
     == sorted([(ada, "administrator", False), (ben, "approver", False), (cyd, "approver", False)])' \
    ada="$ada" ben="$ben" cyd="$cyd"

step "A fund, two wallets and a 2-of-3 policy"
fund=$(qapi fund create --credentials "$work/ada.json" --account "$org" --name Treasury \
  --approver "$ada" --approver "$ben" --approver "$cyd" --threshold 2 --json | field id fundId)
w1=$(qapi wallet create --credentials "$work/ada.json" --fund "$fund" --name Hot --asset ETH-TESTNET --json \
  | field id walletId)
w2=$(qapi wallet create --credentials "$work/ada.json" --fund "$fund" --name Cold --asset ETH-TESTNET --json \
  | field id walletId)
for kind in transaction withdrawal; do
  qapi policy set --credentials "$work/ada.json" --fund "$fund" --kind "$kind" --threshold 2 \
    --member "$ada" --member "$ben" --member "$cyd"
done
qapi policy show --credentials "$work/ada.json" --fund "$fund"
qapi policy show --credentials "$work/ada.json" --fund "$fund" --json \
  | expect "the fund's transaction and withdrawal policies are not both 2 of Ada, Ben and Cyd" \
    'sorted(p["kind"] for p in answer) == ["transaction", "withdrawal"]
     and all(p["threshold"] == 2 and sorted(p["members"]) == sorted([ada, ben, cyd]) for p in answer)' \
    ada="$ada" ben="$ben" cyd="$cyd"

step "Sandbox money in both wallets"
qapi wallet faucet "$w1" --credentials "$work/ada.json" --amount 1.5
qapi wallet faucet "$w2" --credentials "$work/ada.json" --amount 0.25
qapi wallet list --credentials "$work/ada.json" --fund "$fund"

step "A read_only key for the first wallet only"
qapi keys create --credentials "$work/ada.json" --account "$org" --name auditor --permissions read_only \
  --wallet "$w1" --save "$work/auditor.json"
key=$(field apiKey < "$work/auditor.json")
QAPI_SECRET=$(field secret < "$work/auditor.json")
export QAPI_SECRET

step "The key reads its wallet, and only that one"
total=$(qapi send -api-key "$key" -url "$server/qapi/v1/balance" | field assets.ETH-TESTNET.total)
[ "$total" = 1500000000 ] || fail "the scoped key's balance is $total, not the first wallet's 1500000000"
qapi send -api-key "$key" -url "$server/qapi/v1/wallet/$w1/history" > /dev/null
qapi send -api-key "$key" -url "$server/qapi/v1/funds/$fund" \
  | expect "the scoped key's view of the fund lists other wallets than the first" \
    '[w["wallet_id"] for w in answer["fundInfo"]["wallets"]] == [w1]' w1="$w1"
if qapi send -api-key "$key" -url "$server/qapi/v1/wallet/$w2/history" > "$work/refused.json" 2> /dev/null; then
  fail "the scoped key read the other wallet's history"
fi
grep -q outside_key_scope "$work/refused.json" || fail "the other wallet was refused, but not as outside_key_scope"
if qapi keys list --credentials "$work/auditor.json" --account "$org" > /dev/null 2> "$work/admin-refused.txt"; then
  fail "a read_only key used the admin API"
fi
grep -q '403 (permission_missing)' "$work/admin-refused.txt" \
  || fail "the admin API refused the read_only key, but not as 403 permission_missing: $(cat "$work/admin-refused.txt")"

step "The audit log has every change"
qapi audit list --credentials "$work/ada.json" --account "$org" --limit 50

printf '\nWalkthrough done: organization %s, fund %s, wallets %s and %s, scoped key %s.\n' \
  "$org" "$fund" "$w1" "$w2" "$key"
