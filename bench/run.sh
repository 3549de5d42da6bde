#!/usr/bin/env bash
# One benchmark run (docs/benchmarks.md): the product and its peers on the same synthetic rijm extract, each
# step timed as a whole process (wall seconds, processor seconds, peak resident memory), repeated.
#
#   bench/run.sh ROWS FOLDER [REPEATS]      e.g. bench/run.sh 2000000 /tmp/bench2m 3
#
# Needs a Release build of the product and of the peers (bench/README.md), sqlite3 (apt-get install sqlite3)
# and, for the pandas peer, Debian's python3-pandas. Prints one line per step and run, tab-separated:
#   step  run  wall_s  cpu_s  peak_mb  note
set -euo pipefail
rows=$1 dir=$2 repeats=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
monitor=(dotnet "$root/src/Monitor.Cli/bin/Release/net10.0/monitor.dll")
peers=(dotnet "$root/bench/Monitor.Bench.Peers/bin/Release/net10.0/bench-peers.dll")
mkdir -p "$dir"
cd "$dir"
export MONITOR_PSEUDONYM_KEY=benchmark-key-0123456789abcdef
measure=(measure --period 2020 --as-of 2022-06-30 --json measure.json)

# time STEP RUN NOTE COMMAND...: one line of figures; the command's own output goes to STEP.RUN.log.
time_step() {
  local step=$1 run=$2 note=$3; shift 3
  /usr/bin/time -f "%e %U %S %M" -o time.out "$@" > "$step.$run.log" 2>&1 || { echo "$step failed: see $dir/$step.$run.log" >&2; exit 1; }
  read -r wall user sys rss < time.out
  printf '%s\t%s\t%.2f\t%.2f\t%.0f\t%s\n' "$step" "$run" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" "$note"
}

if [ ! -f synthetic.csv ] || [ "$(($(wc -l < synthetic.csv) - 1))" != "$rows" ]; then
  "${monitor[@]}" bench import --rows "$rows" --keep "$dir/gen" > /dev/null
  mv gen/synthetic.csv synthetic.csv
  rm -rf gen
fi
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg); $rows rows"
printf 'step\trun\twall_s\tcpu_s\tpeak_mb\tnote\n'
for run in $(seq 1 "$repeats"); do
  rm -f bare.db
  time_step sqlite3-import "$run" "bare load: .import, no checks" sqlite3 bare.db -cmd ".mode csv" -cmd ".separator ;" ".import synthetic.csv segment"
  rm -rf store.db store.db-* store.db.cache store.db.key
  time_step monitor-import "$run" "every check, pseudonyms, duplicates" "${monitor[@]}" import synthetic.csv --db store.db
  time_step duckdb-load "$run" "bare load into a DuckDB file" "${peers[@]}" load synthetic.csv peer.duckdb
  time_step duckdb-csv "$run" "CSV -> episodes -> 2020 (subset)" "${peers[@]}" csv synthetic.csv
  time_step duckdb-measure "$run" "DuckDB file -> episodes -> 2020 (subset)" "${peers[@]}" measure peer.duckdb
  if /usr/bin/python3 -c "import pandas" 2> /dev/null; then
    time_step pandas-csv "$run" "CSV -> episodes -> 2020 (subset)" /usr/bin/python3 "$root/bench/pandas_peer.py" synthetic.csv
  fi
  rm -rf store.db.cache
  time_step monitor-measure-cold "$run" "no cache: reads the store, writes the caches" "${monitor[@]}" "${measure[@]}" --db store.db
  time_step monitor-measure "$run" "caches of this version" "${monitor[@]}" "${measure[@]}" --db store.db
  time_step monitor-report "$run" "the report (the night before: writes the kept trend years and sensitivity rows)" "${monitor[@]}" report --baseline 2020 --followup 2021 --as-of 2022-06-30 --out report --db store.db
  # The nightly delta: 1% of the rows into a copy of the store whose caches are of the night before.
  if [ ! -f delta.csv ]; then
    rm -rf gen && mkdir gen && cp -r store.db* gen/
    "${monitor[@]}" bench delta --db gen/store.db --fraction 0.01 > /dev/null
    mv gen/delta.csv . && rm -rf gen
  fi
  rm -rf delta && mkdir delta && cp -r store.db* delta/
  time_step monitor-delta-import "$run" "1% delta" "${monitor[@]}" import delta.csv --db delta/store.db
  time_step monitor-delta-measure "$run" "after the delta" "${monitor[@]}" "${measure[@]}" --db delta/store.db
  time_step monitor-delta-report "$run" "after the delta: the report" "${monitor[@]}" report --baseline 2020 --followup 2021 --as-of 2022-06-30 --out delta/report --db delta/store.db
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
