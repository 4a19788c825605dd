"""Writes every designation of a running designation-service as JSON lines (the engine benchmark's watchlist).
Usage: RADAR_TOKEN=… dump.py DESIGNATION_URL > watchlist.jsonl   (a token that may read designations)"""
import json, os, sys, urllib.request

TOKEN = os.environ.get("RADAR_TOKEN") or sys.exit("set RADAR_TOKEN to a token that may read designations (scripts/bench does)")

base = sys.argv[1]
authorization = {"Authorization": "Bearer " + TOKEN}
page = 0
while True:
    request = urllib.request.Request(f"{base}/api/v1/designations?size=500&page={page}", headers=authorization)
    with urllib.request.urlopen(request) as response:
        body = json.load(response)
    for item in body["items"]:
        print(json.dumps(item, ensure_ascii=False))
    page += 1
    if page * 500 >= body["total"]:
        break
