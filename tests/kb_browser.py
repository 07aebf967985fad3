"""Helpers for the links-for-meetings tests: serve a built site, open it in Chromium, print to PDF.

Chromium runs headless from /usr/bin/chromium; requests to any other host than the local server are
refused, so the tests need no network (and prove that pages and QR codes need none either).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS as ARGS, launch, serve  # noqa: F401 (re-exported)

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium ontbreekt (/usr/bin/chromium)")
needs_poppler = pytest.mark.skipif(not shutil.which("pdftoppm") or not shutil.which("pdftotext"),
                                   reason="poppler-utils ontbreekt (pdftoppm, pdftotext)")
needs_zbar = pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools ontbreekt (zbarimg)")


@contextlib.contextmanager
def chromium():
    """A headless Chromium browser context that may use the clipboard and reaches only 127.0.0.1."""
    with launch() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:")
                      else route.abort())
        try:
            yield context
        finally:
            context.close()


def print_pdf(context, url: str, pdf: Path) -> Path:
    """Open url and print it to an A4 PDF, as a reader's "Print > Save as PDF" does."""
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.close()
    return pdf


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path, dpi: int = 150) -> list[Path]:
    """Every page of the PDF as a PNG beside it."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


def qr_codes(png: Path) -> list[str]:
    """The contents of every QR code zbarimg finds in the image."""
    result = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line]


def main(argv: list[str] | None = None) -> int:
    """Print pages of a built site to PDF (and PNG per page), for a look at them on paper:

        .venv/bin/python tests/kb_browser.py site test-artifacts/print lessen/verhaal-van-de-regio/ ...
    """
    import argparse

    parser = argparse.ArgumentParser(description="Print pages of a built site to PDF and PNG with Chromium.")
    parser.add_argument("site", type=Path, help="the built site, e.g. site")
    parser.add_argument("out", type=Path, help="folder for the PDF and PNG files")
    parser.add_argument("urls", nargs="+", help="site paths, e.g. lessen/verhaal-van-de-regio/")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, chromium() as context:
        for url in args.urls:
            name = url.strip("/").replace("/", "_") or "start"
            pdf = print_pdf(context, base + url.lstrip("/"), args.out / f"{name}.pdf")
            pages = pdf_pages(pdf, dpi=80) if shutil.which("pdftoppm") else []
            print(f"{pdf} ({len(pages)} pagina's)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
