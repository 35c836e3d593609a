#!/usr/bin/python3
"""Writes the theme's selection of KERN (@kern-ux/native, EUPL-1.2) into themes/default/assets/kern/.

Only what the theme uses is published: the design tokens (custom properties) that style.css reads, with the tokens
they refer to, light theme only, colours converted from oklch to hex so older browsers and contrast checkers read
them; Fira Sans Regular and SemiBold cut down to Latin; KERN's licence and the font licence.

Run from the repository root after changing style.css or the pinned version (needs npm and python3-fonttools,
python3-brotli from Debian; the build itself needs neither). fonts/OFL.txt, the font licence, is kept as it is:

    /usr/bin/python3 tools/kern/auswahl.py
"""
import math
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

VERSION = "2.7.2"
PACKAGE = "@kern-ux/native"
ROOT = pathlib.Path(__file__).resolve().parents[2]
THEME = ROOT / "themes" / "default" / "assets"
OUT = THEME / "kern"
# Latin letters with German and other Western European accents, typographic quotes, dashes, ellipsis, euro, arrows.
UNICODES = "U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+2009,U+200B,U+2010-2014,U+2018-201E,U+2022,U+2026,U+202F,U+2039-203A,U+20AC,U+2192,U+2212"
FONTS = {"Regular": ("fira-sans-regular.woff2", 400), "SemiBold": ("fira-sans-semibold.woff2", 600)}


def unpack(tmp: pathlib.Path) -> pathlib.Path:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent", "--pack-destination", str(tmp)], check=True, cwd=tmp)
    archive = next(tmp.glob("*.tgz"))
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(tmp), "--no-same-owner"], check=True)
    return tmp / "package"


def blocks(css: str, selector: str) -> list[str]:
    """Bodies of top-level rules whose selector list starts with the given text (never inside @media)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found, depth, start, i = [], 0, 0, 0
    while i < len(css):
        c = css[i]
        if c == "{":
            if depth == 0:
                head = css[start:i].strip()
                body_start = i + 1
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                if head.startswith(selector):
                    found.append(css[body_start:i])
                start = i + 1
        i += 1
    return found


def media_blocks(css: str, query: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    result = []
    for m in re.finditer(re.escape(query) + r"\s*\{", css):
        depth, i = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        result.append(css[m.end():i - 1])
    return result


def declarations(body: str) -> dict[str, str]:
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"(--kern-[\w-]+)\s*:\s*([^;]+);", body)}


def oklch_to_hex(text: str) -> str:
    def convert(m: re.Match) -> str:
        l = float(m.group(1).rstrip("%")) / (100 if m.group(1).endswith("%") else 1)
        c, h = float(m.group(2)), math.radians(float(m.group(3)))
        a, b = c * math.cos(h), c * math.sin(h)
        l_, m_, s_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3, (l - 0.1055613458 * a - 0.0638541728 * b) ** 3, (l - 0.0894841775 * a - 1.2914855480 * b) ** 3
        rgb = (4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
               -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
               -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_)
        srgb = [12.92 * x if x <= 0.0031308 else 1.055 * x ** (1 / 2.4) - 0.055 for x in rgb]
        return "#" + "".join(f"{round(min(1, max(0, x)) * 255):02x}" for x in srgb)
    return re.sub(r"oklch\(\s*([\d.]+%?)\s+([\d.]+)\s+([\d.]+)\s*\)", convert, text)


def closure(wanted: set[str], tokens: list[dict[str, str]]) -> set[str]:
    seen, todo = set(), list(wanted)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for table in tokens:
            if name in table:
                todo.extend(re.findall(r"var\((--kern-[\w-]+)", table[name]))
    return seen


def main() -> int:
    style = (THEME / "style.css").read_text(encoding="utf-8")
    wanted = set(re.findall(r"var\((--kern-[\w-]+)", style))
    with tempfile.TemporaryDirectory() as t:
        package = unpack(pathlib.Path(t))
        css = (package / "dist" / "kern.css").read_text(encoding="utf-8")
        base: dict[str, str] = {}
        for body in blocks(css, ":root"):
            base.update(declarations(body))
        # The light theme, as KERN applies it for [data-kern-theme=light]; the theme has no dark variant yet.
        light = declarations(blocks(css, "[data-kern-theme=light]")[0])
        wide = {}
        for body in media_blocks(css, "@media (min-width: 768px)"):
            for inner in blocks(body, ":root"):
                wide.update(declarations(inner))
        names = closure(wanted, [base, light, wide])
        missing = sorted(n for n in wanted if n not in base and n not in light)
        if missing:
            print("style.css reads tokens KERN does not define: " + ", ".join(missing), file=sys.stderr)
            return 1

        def rule(selector: str, table: dict[str, str], indent: str = "") -> str:
            lines = [f"{indent}  {n}: {oklch_to_hex(table[n])};" for n in sorted(table) if n in names]
            return f"{indent}{selector} {{\n" + "\n".join(lines) + f"\n{indent}}}\n" if lines else ""

        merged = {**base, **light}
        header = (f"/* Auswahl aus KERN ({PACKAGE} {VERSION}, https://www.kern-ux.de), lizenziert unter der EUPL-1.2 (LICENSE.md).\n"
                  " * Geändert: nur die Design-Token, die style.css liest, helles Farbschema, Farben von oklch in Hex umgerechnet;\n"
                  " * Schrift Fira Sans (SIL Open Font License 1.1, fonts/OFL.txt) auf lateinische Zeichen gekürzt.\n"
                  " * Erzeugt von tools/kern/auswahl.py; nicht von Hand ändern. */\n")
        faces = "".join(
            "@font-face {\n  font-family: \"Fira Sans\";\n"
            f"  src: url(\"fonts/{file}\") format(\"woff2\");\n  font-weight: {weight};\n  font-style: normal;\n"
            "  /* Never swapped in after first paint: no layout shift; cached fonts are used from the next page on. */\n"
            "  font-display: optional;\n}\n"
            for file, weight in FONTS.values())
        text = header + faces + rule(":root", merged) + (
            "@media (min-width: 768px) {\n" + rule(":root", wide, "  ") + "}\n" if any(n in names for n in wide) else "")
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "fonts").mkdir(exist_ok=True)
        (OUT / "kern.css").write_text(text, encoding="utf-8", newline="\n")
        shutil.copyfile(package / "LICENSE.md", OUT / "LICENSE.md")
        for style_name, (file, _) in FONTS.items():
            subprocess.run(["/usr/bin/python3", "-m", "fontTools.subset", str(package / "dist" / "fonts" / "fira-sans" / f"FiraSans-{style_name}.woff2"),
                            f"--unicodes={UNICODES}", "--layout-features=kern,liga,calt,ccmp,locl,mark,mkmk,tnum,lnum",
                            "--flavor=woff2", f"--output-file={OUT / 'fonts' / file}"], check=True, stderr=subprocess.DEVNULL)
        print(f"{OUT / 'kern.css'}: {len(names)} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
