"""Writes every designation of a running designation-service as JSON lines (the engine benchmark's watchlist).
Usage: dump.py DESIGNATION_URL > watchlist.jsonl"""
import json, sys, urllib.request

base = sys.argv[1]
page = 0
while True:
    with urllib.request.urlopen(f"{base}/api/v1/designations?size=500&page={page}") as response:
        body = json.load(response)
    for item in body["items"]:
        print(json.dumps(item, ensure_ascii=False))
    page += 1
    if page * 500 >= body["total"]:
        break
