#!/usr/bin/env python3
"""A Qredo API v1 client written from the published signing recipe, with the standard library only.

It knows nothing of Qapi's code: it signs timestamp + METHOD + URL + body with HMAC-SHA256 under the
URL-safe-base64-decoded secret, sends qredo-api-key / qredo-api-ts / qredo-api-sig, and prints JSON.

  qredo_recipe_client.py --base URL --key KEY --secret SECRET read-all
  qredo_recipe_client.py --base URL --key KEY --secret SECRET get /balance
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys
import time
import urllib.error
import urllib.request


def sign(secret: str, timestamp: str, method: str, url: str, body: bytes) -> str:
    key = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
    message = timestamp.encode() + method.encode() + url.encode() + body
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def call(base: str, key: str, secret: str, method: str, path: str, body: bytes = b""):
    url = base.rstrip("/") + path
    timestamp = str(int(time.time()))
    request = urllib.request.Request(url, data=body or None, method=method)
    request.add_header("qredo-api-key", key)
    request.add_header("qredo-api-ts", timestamp)
    request.add_header("qredo-api-sig", sign(secret, timestamp, method, url, body))
    if body:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def read_all(base: str, key: str, secret: str) -> dict:
    """Reads every Read-only endpoint, following funds to their ledgers and wallets to their histories."""
    results = {}

    def get(path):
        status, payload = call(base, key, secret, "GET", path)
        results[path] = {"status": status, "body": payload}
        return status, payload

    get("/account")
    get("/balance")
    get("/trustedparties")
    get("/funds?archived=true")
    _, funds = get("/funds")
    for fund in (funds or {}).get("funds", []):
        _, info = get("/funds/" + fund["fundID"])
        get("/funds/" + fund["fundID"] + "/ledger")
        for wallet in (info or {}).get("fundInfo", {}).get("wallets", []):
            get("/wallet/" + wallet["wallet_id"] + "/history")
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="for example http://127.0.0.1:8002/qapi/v1")
    parser.add_argument("--key", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("command", choices=["read-all", "get"])
    parser.add_argument("path", nargs="?")
    args = parser.parse_args()
    if args.command == "read-all":
        print(json.dumps(read_all(args.base, args.key, args.secret)))
        return 0
    status, payload = call(args.base, args.key, args.secret, "GET", args.path or "/account")
    print(json.dumps({"status": status, "body": payload}))
    return 0 if status < 400 else 1


if __name__ == "__main__":
    sys.exit(main())
