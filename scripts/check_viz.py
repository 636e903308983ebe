"""Render ``jbzgraph viz``'s HTML page in headless Chromium and check the screenshot.

Checks that the page draws (enough non-white pixels in the screenshot) and that it holds
one circle per node of the network (``data-stats`` on the SVG). Exit 0 when both hold.

    python scripts/check_viz.py VIZ_DIR/network.html [--screenshot out.png]
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
MIN_INK = 0.01  # share of non-white pixels a drawn network leaves at least


def screenshot(page: Path, out: Path, width: int = 1200, height: int = 950) -> Path:
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        raise SystemExit("no headless Chromium found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                        f"--window-size={width},{height}", f"--screenshot={out}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    return out


def ink(png: Path) -> float:
    from PIL import Image

    histogram = Image.open(png).convert("L").histogram()
    return sum(histogram[:240]) / sum(histogram)


def check(page: Path, out: Path) -> dict:
    html = page.read_text(encoding="utf-8")
    stats = json.loads(re.search(r"data-stats='([^']*)'", html).group(1))
    circles = html.count('<circle class="node"')
    share = ink(screenshot(page, out))
    return {"nodes": stats["nodes"], "circles": circles, "ink": round(share, 4),
            "ok": circles == stats["nodes"] and share >= MIN_INK}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--screenshot", type=Path, default=Path("network-screenshot.png"))
    args = parser.parse_args()
    result = check(args.page, args.screenshot)
    print(json.dumps(result))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
