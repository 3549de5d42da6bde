using System.Collections.Concurrent;

namespace Monitor.Core.Domain;

/// <summary>
/// Product codes as small numbers, one per distinct code in the process, so that a <see cref="Segment"/>
/// holds no reference: a region's store repeats a handful of codes over millions of rows. 0 is no code.
/// The numbers are only for this process: files and the store keep the codes themselves.
/// </summary>
public static class ProductCodes
{
    private static readonly ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static string?[] _codes = new string?[64];
    private static int _count = 1;

    /// <summary>The number of <paramref name="code"/> (0 for none), given out on first sight.</summary>
    public static int Intern(string? code)
    {
        if (code is null) return 0;
        if (Numbers.TryGetValue(code, out var number)) return number;
        lock (Gate)
        {
            if (Numbers.TryGetValue(code, out number)) return number;
            number = _count;
            var codes = _codes;
            if (number == codes.Length)
            {
                var grown = new string?[codes.Length * 2];
                codes.CopyTo(grown, 0);
                codes = grown;
            }
            codes[number] = code;
            Volatile.Write(ref _codes, codes); // the code is in place before anyone can hold its number
            _count = number + 1;
            Numbers[code] = number;
            return number;
        }
    }

    /// <summary>The code of a number <see cref="Intern"/> gave out; null for 0.</summary>
    public static string? Of(int number) => number == 0 ? null : Volatile.Read(ref _codes)[number];

    /// <summary>Orders two codes by number as <see cref="string.CompareOrdinal(string, string)"/> orders the
    /// codes (missing = empty).</summary>
    public static int CompareOrdinal(int a, int b) => a == b ? 0 : string.CompareOrdinal(Of(a) ?? "", Of(b) ?? "");
}
