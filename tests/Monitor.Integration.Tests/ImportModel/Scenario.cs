using System.Globalization;
using System.Text;
using Monitor.Core.Domain;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests.ImportModel;

/// <summary>A youth as the extracts name them: by BSN, or by a sender's client id (rijm only).</summary>
public sealed record Youth(string? Bsn, string? ClientId)
{
    public string Identity => Bsn is not null ? "bsn:" + Bsn : "id:" + ClientId;
}

/// <summary>What makes a row fail a check of PROTOCOL.md 3.1 (one per bad row).</summary>
public enum Fault
{
    None,
    BadBsn,
    EndBeforeStart,
    MissingStart,
    NegativeAmount,
    UnknownCareType,
}

/// <summary>One row to write. Its segment key is what the model compares; how it is written
/// (date style, care code, GM prefix, amount) varies between copies of the same segment.</summary>
public sealed record RowSpec(Youth Youth, DateOnly Birth, int Municipality, int Provider, CareType Care, string? Product,
    DateOnly Start, DateOnly? End, decimal? Amount, Fault Fault = Fault.None)
{
    /// <summary>The duplicate key of PROTOCOL.md 3.1 with the youth: null for a row that fails a check.</summary>
    public (string, int, CareType, string, DateOnly, DateOnly?)? Key =>
        Fault == Fault.None ? (Youth.Identity, Provider, Care, Product ?? "", Start, End) : null;
}

public enum Format
{
    Rijm,
    Cbs,
}

