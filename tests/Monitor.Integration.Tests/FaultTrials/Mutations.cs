using System.Text;

namespace Monitor.Integration.Tests.FaultTrials;

/// <summary>
/// The ways a hostile world damages an extract, as the fault trials of issue 16 tried them: each takes a
/// valid file's bytes and a seeded random source and returns damaged bytes.
/// </summary>
public static class Mutations
{
    public static readonly (string Name, Func<byte[], Random, byte[]> Apply)[] All =
    [
        ("bit flips", (b, r) => { var c = (byte[])b.Clone(); for (var i = 1 + r.Next(5); i > 0; i--) { var at = r.Next(c.Length); c[at] ^= (byte)(1 << r.Next(8)); } return c; }),
        ("truncated", (b, r) => b[..r.Next(b.Length)]),
        ("NUL byte", (b, r) => Insert(b, r.Next(b.Length), [0])),
        ("invalid UTF-8", (b, r) => Insert(b, r.Next(b.Length), r.Next(2) == 0 ? [0xFF] : [0xC3])),
        ("UTF-16", (b, _) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))]),
        ("BOM in the middle", (b, r) => Insert(b, LineStart(b, r), [0xEF, 0xBB, 0xBF])),
        ("1 MB cell", (b, r) => Insert(b, CellStart(b, r, skipHeader: true), Encoding.ASCII.GetBytes(new string('7', 1 << 20)))),
        ("10,000 columns", (b, r) => Insert(b, LineEnd(b, r), Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(";x", 10_000))))),
        ("wrong delimiter", (b, r) => b.Select(x => x is (byte)';' or (byte)',' ? (byte)(r.Next(2) == 0 ? '\t' : '|') : x).ToArray()),
        ("impossible date", (b, r) => ReplaceCell(b, r, IsDate, ["2021-02-30", "31-13-2020", "0001-01-01", "9999-12-30", "1899-12-31", "2020-00-10"])),
        ("impossible number", (b, r) => ReplaceCell(b, r, IsNumber, ["--5", "1e400", "99999999999999999999999999999", "12,345,67", "-0,01", "NaN", "∞"])),
        ("no header", (b, _) => b[(Array.IndexOf(b, (byte)'\n') + 1)..]),
        ("1 MB header", (b, r) => Insert(b, LineEnd(b, r, line: 0), Encoding.ASCII.GetBytes(";" + new string('h', 1 << 20)))),
        ("257-character product code", (b, r) => ReplaceCell(b, r, c => c.Length is > 2 and < 12 && c.Any(char.IsAsciiLetter) && c.Any(char.IsAsciiDigit), [new string('P', 257)])),
        ("lines doubled and swapped", (b, r) =>
        {
            var lines = Encoding.UTF8.GetString(b).Split('\n').ToList();
            if (lines.Count < 3) return b;
            var at = 1 + r.Next(lines.Count - 1);
            lines.Insert(1 + r.Next(lines.Count - 1), lines[at]);
            (lines[1], lines[^2]) = (lines[^2], lines[1]);
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }),
        ("random bytes", (_, r) => { var c = new byte[1 + r.Next(4096)]; r.NextBytes(c); return c; }),
    ];

    private static byte[] Insert(byte[] bytes, int at, byte[] insert) => [.. bytes[..at], .. insert, .. bytes[at..]];

    private static int LineStart(byte[] bytes, Random random)
    {
        var starts = Enumerable.Range(0, bytes.Length).Where(i => i == 0 || bytes[i - 1] == '\n').ToList();
        return starts[random.Next(starts.Count)];
    }

    private static int LineEnd(byte[] bytes, Random random, int? line = null)
    {
        var ends = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] is (byte)'\n' or (byte)'\r').ToList();
        if (ends.Count == 0) return bytes.Length;
        return ends[line ?? random.Next(ends.Count)];
    }

    private static int CellStart(byte[] bytes, Random random, bool skipHeader)
    {
        var firstData = skipHeader ? Array.IndexOf(bytes, (byte)'\n') + 1 : 0;
        var starts = Enumerable.Range(firstData, bytes.Length - firstData).Where(i => bytes[i - 1] is (byte)';' or (byte)',').ToList();
        return starts.Count == 0 ? bytes.Length : starts[random.Next(starts.Count)];
    }

    /// <summary>Replaces one data cell that <paramref name="fits"/> with one of <paramref name="values"/>.</summary>
    private static byte[] ReplaceCell(byte[] bytes, Random random, Func<string, bool> fits, string[] values)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var delimiter = lines[0].Contains(';') ? ';' : ',';
        var candidates = new List<(int Line, int Cell)>();
        for (var l = 1; l < lines.Length; l++)
        {
            var cells = lines[l].Split(delimiter);
            for (var c = 0; c < cells.Length; c++)
                if (fits(cells[c].Trim())) candidates.Add((l, c));
        }
        if (candidates.Count == 0) return bytes;
        var (line, cell) = candidates[random.Next(candidates.Count)];
        var parts = lines[line].Split(delimiter);
        parts[cell] = values[random.Next(values.Length)];
        lines[line] = string.Join(delimiter, parts);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static bool IsDate(string cell) => cell.Length == 10 && (cell[4] == '-' || cell[2] == '-');

    private static bool IsNumber(string cell) => cell.Length > 0 && cell.All(c => char.IsAsciiDigit(c) || c is ',' or '.') && !IsDate(cell);
}
