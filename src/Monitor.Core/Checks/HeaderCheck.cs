namespace Monitor.Core.Checks;

/// <summary>
/// Says what is wrong with a header line without quoting it. A file without a header has a data row as
/// its first line — a citizen number, a birth date, an amount — so a reason that quoted the header would
/// put those values on the console, in the import log and in the pipeline's failed folder (issue 16).
/// Only names the product itself knows are ever repeated; anything else is described by its shape.
/// </summary>
public static class HeaderCheck
{
    /// <summary>Every column name of every format (PROTOCOL.md 2 and docs/outcomes.md): safe to repeat.</summary>
    public static IReadOnlySet<string> KnownColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "bsn", "client_id", "geboortedatum", "geslacht", "gemeentecode", "agb_code", "aanbieder", "productcode", "zorgsoort",
        "begindatum", "einddatum", "bedrag", "postcode", "verwijzer", "hulpvorm", "gestart_met_crisis", "datum_aanvang",
        "datum_einde", "reden_beeindiging", "naam", "sector", "gemeente", "regio", "jaar", "tarief_per_dag", "code",
        "jeugdigen_0_17", "categorie", "instrument", "richting", "sd", "betrouwbaarheid", "grenswaarde", "minimum", "maximum",
        "informant", "datum", "score",
    };

    private const int CellsDescribed = 4;

    /// <summary>
    /// Why the first line looks like a data row rather than column names, or null when it does not: no
    /// column name is all digits, a date or a number.
    /// </summary>
    public static string? LooksLikeData(IReadOnlyList<string> header)
    {
        var shapes = new List<string>();
        for (var i = 0; i < header.Count && shapes.Count < CellsDescribed; i++)
            if (DataShape(header[i]) is { } shape) shapes.Add($"cell {i + 1} {shape}");
        if (shapes.Count == 0) return null;
        return $"the first line looks like data, not a header ({string.Join(", ", shapes)}): the first line must name the columns";
    }

    /// <summary>Why no format could be told from a header: its size and the known names it has, never the others.</summary>
    public static string Unrecognised(IReadOnlyList<string> header)
    {
        var known = header.Where(KnownColumns.Contains).Distinct().ToList();
        var names = known.Count == 0 ? "none of them a column name of any format" : "known names among them: " + string.Join(", ", known);
        return $"cannot tell the format from the header ({header.Count} column{(header.Count == 1 ? "" : "s")}, {names})";
    }

    private static string? DataShape(string cell)
    {
        if (cell.Length == 0) return null;
        if (cell.All(char.IsAsciiDigit)) return cell.Length == 9 ? "has nine digits" : "is a number";
        if (DateValue.TryParse(cell, out _, out _) || cell.Length == 10 && (cell[4] == '-' || cell[2] == '-') && cell.Count(char.IsAsciiDigit) == 8)
            return "is a date";
        if (NumberValue.TryParse(cell, semicolonFile: true, out _) || NumberValue.TryParse(cell, semicolonFile: false, out _)) return "is a number";
        return null;
    }
}
