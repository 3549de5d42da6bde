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
