#!/usr/bin/env bash
# Render check of the DOCX export with LibreOffice: exports each draft with the CLI, converts the
# DOCX to PDF (soffice --headless, throw-away profile), extracts the text (pdftotext) and checks
# that everything the DOCX holds made it onto the page:
#   - every body paragraph, as running text (white space ignored);
#   - every table cell: numbers as whole words, labels as text or, when wrapped inside a narrow
#     cell, as whole lines of the PDF text in order (pdftotext interleaves such lines with the
#     neighbouring cells'; a label sharing its lines with neighbours is only counted, see next);
#   - every character, at least as often as the DOCX has it (nothing dropped or clipped);
#   - pagination: each table whole on one page, its vertically set labels (「三、本年度办理结果」)
#     whole on that page; page numbers 「— N —」 odd pages right, even pages left; a 版记 alone at
#     the foot of the last page, without a page number (its page's parity is printed: Word and WPS
#     start the 版记's section on an even page; LibreOffice 7.4 ignores that section break type).
# Prints the page count and writes PNGs of page 1 and of the pages holding tables, to look at.
#
#   bash scripts/render-docx.sh [DRAFT.json ...]     # default: core/fixtures/*.json
#
# Environment: XXGK_REPORT  the CLI to use (default: built with cargo, target/debug/xxgk-report)
#              RENDER_OUT   where to put DOCX, PDF, text and PNGs (default: a new temp dir, kept)
# Exit status: 0 all found; 1 something is missing or a tool failed; 2 soffice/pdftotext absent.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LC_ALL=C.UTF-8

for tool in soffice pdftotext pdfinfo pdftoppm unzip python3; do
  command -v "$tool" >/dev/null || { echo "render-docx: $tool is not installed (apt: libreoffice-writer-nogui poppler-utils unzip)" >&2; exit 2; }
done

