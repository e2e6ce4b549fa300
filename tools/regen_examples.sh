#!/usr/bin/env bash
# Regenerate examples/output/ (what examples/output/README.md describes) and the README's examples block.
#   tools/regen_examples.sh            uses .venv/bin
#   VENV=/path/to/venv tools/regen_examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
V="${VENV:-.venv}/bin"
out=examples/output
find "$out" -type f ! -name README.md -delete
for f in examples/resumes/*; do
  n=$(basename "$f")
  "$V/gapfinder" "$f" --format markdown -o "$out/$n.md"
  "$V/gapfinder" "$f" -o "$out/$n.txt"
done
for f in examples/jobs/*.txt; do
  n=$(basename "$f")
  "$V/gapfinder" "$f" --kind job --format markdown -o "$out/$n.md"
  "$V/gapfinder" "$f" --kind job -o "$out/$n.txt"
done
"$V/gapfinder" examples/resumes/mid_ml_engineer.md --job examples/jobs/senior_ml_engineer_jd.txt -o "$out/mid_vs_senior_jd.txt"
pair() {  # name resume job
  "$V/gapfinder" "examples/resumes/$2" --job "examples/jobs/$3" -o "$out/pair_$1.txt"
  "$V/gapfinder" "examples/resumes/$2" --job "examples/jobs/$3" -f markdown -o "$out/pair_$1.md"
  "$V/gapfinder" "examples/resumes/$2" --job "examples/jobs/$3" -f html -o "$out/pair_$1.html"
}
pair near_perfect senior_ml_engineer.txt senior_ml_engineer_jd.txt
pair career_changer data_scientist_career_changer.txt junior_ml_engineer_jd.txt
pair over_qualified staff_ml_engineer.txt junior_ml_engineer_jd.txt
pair alternatives mid_ml_engineer.md ml_engineer_alternatives_jd.txt
"$V/gapfinder" examples/resumes/mid_ml_engineer.md --job examples/jobs/ml_engineer_alternatives_jd.txt \
    -f json -o "$out/pair_alternatives.json"
"$V/gapfinder" examples/resumes/senior_ml_engineer.pdf --format json -o "$out/senior_ml_engineer.pdf.json"
# single reports as pages: a person on an alternative path, and one the ladder does not fit
"$V/gapfinder" examples/resumes/data_engineer.txt -f html -o "$out/data_engineer.txt.html"
"$V/gapfinder" examples/resumes/registered_nurse.txt -f html -o "$out/registered_nurse.txt.html"
"$V/python" tools/readme_examples.py
