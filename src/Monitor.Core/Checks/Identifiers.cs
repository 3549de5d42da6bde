namespace Monitor.Core.Checks;

/// <summary>The forms of the identifiers in the extracts (PROTOCOL.md 2 and 3.1).</summary>
public static class Identifiers
{
    /// <summary>The reason a BSN is refused, or null when it is valid: 9 digits (leading zeros kept),
    /// not all zeros, passing the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11).</summary>
    public static string? CheckBsn(ReadOnlySpan<char> bsn)
    {
        if (bsn.Length != 9) return Reasons.BsnNotNineDigits;
        var sum = 0;
        var allZero = true;
        for (var i = 0; i < 9; i++)
        {
            var c = bsn[i];
            if (c is < '0' or > '9') return Reasons.BsnNotNineDigits;
            var digit = c - '0';
            allZero &= digit == 0;
            sum += i < 8 ? digit * (9 - i) : -digit;
        }
        if (allZero) return Reasons.BsnZero;
        return sum % 11 == 0 ? null : Reasons.BsnElfproef;
    }

    /// <summary>A 4-digit CBS municipality code, optionally written with the prefix <c>GM</c> (<c>GM0193</c> = <c>0193</c>).</summary>
    public static bool TryParseMunicipality(ReadOnlySpan<char> text, out int code)
    {
        if (text.Length == 6 && (text[0] is 'G' or 'g') && (text[1] is 'M' or 'm')) text = text[2..];
        return TryParseDigits(text, 4, out code);
    }

    /// <summary>An 8-digit AGB provider code.</summary>
    public static bool TryParseProvider(ReadOnlySpan<char> text, out int code) => TryParseDigits(text, 8, out code);

    private static bool TryParseDigits(ReadOnlySpan<char> text, int length, out int value)
    {
        value = 0;
        if (text.Length != length) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
