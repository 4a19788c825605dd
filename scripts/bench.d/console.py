"""Page render times of the analyst console: sign in through the development sign-in (as a browser would, with
cookies), then GET each main page ROUNDS times, one at a time, and print p50 / p95 / max per page.

usage: console.py CONSOLE_URL ROUNDS    (RADAR_TOKEN: an auditor token for finding ids through the APIs)"""
import html, json, os, re, sys, time, urllib.parse, urllib.request
from http.cookiejar import CookieJar

console, rounds = sys.argv[1].rstrip("/"), int(sys.argv[2])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


jar = CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def fetch(url, data=None):
    try:
        with browser.open(urllib.request.Request(url, data=data, headers={"Origin": console})) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, answer.read()


def sign_in():
    status, headers, _ = fetch(console + "/alerts")
    _, _, form = fetch(headers["Location"])
    fields = [(html.unescape(n), html.unescape(v))
              for n, v in re.findall(r'type="hidden" name="([^"]*)" value="([^"]*)"', form.decode())]
    fields += [("subject", "bench"), ("portfolios", "*")]
    fields += [("role", r) for r in ("analyst", "screener", "subscriptions-admin", "auditor")]
    _, headers, _ = fetch(console + "/dev-sign-in/authorize", urllib.parse.urlencode(fields).encode())
    status, _, _ = fetch(headers["Location"])
    assert status == 302, f"sign-in ended with {status}"


def api(url):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + os.environ["RADAR_TOKEN"]})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


sign_in()
alert = api("http://localhost:8082/api/v1/alerts?portfolio=*&size=1")["items"][0]["alertId"]
designation = api("http://localhost:8081/api/v1/designations?q=Wang%20Junzheng&size=1")["items"][0]["designationId"]
countermeasure = api("http://localhost:8081/api/v1/countermeasures?size=1")["items"][0]["designationId"]
pages = ["/alerts", "/alerts/" + alert, "/screen", "/designations", "/designations?q=" + urllib.parse.quote("王君正"),
         "/designations/" + designation, "/countermeasures/" + countermeasure, "/lists", "/lists/imports",
         "/parties?portfolio=private-banking", "/webhooks", "/audit"]
print(f"{'page':<48} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
everything = []
for page in pages:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        status, _, body = fetch(console + page)
        times.append((time.perf_counter() - start) * 1000)
        assert status == 200, f"{page} answered {status}: {body[:300]}"
    times.sort()
    everything += times
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{page[:48]:<48} {times[len(times) // 2]:7.1f} {p95:7.1f} {times[-1]:7.1f}")
everything.sort()
print(f"{'all pages':<48} {everything[len(everything) // 2]:7.1f} "
      f"{everything[int(len(everything) * 0.95)]:7.1f} {everything[-1]:7.1f}")
