"""Page weight of the calculator: the HTML plus every same-host asset it references (no assertions).

    .venv/bin/python benchmarks/page_weight.py

Uses Django's test client (no server, no network). Prints the bytes of the page as a first visit
transfers them (uncompressed and gzip-compressed, as whitenoise serves static files), for the
empty form and for the result page, and lists any reference to another host.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

REF = re.compile(r'(?:src|href)="([^"#]+)"')
FORM = {
    "partner": "works",
    "partner_amount": "2600",
    "children": "4, 8",
    "rent": "900",
    "childcare": "yes",
    "hours": "16",
}


def weigh(client: Client, label: str, response) -> None:
    html = response.content
    total, total_gz, other_hosts, rows = len(html), len(gzip.compress(html)), [], []
    for ref in sorted(set(REF.findall(html.decode()))):
        if ref.startswith(("http://", "https://", "//")):
            other_hosts.append(ref)
            continue
        if not ref.startswith("/static/"):
            continue  # links to other pages are not loaded with this one
        asset = client.get(ref)
        body = b"".join(asset.streaming_content) if asset.streaming else asset.content
        rows.append((ref, len(body), len(gzip.compress(body))))
        total += len(body)
        total_gz += len(gzip.compress(body))
    print(f"\n{label}: HTTP {response.status_code}")
    print(f"  {'page HTML':<45} {len(html):>9,} B  {len(gzip.compress(html)):>8,} B gzip")
    for ref, size, gz in rows:
        print(f"  {ref:<45} {size:>9,} B  {gz:>8,} B gzip")
    print(f"  {'TOTAL':<45} {total:>9,} B  {total_gz:>8,} B gzip  (budget 200 KB)")
    loaded_elsewhere = [
        r for r in other_hosts if re.search(r'(?:src|<link[^>]*href)="' + re.escape(r), html.decode())
    ]
    print(
        f"  links to other hosts (not loaded): {len(other_hosts)}; loaded from other hosts: {len(loaded_elsewhere)}"
    )
    for ref in loaded_elsewhere:
        print(f"    LOADED FROM ANOTHER HOST: {ref}")


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    weigh(client, "GET /calculator/ (the five questions)", client.get("/calculator/"))
    weigh(client, "POST /calculator/ (the answer, chart, comparison)", client.post("/calculator/", FORM))
    weigh(
        client,
        "GET /ar/calculator/example/single-mother/",
        client.get("/ar/calculator/example/single-mother/"),
    )


if __name__ == "__main__":
    main()
