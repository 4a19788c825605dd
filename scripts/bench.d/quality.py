"""Screens every labelled query once at threshold 0 and reports quality per threshold; writes the results at the
service's default threshold in score.py's format.
Usage: RADAR_TOKEN=… quality.py SCREENING_URL dev-queries.jsonl OUT_DIR   (a screener's token)"""
import json, os, sys, time, urllib.request

TOKEN = os.environ.get("RADAR_TOKEN") or sys.exit("set RADAR_TOKEN to a screener's token (scripts/bench does)")

base, queries_path, out = sys.argv[1], sys.argv[2], sys.argv[3]
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN}
queries = [json.loads(line) for line in open(queries_path)]


def screen(query, threshold):
    body = {"name": query["name"], "threshold": threshold, "limit": 10}
    if query.get("type"):
        body["type"] = query["type"]
    request = urllib.request.Request(base + "/api/v1/screenings", data=json.dumps(body).encode(),
                                     headers=headers)
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    return answer, (time.perf_counter() - start) * 1000


answers = {}
for q in queries:
    answers[q["qid"]] = screen(q, 0.0)
# the service's default threshold, as it reports it on a query without one
request = urllib.request.Request(base + "/api/v1/screenings", data=json.dumps({"name": "threshold probe"}).encode(),
                                 headers=headers)
with urllib.request.urlopen(request) as response:
    default_threshold = json.load(response)["threshold"]

positives = [q for q in queries if q["expect"]]
negatives = [q for q in queries if not q["expect"]]
print(f"{len(queries)} queries ({len(positives)} listed, {len(negatives)} not listed); default threshold {default_threshold}")
print(f"{'threshold':>9} {'recall':>7} {'top-1':>7} {'precision':>9} {'FP rate':>8}")
for t in [0.60, 0.65, 0.70, 0.72, 0.74, 0.76, 0.78, 0.80, 0.82, 0.85, 0.90, 0.95]:
    found = top1 = true_hits = all_hits = fp = 0
    for q in queries:
        matches = [m for m in answers[q["qid"]][0]["matches"] if m["score"] >= t]
        ids = [m["sourceId"] for m in matches]
        all_hits += len(ids)
        if q["expect"]:
            found += any(i in q["expect"] for i in ids)
            top1 += bool(ids) and ids[0] in q["expect"]
            true_hits += sum(1 for i in ids if i in q["expect"])
        else:
            fp += bool(ids)
    precision = true_hits / all_hits if all_hits else 1.0
    print(f"{t:>9.2f} {found / len(positives):>7.4f} {top1 / len(positives):>7.4f} {precision:>9.4f} {fp / len(negatives):>8.4f}")

with open(out + "/dev-results.jsonl", "w") as results:
    for q in queries:
        answer, latency = answers[q["qid"]]
        hits = [{"sourceId": m["sourceId"], "score": m["score"]} for m in answer["matches"]
                if m["score"] >= default_threshold]
        results.write(json.dumps({"qid": q["qid"], "latency_ms": round(latency, 3), "results": hits}) + "\n")