drafts=("$@")
if [ ${#drafts[@]} -eq 0 ]; then
  shopt -s nullglob
  mapfile -t drafts < <(grep -l '"xxgk-report/draft"' core/fixtures/*.json)
  [ ${#drafts[@]} -gt 0 ] || { echo "render-docx: no draft given and no draft in core/fixtures/*.json" >&2; exit 1; }
fi

if [ -z "${XXGK_REPORT:-}" ]; then
  cargo build -q -p xxgk-core --bin xxgk-report || exit 1
  XXGK_REPORT="${CARGO_TARGET_DIR:-target}/debug/xxgk-report"
fi
out="${RENDER_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/render-docx.XXXXXX")}"
mkdir -p "$out"

# Tag-free text of XML fragments, one per line, entities decoded.
strip_tags() {
  sed -E -e 's#<w:tab/?[^>]*>#\t#g' -e 's#<[^>]+>##g' \
    -e 's#&lt;#<#g; s#&gt;#>#g; s#&quot;#"#g; s#&apos;#'"'"'#g; s#&amp;#\&#g' | grep -v '^[[:space:]]*$'
}
# The paragraphs outside tables, one per line.
body_paragraphs() {
  unzip -p "$1" word/document.xml | sed -e 's#<w:tbl>#\n\x01#g; s#</w:tbl>#\x01\n#g' | grep -v $'^\x01' \
    | sed -e 's#</w:p>#\n#g' | strip_tags
}
# The table cells, one per line (merged continuations are empty and dropped).
table_cells() {
  unzip -p "$1" word/document.xml | sed -e 's#</w:tc>#\n#g' | grep -F '<w:tc>' | sed -E 's#.*<w:tc>##' | strip_tags
}

# White space removed (LibreOffice adds spaces between Chinese and digits), and hyphens too
# (pdftotext drops a hyphen that ends a line): line by line, or joined.
WIDE_SPACES=$'\u00a0\u3000'
unspace() { sed -e "s/[-[:space:]${WIDE_SPACES}]//g"; }
squeeze() { unspace | tr -d '\n'; }
# Each character with its count, for comparing what the DOCX holds with what the PDF shows.
char_counts() { unspace | grep -o . | sort | uniq -c | awk '{ print $2, $1 }' | sort; }

# True if the squeezed text $1 is made of whole lines of the PDF text, in order.
in_pieces() {
  local rest="$1" n
  while [ -n "$rest" ]; do
    for ((n = ${#rest}; n > 0; n--)); do
      grep -qxF -- "${rest:0:n}" "$lines" && break
    done
    [ "$n" -gt 0 ] || return 1
    rest="${rest:n}"
  done
}

status=0
for draft in "${drafts[@]}"; do
  name="$(basename "$draft" .json)"
  docx="$out/$name.docx"
  # Exit 1 only says the draft has errors: the file is written all the same.
  "$XXGK_REPORT" export "$draft" -o "$docx" >/dev/null 2>"$out/$name.export.log"
  if [ $? -gt 1 ] || [ ! -s "$docx" ]; then
    echo "FAIL $name: export failed: $(cat "$out/$name.export.log")"; status=1; continue
  fi
  pdf="$out/$name.pdf"
  if ! timeout 180 soffice "-env:UserInstallation=file://$out/lo-profile-$name" --headless --convert-to pdf \
      --outdir "$out" "$docx" >"$out/$name.soffice.log" 2>&1 || [ ! -s "$pdf" ]; then
    echo "FAIL $name: LibreOffice did not convert: $(tail -n 3 "$out/$name.soffice.log")"; status=1; continue
  fi
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
  # Page numbers 「— N —」 sit between pages: left out so paragraphs read on across page breaks.
  pdftotext "$pdf" - | grep -vE '^[[:space:]]*—[[:space:]]*[0-9]+[[:space:]]*—[[:space:]]*$' >"$out/$name.txt"
  squeeze <"$out/$name.txt" >"$out/$name.flat"
  tr -s ' \t\n\r\f' '\n' <"$out/$name.txt" | sort -u >"$out/$name.words"
  lines="$out/$name.lines"
  unspace <"$out/$name.txt" | grep -v '^$' | sort -u >"$lines"

  missing=0; checked=0; interleaved=0
  report_missing() { missing=$((missing + 1)); [ "$missing" -le 20 ] && echo "  missing in PDF: $1"; }
  while IFS= read -r para; do
    checked=$((checked + 1))
    grep -qF -- "$(printf '%s' "$para" | squeeze)" "$out/$name.flat" || report_missing "$para"
  done < <(body_paragraphs "$docx")
  while IFS= read -r cell; do
    checked=$((checked + 1))
    word="$(printf '%s' "$cell" | tr -d '[:space:]')"
    flat="$(printf '%s' "$cell" | squeeze)"
    if [[ "$word" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then
      grep -qxF -- "$word" "$out/$name.words" || report_missing "$cell"
    elif ! grep -qF -- "$flat" "$out/$name.flat" && ! in_pieces "$flat"; then
      interleaved=$((interleaved + 1))
    fi
  done < <(table_cells "$docx")
  # Every character at least as often in the PDF as in the DOCX (repeated header rows add more).
  short="$(join -a1 -e 0 -o 0,1.2,2.2 <({ body_paragraphs "$docx"; table_cells "$docx"; } | char_counts) \
    <(char_counts <"$out/$name.txt") | awk '$3 < $2 { printf "%s(%d<%d) ", $1, $3, $2 }')"
  if [ -n "$short" ]; then
    missing=$((missing + 1)); echo "  characters missing in PDF (PDF<DOCX): $short"
  fi

  # Pagination, read from the DOCX's tables and the PDF's pages.
  layout="$(python3 - "$docx" "$pdf" "$pages" <<'PY'
import re, subprocess, sys, zipfile
docx, pdf, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
def text(fragment):
    t = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", fragment))
    for a, b in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        t = t.replace(a, b)
    return re.sub(r"[\s\u00a0\u3000-]", "", t)
def page_text(p, layout=False):
    args = ["pdftotext", "-f", str(p), "-l", str(p)] + (["-layout"] if layout else []) + [pdf, "-"]
    return subprocess.run(args, capture_output=True, text=True).stdout
flat = {p: re.sub(r"[\s\u00a0\u3000-]", "", page_text(p)) for p in range(1, pages + 1)}
problems = []
for n, tbl in enumerate(re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S), 1):
    cells = [text(c) for c in re.findall(r"<w:tc>.*?</w:tc>", tbl, re.S)]
    vertical = [text(c) for c in re.findall(r"<w:tc>.*?</w:tc>", tbl, re.S) if "w:textDirection" in c]
    # The labels pdftotext gives whole (narrow cells' wrapped lines interleave): all on one page.
    labels = [c for c in cells if len(c) >= 4 and not re.fullmatch(r"[\d.]+", c) and any(c in t for t in flat.values())]
    on = [p for p in flat if all(c in flat[p] for c in labels + vertical)]
    if on and labels:
        print(f"table {n} whole on page {on[0]} ({len(labels)} labels)" + (f", vertical label {'、'.join(vertical)} whole" if vertical else ""))
    else:
        split = {c: [p for p in flat if c in flat[p]] for c in labels + vertical}
        problems.append(f"table {n} is not whole on one page: {split}")
numbered = 0
for p in range(1, pages + 1):
    # Words with their boxes: the number line is 「—」, N, 「—」 below the text block.
    box = subprocess.run(["pdftotext", "-bbox", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', box).group(1))
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', box)
    dashes = [(float(x), float(y)) for x, y, w in words if w == "—"]
    for x, y, w in words:
        if re.fullmatch(r"\d+", w) and sum(abs(float(y) - dy) < 4 for _, dy in dashes) >= 2:
            numbered += 1
            side = "right" if float(x) > width / 2 else "left"
            if int(w) != p or side != ("right" if p % 2 else "left"):
                problems.append(f"page {p}: number {w} on the {side}")
imprint = re.search(r"<w:framePr[^>]*/>.*?</w:p>", xml, re.S)
if imprint:
    line = text(imprint.group(0))
    where = [p for p in flat if line in flat[p]]
    body_last = max((p for p in flat if p not in where and flat[p]), default=0)
    if where != [pages] or re.search(r"—\s*\d+\s*—", page_text(pages)):
        problems.append(f"版记 on pages {where} of {pages}, not alone and unnumbered on the last")
    else:
        print(f"版记 alone on page {pages} ({'even' if pages % 2 == 0 else 'odd'}), without a page number")
print(f"{numbered} page numbers on their sides")
for problem in problems:
    print("PROBLEM " + problem)
PY
)"
  printf '%s\n' "$layout" | sed 's/^/  /'
  if grep -q '^PROBLEM' <<<"$layout" || [ -z "$layout" ]; then missing=$((missing + 1)); fi

  # Page 1, and every page on which at least three table cells of the DOCX appear.
  mapfile -t cells < <(table_cells "$docx" | unspace | sort -u)
  pngs=(1)
  for ((p = 2; p <= pages; p++)); do
    page_text="$(pdftotext -f "$p" -l "$p" "$pdf" - | squeeze)"
    hits=0
    for cell in "${cells[@]}"; do
      [[ "$page_text" == *"$cell"* ]] && hits=$((hits + 1))
      [ "$hits" -ge 3 ] && { pngs+=("$p"); break; }
    done
  done
  shown=()
  for p in "${pngs[@]}"; do
    pdftoppm -png -r 80 -f "$p" -l "$p" -singlefile "$pdf" "$out/$name-page-$p" && shown+=("$out/$name-page-$p.png")
  done

  if [ "$missing" -eq 0 ] && [ "$pages" -ge 2 ] && [ "$pages" -le 60 ]; then
    echo "PASS $name: $pages pages; $checked paragraphs and cells found ($interleaved wrapped labels by characters only); PNGs: ${shown[*]}"
  else
    echo "FAIL $name: $pages pages, $missing problems in $checked paragraphs and cells"; status=1
  fi
done
echo "render-docx: output in $out"
exit "$status"
