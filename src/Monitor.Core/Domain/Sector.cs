namespace Monitor.Core.Domain;

/// <summary>Provider sectors of the <c>providers</c> file (PROTOCOL.md 2.3).</summary>
public enum Sector
{
    GGZ,
    JO,
    LVB,
    Overig,
}

public static class Sectors
{
    /// <summary>The word used in files and JSON: <c>GGZ</c>, <c>JO</c>, <c>LVB</c>, <c>overig</c>.</summary>
    public static string Word(this Sector sector) => sector == Sector.Overig ? "overig" : sector.ToString();

    /// <summary>A sector other than the four becomes <c>overig</c> (PROTOCOL.md 3.2).</summary>
    public static Sector Parse(string? text) => text?.ToUpperInvariant() switch
    {
        "GGZ" => Sector.GGZ,
        "JO" => Sector.JO,
        "LVB" => Sector.LVB,
        _ => Sector.Overig,
    };
}
