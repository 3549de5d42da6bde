using System.Globalization;
using System.Text;

namespace Monitor.Core.Formatting;

/// <summary>
/// Numbers as people read them in a report, in Dutch ("1.234,5") or English ("1,234.5").
/// </summary>
/// <remarks>
/// Hand-written because the product runs with InvariantGlobalization, so no "nl-NL" culture exists.
/// This is display text, not data: negatives use the real minus sign U+2212 ("−12"), which lines up
/// with the digits in tables and charts but does not parse back as a number; exports for machines
/// use the invariant culture instead. Rounding is half away from zero (2,5 → 3; −2,5 → −3), as
/// people round by hand, and a value that rounds to zero never shows as "−0".
/// Doubles are rounded through <see cref="decimal"/>, which keeps the 15 significant digits a
/// double reliably holds, so 2.675 rounds to 2,68 as typed rather than to 2,67 as stored.
/// </remarks>
public static class NumberText
{
    /// <summary>U+2212 MINUS SIGN, used for every negative number this class writes.</summary>
    public const string Minus = "\u2212";

    /// <summary>Separates the euro sign from the amount in Dutch; non-breaking, so "€" never wraps away from its amount.</summary>
    public const string EuroSpace = "\u00A0";

    /// <summary>Formats a number with a fixed count of decimals and thousands grouping.</summary>
    public static string Number(double value, int decimals, Language language) => Signed(ToDecimal(value), decimals, language);

    /// <summary>Formats a whole number with thousands grouping: Dutch "1.234.567", English "1,234,567".</summary>
    public static string Integer(long value, Language language) => Signed(value, 0, language);

    /// <summary>Formats an amount in euros: Dutch "€ 1.234,50" and "€ −5", English "€1,234.50" and "−€5".</summary>
    public static string Euro(decimal value, int decimals, Language language)
    {
        var (negative, digits) = Digits(value, decimals, language);
        var sign = negative ? Minus : "";
        // Dutch puts the sign after "€ " (€ −5); English puts it in front (−€5).
        return language == Language.Dutch ? "€" + EuroSpace + sign + digits : sign + "€" + digits;
    }

    /// <summary>Formats an amount in euros; see <see cref="Euro(decimal, int, Language)"/>.</summary>
    public static string Euro(double value, int decimals, Language language) =>
        Euro(ToDecimal(value), decimals, language);

    /// <summary>Formats whole euros. It exists so that <c>Euro(110000, 0, …)</c> is not ambiguous between decimal and double.</summary>
    public static string Euro(long value, int decimals, Language language) =>
        Euro((decimal)value, decimals, language);

    /// <summary>Formats a fraction as a percentage: 0.125 → Dutch "12,5%", English "12.5%".</summary>
    public static string Percent(double fraction, int decimals, Language language)
    {
        // Multiply in decimal: 0.145 * 100 is 14.499999999999998 as a double and would round to 14.
        return Signed(ToDecimal(fraction) * 100m, decimals, language) + "%";
    }

    private static string Signed(decimal value, int decimals, Language language)
    {
        var (negative, digits) = Digits(value, decimals, language);
        return negative ? Minus + digits : digits;
    }

    private static (bool Negative, string Digits) Digits(decimal value, int decimals, Language language)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var plain = Math.Abs(rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var point = plain.IndexOf('.');
        var whole = point < 0 ? plain : plain[..point];
        var (group, mark) = language == Language.Dutch ? ('.', ',') : (',', '.');

        var text = new StringBuilder(plain.Length + whole.Length / 3);
        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                text.Append(group);
            }
            text.Append(whole[i]);
        }
        if (point >= 0)
        {
            text.Append(mark).Append(plain, point + 1, plain.Length - point - 1);
        }
        return (rounded < 0m, text.ToString());
    }

    private static decimal ToDecimal(double value)
    {
        // Report figures are counts, days and euros; anything beyond ±1e15 or NaN is a bug upstream.
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e15)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers below 1e15 can be written as text.");
        }
        return (decimal)value;
    }
}
