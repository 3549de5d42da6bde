namespace Monitor.Core.Checks;

/// <summary>
/// Numbers as the extracts write them (PROTOCOL.md 2): in a <c>;</c>-file a number with a <c>,</c> is
/// Dutch (<c>1.234,56</c>: <c>.</c> groups thousands, <c>,</c> is the decimal mark) and one without uses
/// <c>.</c> as decimal point; in a <c>,</c>-file <c>.</c> is the decimal point. Hand-written rather than
/// <c>decimal.Parse</c> so that <c>--5</c>, <c>1,2,3</c> or <c>1.23,4</c> are refused instead of guessed at.
/// </summary>
public static class NumberValue
{
    public static bool TryParse(ReadOnlySpan<char> text, bool semicolonFile, out decimal value)
    {
        value = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text.IsEmpty) return false;

        ReadOnlySpan<char> integerPart, fraction;
        var comma = text.IndexOf(',');
        if (semicolonFile && comma >= 0)
        {
            integerPart = text[..comma];
            fraction = text[(comma + 1)..];
            if (integerPart.Contains('.') && !IsThousandsGrouped(integerPart)) return false;
        }
        else
        {
            var dot = text.IndexOf('.');
            integerPart = dot >= 0 ? text[..dot] : text;
            fraction = dot >= 0 ? text[(dot + 1)..] : [];
            if (dot >= 0 && fraction.IsEmpty) return false;
        }
        if (integerPart.IsEmpty && fraction.IsEmpty) return false;
        if (semicolonFile && comma >= 0 && fraction.IsEmpty) return false;

        decimal result = 0;
        foreach (var c in integerPart)
        {
            if (c == '.') continue; // a validated thousands separator
            if (c is < '0' or > '9') return false;
            if (result > 1_000_000_000_000m) return false; // no amount is this large; keeps decimal from overflowing
            result = result * 10 + (c - '0');
        }
        decimal scale = 1;
        foreach (var c in fraction)
        {
            if (c is < '0' or > '9') return false;
            if (scale < 1e-20m) return false;
            scale /= 10;
            result += (c - '0') * scale;
        }
        value = negative ? -result : result;
        return true;
    }

    private static bool IsThousandsGrouped(ReadOnlySpan<char> integerPart)
    {
        // 1.234 and 12.345.678 are grouped; 1.23 and .123 are not.
        var groups = integerPart.ToString().Split('.');
        if (groups[0].Length is < 1 or > 3) return false;
        for (var i = 1; i < groups.Length; i++)
            if (groups[i].Length != 3) return false;
        return true;
    }
}
