using System.Globalization;
using System.Text;

namespace Monitor.Cli.Bench;

/// <summary>
/// A synthetic rijm extract for benchmarks: youths with one to three stays of a few segments each
/// (transfers, renewals, nested care, ambulant care around the stay), about eight rows per youth, as a
/// region's monitor would hold. Deterministic for a seed. Never real people: the BSNs are consecutive
/// numbers that pass the elfproef.
/// </summary>
public static class SyntheticExtract
{
    public const string Header = "bsn;geboortedatum;geslacht;gemeentecode;agb_code;productcode;zorgsoort;begindatum;einddatum;bedrag";
    private static readonly string[] Municipalities = ["0150", "0193", "0153", "0164", "0402", "0141", "0148", "1942"];
    private static readonly string[] Residential = ["verblijf", "verblijf", "verblijf", "gezinshuis", "gesloten", "crisis"];

    public static void Write(string path, long rows, int seed = 20201231)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header + "\n");
        long written = 0;
        var bsn = 100_000_000L;
        var line = new StringBuilder(128);
        while (written < rows)
        {
            bsn = NextBsn(bsn);
            var id = bsn.ToString("D9", CultureInfo.InvariantCulture);
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            var day = new DateOnly(2016, 1, 1).AddDays(random.Next(0, 365 * 6));
            var birth = day.AddDays(-random.Next(365 * 2, 365 * 17));
            var stays = 1 + (random.Next(10) < 3 ? 1 : 0) + (random.Next(10) < 1 ? 1 : 0);
            for (var stay = 0; stay < stays && written < rows; stay++)
            {
                var segments = 1 + random.Next(5);
                for (var s = 0; s < segments && written < rows; s++)
                {
                    var length = 20 + random.Next(400);
                    var end = day.AddDays(length - 1);
                    var open = end > new DateOnly(2022, 6, 30) && random.Next(3) == 0;
                    var provider = 41_000_000 + random.Next(500);
                    var care = Residential[random.Next(Residential.Length)];
                    Append(line, id, birth, municipality, provider, care, day, open ? null : end, length * 150m + random.Next(100));
                    writer.Write(line);
                    written++;
                    if (random.Next(3) == 0 && written < rows)
                    {
                        // Ambulant care around the stay.
                        Append(line, id, birth, municipality, 73_000_000 + random.Next(50), "ambulant", day.AddDays(-30), day.AddDays(60), 900m);
                        writer.Write(line);
                        written++;
                    }
                    day = end.AddDays(1 + (random.Next(4) == 0 ? random.Next(20) : 0));
                }
                day = day.AddDays(60 + random.Next(400));
            }
        }
    }

    /// <summary>
    /// A nightly delta of about <paramref name="rows"/> rows for a store filled by <see cref="Write"/> with
    /// <paramref name="storedRows"/> rows: half new segments of youths already stored (spread over all of
    /// them: a stay that goes on, a new placement, ambulant care, in the first half of 2022), half youths
    /// never seen before. Each youth's rows are listed together, as extracts do.
    /// </summary>
    public static void WriteDelta(string path, long rows, long storedRows, int seed = 20220701)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header + "\n");
        var line = new StringBuilder(128);
        // Every store of N synthetic rows holds the first N / 10 youths (they average about eight rows).
        var known = Math.Max(1, storedRows / 10);
        var touched = Math.Max(1, rows / 2 / 2); // two rows each
        var step = Math.Max(1, known / touched);
        long written = 0;
        var bsn = 100_000_000L;
        for (long youth = 0; youth < known && written < rows / 2; youth++)
        {
            bsn = NextBsn(bsn);
            if (youth % step != 0) continue;
            var id = bsn.ToString("D9", CultureInfo.InvariantCulture);
            var start = new DateOnly(2022, 1, 1).AddDays(random.Next(170));
            var birth = new DateOnly(2008, 1, 1).AddDays(random.Next(3000));
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            Append(line, id, birth, municipality, 41_000_000 + random.Next(500), Residential[random.Next(Residential.Length)],
                start, random.Next(3) == 0 ? null : start.AddDays(random.Next(10, 120)), 150m * random.Next(10, 120));
            writer.Write(line);
            Append(line, id, birth, municipality, 73_000_000 + random.Next(50), "ambulant", start.AddDays(-30), start.AddDays(60), 900m);
            writer.Write(line);
            written += 2;
        }
        bsn = 900_000_000L; // far beyond the youths of any stored extract
        while (written < rows)
        {
            bsn = NextBsn(bsn);
            var id = bsn.ToString("D9", CultureInfo.InvariantCulture);
            var day = new DateOnly(2021, 7, 1).AddDays(random.Next(360));
            var birth = day.AddDays(-random.Next(365 * 2, 365 * 17));
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            for (var s = 1 + random.Next(3); s > 0 && written < rows; s--, written++)
            {
                var end = day.AddDays(20 + random.Next(200));
                Append(line, id, birth, municipality, 41_000_000 + random.Next(500), Residential[random.Next(Residential.Length)],
                    day, end > new DateOnly(2022, 6, 30) ? null : end, 150m * random.Next(20, 200));
                writer.Write(line);
                day = end.AddDays(1 + random.Next(10));
            }
        }
    }

    private static void Append(StringBuilder line, string bsn, DateOnly birth, string municipality, int provider, string care,
        DateOnly start, DateOnly? end, decimal amount)
    {
        line.Clear().Append(bsn).Append(';').Append(birth.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)).Append(";V;")
            .Append(municipality).Append(';').Append(provider.ToString("D8", CultureInfo.InvariantCulture)).Append(";41A01;")
            .Append(care).Append(';').Append(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
            .Append(end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
            .Append(amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')).Append('\n');
    }

    /// <summary>The next number after <paramref name="after"/> that passes the elfproef.</summary>
    private static long NextBsn(long after)
    {
        for (var n = after + 1; ; n++)
        {
            var sum = 0L;
            var rest = n;
            for (var weight = -1; weight <= 9; weight++)
            {
                if (weight == 0 || weight == 1) continue;
                sum += rest % 10 * weight;
                rest /= 10;
            }
            if (sum % 11 == 0) return n;
        }
    }
}
