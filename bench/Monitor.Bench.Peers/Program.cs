using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

// The DuckDB peer of docs/benchmarks.md: what a researcher would write instead of the product, on the same
// synthetic rijm extract (monitor bench import --keep). It builds stay episodes with the protocol's gap rule
// (PROTOCOL.md 4: residential set, as-of date, running end, gap days) in SQL and computes a subset of the
// measure figures of one period (youths, episodes, exits, ongoing, entries, mean and median duration, mean
// cost, mean providers): fewer figures than the product computes, so the comparison favours DuckDB.
//
//   bench-peers csv FILE.csv            read the CSV, build episodes, measure (one process, nothing kept)
//   bench-peers load FILE.csv DB.duckdb load the CSV into a DuckDB file (a bare load: no checks)
//   bench-peers measure DB.duckdb       build episodes and measure from that file
// Options: --as-of 2022-06-30 --period 2020 --gap 7
var total = Stopwatch.StartNew();
if (args.Length < 2) return Usage();
var asOf = Option("--as-of", "2022-06-30");
var year = int.Parse(Option("--period", "2020"), CultureInfo.InvariantCulture);
var gap = int.Parse(Option("--gap", "7"), CultureInfo.InvariantCulture);

string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

var mode = args[0];
var database = mode switch { "csv" => ":memory:", "load" => args[2], "measure" => args[1], _ => null };
if (database is null) return Usage();
if (mode == "load") File.Delete(database);
using var connection = new DuckDBConnection($"Data Source={database}");
connection.Open();
// Extensions cannot be downloaded here (shared/DEPENDENCIES.md).
Execute("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;");

var stage = Stopwatch.StartNew();
if (mode is "csv" or "load")
{
    Execute($$"""
        CREATE TABLE segment AS
        SELECT bsn, strptime(geboortedatum, '%d-%m-%Y')::DATE AS birth, gemeentecode AS municipality, agb_code AS provider,
               productcode AS product, zorgsoort AS care, begindatum AS start_date, einddatum AS end_date,
               replace(bedrag, ',', '.')::DECIMAL(18, 4) AS amount
        FROM read_csv('{{args[1].Replace("'", "''")}}', delim = ';', header = true, dateformat = '%Y-%m-%d',
            columns = {'bsn': 'VARCHAR', 'geboortedatum': 'VARCHAR', 'geslacht': 'VARCHAR', 'gemeentecode': 'VARCHAR',
                       'agb_code': 'VARCHAR', 'productcode': 'VARCHAR', 'zorgsoort': 'VARCHAR', 'begindatum': 'DATE',
                       'einddatum': 'DATE', 'bedrag': 'VARCHAR'})
        """);
    Console.WriteLine($"read the CSV: {stage.Elapsed.TotalSeconds:N2} s ({Scalar("SELECT count(*) FROM segment")} rows)");
    stage.Restart();
    if (mode == "load")
    {
        Execute("CHECKPOINT");
        Console.WriteLine($"whole process: {total.Elapsed.TotalSeconds:N2} s");
        return 0;
    }
}

// Episodes: residential segments in scope, ordered by start; a segment opens a new episode when it starts
// after the running end (the latest end so far; open = the as-of date, which any later start in scope is
// within) plus the gap plus one.
Execute($"""
    CREATE TEMP TABLE episode AS
    WITH scope AS (
        SELECT bsn, provider, start_date, amount, birth,
               CASE WHEN end_date IS NULL OR end_date > DATE '{asOf}' THEN DATE '{asOf}' ELSE end_date END AS last_day,
               end_date IS NULL OR end_date > DATE '{asOf}' AS open
        FROM segment
        WHERE care IN ('verblijf', 'gezinshuis', 'gesloten', 'crisis') AND start_date <= DATE '{asOf}'),
    running AS (
        SELECT *, max(last_day) OVER (PARTITION BY bsn ORDER BY start_date, last_day
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS running_end
        FROM scope),
    numbered AS (
        SELECT *, sum(CASE WHEN running_end IS NULL OR start_date > running_end + {gap + 1} THEN 1 ELSE 0 END)
                  OVER (PARTITION BY bsn ORDER BY start_date, last_day ROWS UNBOUNDED PRECEDING) AS episode
        FROM running)
    SELECT bsn, episode, min(start_date) AS start_date, max(last_day) AS last_day, bool_or(open) AS ongoing,
           max(last_day) - min(start_date) + 1 AS duration, count(DISTINCT provider) AS providers, sum(amount) AS cost
    FROM numbered GROUP BY bsn, episode
    """);
Console.WriteLine($"built {Scalar("SELECT count(*) FROM episode")} episodes: {stage.Elapsed.TotalSeconds:N2} s");
stage.Restart();

var from = $"DATE '{year}-01-01'";
var to = $"DATE '{year}-12-31'";
using (var command = connection.CreateCommand())
{
    command.CommandText = $"""
        SELECT count(DISTINCT bsn), count(*),
               count(*) FILTER (WHERE NOT ongoing AND last_day BETWEEN {from} AND {to}),
               count(*) FILTER (WHERE ongoing),
               count(*) FILTER (WHERE start_date BETWEEN {from} AND {to}),
               avg(duration), median(duration), avg(cost), avg(providers)
        FROM episode
        WHERE start_date <= {to} AND (ongoing OR last_day >= {from})
        """;
    using var reader = command.ExecuteReader();
    reader.Read();
    Console.WriteLine($"measured {year}: youths {reader.GetValue(0)}, episodes {reader.GetValue(1)}, exited {reader.GetValue(2)}, " +
                      $"ongoing {reader.GetValue(3)}, entries {reader.GetValue(4)}, mean duration {reader.GetValue(5)}, " +
                      $"median {reader.GetValue(6)}, mean cost {reader.GetValue(7)}, mean providers {reader.GetValue(8)}: {stage.Elapsed.TotalSeconds:N2} s");
}
Console.WriteLine($"whole process: {total.Elapsed.TotalSeconds:N2} s");
return 0;

void Execute(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

object? Scalar(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return command.ExecuteScalar();
}

static int Usage()
{
    Console.Error.WriteLine("usage: bench-peers csv FILE.csv | load FILE.csv DB.duckdb | measure DB.duckdb [--as-of D] [--period YEAR] [--gap N]");
    return 2;
}
