#!/usr/bin/env python3
"""Times the main web pages on the reference data, as a signed-in viewer sees them.

Starts the program (Release build) on a new SQLite data directory, reads the demo passwords it
prints, signs in through the sign-in form (with its antiforgery token), then requests each page
N times in a row and prints the median and 95th percentile of the full response time.

Usage: python3 bench/pages/pages.py [N]   (from the repository root; N defaults to 100)
"""
import http.cookiejar, os, re, shutil, statistics, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100
PORT = 5187
BASE = f"http://127.0.0.1:{PORT}"
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = tempfile.mkdtemp(prefix="entente-pages-")
subprocess.run(["dotnet", "build", "-c", "Release", "-v", "quiet", "-nologo", "src/Entente.Web"], cwd=root, check=True, stdout=subprocess.DEVNULL)
log = open(os.path.join(data, "out.log"), "w")
app = subprocess.Popen(["dotnet", "bin/Release/net10.0/Entente.Web.dll", "--urls", BASE],
                       cwd=os.path.join(root, "src", "Entente.Web"), env={**os.environ, "ENTENTE_DATA_DIR": data, "ConnectionStrings__Postgres": ""},
                       stdout=log, stderr=subprocess.STDOUT)
try:
    jar = http.cookiejar.CookieJar()

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), Stay)

    def fetch(path, form=None):
        body = urllib.parse.urlencode(form).encode() if form else None
        try:
            with browser.open(BASE + path, body) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    for _ in range(240):
        try:
            if fetch("/health/ready")[0] == 200:
                break
        except urllib.error.URLError:
            pass
        time.sleep(0.25)
    password = re.search(r"viewer\.kw@demo\.local\s+(\S+)", open(log.name).read()).group(1)
    _, page = fetch("/account/sign-in")
    token = re.search(r'name="__csrf" type="hidden" value="([^"]+)"', page).group(1)
    status, _ = fetch("/account/sign-in", {"email": "viewer.kw@demo.local", "password": password, "__csrf": token})
    assert status == 302, f"sign-in answered {status}"
    _, home = fetch("/")
    body = re.search(r'href="(/bodies/[0-9a-f-]+)"', home).group(1)
    _, sessions = fetch(body + "/sessions")
    session = {int(n): "/sessions/" + i for i, n in re.findall(r'href="/sessions/([0-9a-f-]{36})"[^>]*>[^<0-9]*(\d+)[^<]*<', sessions)}
    _, plans = fetch(body + "/action-plans")
    plan = re.search(r'href="(/action-plans/[0-9a-f-]{36})"', plans).group(1)
    pages = ["/", body, body + "/action-items", body + "/action-items?status=in-progress&sort=title", body + "/agreements", body + "/notes", body + "/sessions",
             body + "/action-items?q=" + urllib.parse.quote("مذكره التفاهم"), body + "/sessions?sort=-number", "/people?name=" + urllib.parse.quote("الجاراللّه"),
             session[16] + "/statement", session[17] + "/agenda", plan + "/signatures"]
    print(f"{'page':<58} {'p50 ms':>8} {'p95 ms':>8}")
    for path in pages:
        fetch(path)  # warm-up
        times = []
        for _ in range(N):
            start = time.perf_counter()
            status, _ = fetch(path)
            times.append((time.perf_counter() - start) * 1000)
            assert status == 200, f"{path} answered {status}"
        times.sort()
        shown = urllib.parse.unquote(path.replace(body, "/bodies/{id}").replace(session[16], "/sessions/{16}").replace(session[17], "/sessions/{17}").replace(plan, "/action-plans/{16}"))
        print(f"{shown:<58} {statistics.median(times):8.1f} {times[int(len(times) * 0.95) - 1]:8.1f}")
finally:
    app.terminate()
    app.wait()
    shutil.rmtree(data, ignore_errors=True)
