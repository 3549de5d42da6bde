using System.Text;

namespace Monitor.Integration.Tests.Support;

/// <summary>Small rijm extracts written inline, and valid citizen numbers to put in them.</summary>
public static class Extracts
{
    public const string RijmHeader = "bsn;geboortedatum;gemeentecode;agb_code;productcode;zorgsoort;begindatum;einddatum;bedrag";

    /// <summary>A rijm row with a BSN; dates ISO, amounts Dutch.</summary>
    public static string Row(string bsn, string start, string? end, string amount = "1.000,00", string provider = "41000011",
        string care = "verblijf", string birth = "2010-01-01", string municipality = "0193", string product = "41A01") =>
        $"{bsn};{birth};{municipality};{provider};{product};{care};{start};{end};{amount}";

    public static string File(params string[] rows) => RijmHeader + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>Distinct 9-digit numbers that pass the elfproef, from a seed: fictional, deterministic.</summary>
    public static IEnumerable<string> Bsns(int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>();
        while (true)
        {
            var digits = new int[9];
            for (var i = 0; i < 8; i++) digits[i] = random.Next(10);
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += digits[i] * (9 - i);
            var last = sum % 11; // 9·d1 + … + 2·d8 − d9 ≡ 0 (mod 11)
            if (last == 10 || digits.Take(8).All(d => d == 0)) continue;
            digits[8] = last;
            var bsn = string.Concat(digits);
            if (seen.Add(bsn)) yield return bsn;
        }
    }

    /// <summary>A synthetic rijm file of <paramref name="rows"/> rows, a few segments per youth.</summary>
    public static void WriteLarge(string path, int rows, int seed = 1)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write(RijmHeader + "\n");
        var bsns = Bsns(seed).GetEnumerator();
        var written = 0;
        var day = new DateOnly(2018, 1, 1);
        while (written < rows)
        {
            bsns.MoveNext();
            for (var i = 0; i < 4 && written < rows; i++, written++)
            {
                var start = day.AddDays(i * 100);
                writer.Write(Row(bsns.Current, start.ToString("yyyy-MM-dd"), start.AddDays(90).ToString("yyyy-MM-dd"), provider: $"4100{i:D4}") + "\n");
            }
        }
    }
}
