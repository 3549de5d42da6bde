namespace Monitor.Core.Domain;

/// <summary>Formatting of the numeric codes the store keeps as numbers.</summary>
public static class Codes
{
    public static string Municipality(int code) => code.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    public static string Provider(int code) => code.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}