/// <summary>One file of a command: its rows and how it is written.</summary>
public sealed record FileSpec(string Name, Format Format, char Delimiter, bool DayFirst, bool Bom, bool Crlf, IReadOnlyList<RowSpec> Rows,
    string? Source = null, bool Full = false)
{
    private static readonly Dictionary<CareType, string[]> CareTexts = new()
    {
        [CareType.Verblijf] = ["verblijf", "VERBLIJF", "43", "44"],
        [CareType.Gezinshuis] = ["gezinshuis", "36"],
        [CareType.Crisis] = ["crisis", "46"],
        [CareType.Ambulant] = ["ambulant", "31"],
    };

    public static IReadOnlyCollection<CareType> CareTypes => CareTexts.Keys;

    /// <summary>The file's bytes. <paramref name="style"/> picks, per row, among equal ways to write a value.</summary>
    public byte[] Bytes(int style)
    {
        var random = new Random(style);
        var text = new StringBuilder();
        var d = Delimiter;
        var header = Format == Format.Rijm
            ? Rows.Any(r => r.Youth.ClientId is not null)
                ? ["client_id", "geboortedatum", "gemeentecode", "agb_code", "productcode", "zorgsoort", "begindatum", "einddatum", "bedrag"]
                : new[] { "bsn", "geboortedatum", "gemeentecode", "agb_code", "productcode", "zorgsoort", "begindatum", "einddatum", "bedrag" }
            : ["bsn", "geboortedatum", "gemeentecode", "agb_code", "hulpvorm", "datum_aanvang", "datum_einde", "reden_beeindiging"];
        text.Append(string.Join(d, header)).Append(Crlf ? "\r\n" : "\n");
        foreach (var row in Rows)
        {
            string Date(DateOnly date) => (DayFirst ^ random.Next(4) == 0) ? date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var id = row.Fault == Fault.BadBsn ? BreakElfproef(row.Youth.Bsn ?? "123456782") : row.Youth.Bsn ?? row.Youth.ClientId!;
            var texts = CareTexts[row.Care];
            var care = row.Fault == Fault.UnknownCareType ? "residentieel-x" : texts[random.Next(texts.Length)];
            var municipality = (random.Next(2) == 0 ? "GM" : "") + row.Municipality.ToString("D4", CultureInfo.InvariantCulture);
            var start = row.Fault == Fault.MissingStart ? "" : Date(row.Start);
            var end = row.Fault == Fault.EndBeforeStart ? Date(row.Start.AddDays(-1)) : row.End is { } e ? Date(e) : "";
            string[] cells = Format == Format.Rijm
                ? [id, Date(row.Birth), municipality, row.Provider.ToString("D8", CultureInfo.InvariantCulture), row.Product ?? "", care, start, end, Amount(row)]
                : [id, Date(row.Birth), municipality, row.Provider.ToString("D8", CultureInfo.InvariantCulture), care, start, end, random.Next(3) == 0 ? "1" : ""];
            text.Append(string.Join(d, cells)).Append(Crlf ? "\r\n" : "\n");
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return Bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    private static readonly NumberFormatInfo Dutch = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    private string Amount(RowSpec row)
    {
        var amount = row.Fault == Fault.NegativeAmount ? -35.5m : row.Amount;
        if (amount is not { } a) return "";
        // In a ;-file a number with a comma is Dutch; one without uses a decimal point (PROTOCOL.md 2).
        return Delimiter == ';' ? a.ToString("#,##0.00", Dutch) : a.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>The same digits with the last one changed: no longer passes the elfproef.</summary>
    private static string BreakElfproef(string bsn) => bsn[..8] + (char)('0' + (bsn[8] - '0' + 1) % 10);
}

/// <summary>One <c>monitor import</c> command: files imported in order, each in its own transaction.</summary>
public sealed record CommandSpec(IReadOnlyList<FileSpec> Files);

/// <summary>
/// Seeded random import scenarios shaped like real deliveries: youths listed together with a few segments
/// each, a provider re-sending a line somewhere further down (0 to 100 rows on, within and across youths),
/// the same segment in a later file or a later command written another way, a shuffled copy of a file,
/// rows that fail a check, and a full extract that supersedes its source's earlier imports.
/// </summary>
public static class Scenarios
{
    private static readonly int[] Providers = [41000011, 41000022, 41000033, 6000015, 80000044];
    private static readonly string?[] Products = [null, "41A01", "41A02", "P-7", null];

    public static IReadOnlyList<CommandSpec> Generate(int seed, int rowsPerFile = 120)
    {
        var random = new Random(seed);
        var bsns = Extracts.Bsns(seed).Take(60).ToArray();
        var youths = bsns.Select((bsn, i) => i % 4 == 3 ? new Youth(null, $"client-{seed}-{i}") : new Youth(bsn, null)).ToArray();
        var sent = new List<RowSpec>(); // every good row of earlier files: material for duplicates across files
        var commands = new List<CommandSpec>();
        var fileNumber = 0;

        FileSpec NewFile(string? source = null, bool full = false, IEnumerable<RowSpec>? resend = null)
        {
            var format = random.Next(3) == 0 ? Format.Cbs : Format.Rijm;
            var usable = youths.Where(y => format == Format.Rijm || y.Bsn is not null).ToArray();
            // A rijm file names youths by bsn or by client_id, not both.
            if (format == Format.Rijm) usable = random.Next(2) == 0 ? usable.Where(y => y.Bsn is not null).ToArray() : usable.Where(y => y.ClientId is not null).ToArray();
            var rows = new List<RowSpec>();
            if (resend is not null) rows.AddRange(resend.Where(r => Fits(r, format, usable)).Select(r => Rewritten(r, format)));
            while (rows.Count < rowsPerFile)
            {
                var youth = usable[random.Next(usable.Length)];
                var birth = new DateOnly(2002 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28));
                var municipality = random.Next(4) == 0 ? 153 : 193;
                var day = new DateOnly(2016, 1, 1).AddDays(random.Next(2000));
                for (var i = 1 + random.Next(5); i > 0; i--)
                {
                    var care = FileSpec.CareTypes.ElementAt(random.Next(FileSpec.CareTypes.Count));
                    DateOnly? end = random.Next(5) == 0 ? null : day.AddDays(random.Next(300));
                    var fault = random.Next(12) == 0 ? (Fault)(1 + random.Next(5)) : Fault.None;
                    if (fault == Fault.BadBsn && youth.Bsn is null) fault = Fault.EndBeforeStart;
                    if (fault == Fault.NegativeAmount && format == Format.Cbs) fault = Fault.MissingStart;
                    rows.Add(new RowSpec(youth, birth, municipality, Providers[random.Next(Providers.Length)], care,
                        format == Format.Rijm ? Products[random.Next(Products.Length)] : null, day, end,
                        format == Format.Rijm && random.Next(3) > 0 ? random.Next(100, 90000) + random.Next(100) / 100m : null, fault));
                    day = (end ?? day).AddDays(random.Next(-20, 30));
                }
            }
            // Duplicates planted 0 to 100 rows after a row of this file, and rows repeated from earlier files.
            for (var planted = random.Next(rowsPerFile / 8); planted > 0; planted--)
            {
                var from = random.Next(rows.Count);
                if (rows[from].Fault != Fault.None) continue;
                rows.Insert(Math.Min(rows.Count, from + 1 + random.Next(101)), Rewritten(rows[from], format));
            }
            var fromEarlier = sent.Where(r => Fits(r, format, usable)).ToList();
            for (var planted = fromEarlier.Count == 0 ? 0 : random.Next(rowsPerFile / 8); planted > 0; planted--)
                rows.Insert(random.Next(rows.Count + 1), Rewritten(fromEarlier[random.Next(fromEarlier.Count)], format));
            sent.AddRange(rows.Where(r => r.Fault == Fault.None));
            var delimiter = random.Next(2) == 0 ? ';' : ',';
            return new FileSpec($"f{++fileNumber:D2}-{format.ToString().ToLowerInvariant()}.csv", format, delimiter, random.Next(2) == 0,
                random.Next(3) == 0, random.Next(3) == 0, rows, source, full);
        }

        // An earlier delivery of source "a", then a command of one to three files, then perhaps a shuffled
        // copy of one of them, then perhaps a full extract of "a" that re-sends part of what it sent.
        var first = NewFile(source: "a");
        commands.Add(new CommandSpec([first]));
        var second = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => NewFile(source: random.Next(2) == 0 ? "b" : null)).ToList();
        commands.Add(new CommandSpec(second));
        if (random.Next(2) == 0)
        {
            var original = second[random.Next(second.Count)];
            var shuffled = original.Rows.OrderBy(_ => random.Next()).ToList();
            commands.Add(new CommandSpec([original with { Name = "shuffled-" + original.Name, Rows = shuffled }]));
        }
        if (random.Next(2) == 0)
            commands.Add(new CommandSpec([NewFile(source: "a", full: true, resend: first.Rows.Where(r => r.Fault == Fault.None && random.Next(2) == 0).ToList())]));
        return commands;

        RowSpec Rewritten(RowSpec row, Format format) =>
            row with { Amount = format == Format.Cbs ? null : random.Next(2) == 0 ? row.Amount : random.Next(100, 9000), Product = format == Format.Cbs ? null : row.Product };
    }

    /// <summary>Whether a row can be written in a file of this format with these youths (cbs has no client
    /// ids and no product codes, so a copy there must not need one to stay the same segment).</summary>
    private static bool Fits(RowSpec row, Format format, Youth[] usable) =>
        usable.Contains(row.Youth) && (format == Format.Rijm || row.Product is null);
}
