namespace Monitor.Core.Checks;

/// <summary>The file formats of PROTOCOL.md 2.</summary>
public enum ExtractFormat
{
    Rijm,
    Cbs,
    Providers,
    Regions,
    Tariffs,
    Caretypes,
    /// <summary>Youths aged 0–17 per municipality and year (docs/outcomes.md).</summary>
    Population,
    /// <summary>End-reason codes and their category (docs/outcomes.md).</summary>
    Endreasons,
    /// <summary>Questionnaire instruments (docs/outcomes.md).</summary>
    Instruments,
    /// <summary>Questionnaire scores per youth (docs/outcomes.md).</summary>
    Rom,
}

public static class ExtractFormats
{
    public static string Name(this ExtractFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Reads a format name exactly (case-insensitive): not a number, not a comma list of flags.</summary>
    public static bool TryParse(string text, out ExtractFormat format)
    {
        foreach (var candidate in Enum.GetValues<ExtractFormat>())
        {
            if (string.Equals(text, candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }

    public static bool IsReference(this ExtractFormat format) => format is not (ExtractFormat.Rijm or ExtractFormat.Cbs or ExtractFormat.Rom);

    /// <summary>Formats whose rows are segments of care.</summary>
    public static bool IsSegments(this ExtractFormat format) => format is ExtractFormat.Rijm or ExtractFormat.Cbs;

    /// <summary>The columns a file of the format must have. For <c>rijm</c>, <c>bsn</c> or <c>client_id</c>
    /// is required too: see <see cref="MissingColumns"/>.</summary>
    public static IReadOnlyList<string> RequiredColumns(this ExtractFormat format) => format switch
    {
        ExtractFormat.Rijm => ["geboortedatum", "gemeentecode", "agb_code", "zorgsoort", "begindatum"],
        ExtractFormat.Cbs => ["bsn", "geboortedatum", "gemeentecode", "agb_code", "hulpvorm", "datum_aanvang"],
        ExtractFormat.Providers => ["agb_code", "naam", "sector"],
        ExtractFormat.Regions => ["gemeentecode", "gemeente", "regio"],
        ExtractFormat.Tariffs => ["zorgsoort", "jaar", "tarief_per_dag"],
        ExtractFormat.Caretypes => ["code", "zorgsoort"],
        ExtractFormat.Population => ["gemeentecode", "jaar", "jeugdigen_0_17"],
        ExtractFormat.Endreasons => ["code", "categorie"],
        ExtractFormat.Instruments => ["instrument", "richting", "sd", "betrouwbaarheid", "grenswaarde"],
        ExtractFormat.Rom => ["instrument", "informant", "datum", "score"],
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The required columns the header lacks (names as in the protocol).</summary>
    public static IReadOnlyList<string> MissingColumns(this ExtractFormat format, IReadOnlyCollection<string> header)
    {
        var missing = format.RequiredColumns().Where(c => !header.Contains(c)).ToList();
        if (format is ExtractFormat.Rijm or ExtractFormat.Rom && !header.Contains("bsn") && !header.Contains("client_id"))
            missing.Insert(0, "bsn or client_id");
        return missing;
    }

    /// <summary>
    /// Tells the format from a header by the columns only that format has (PROTOCOL.md 3.2). Null when
    /// no format's distinguishing columns are all there.
    /// </summary>
    public static ExtractFormat? Detect(IReadOnlyCollection<string> header)
    {
        bool Has(params string[] columns) => columns.All(header.Contains);
        if (Has("hulpvorm") || Has("datum_aanvang")) return ExtractFormat.Cbs;
        if (Has("instrument", "informant")) return ExtractFormat.Rom;
        if (Has("begindatum") || Has("agb_code", "zorgsoort")) return ExtractFormat.Rijm;
        if (Has("tarief_per_dag")) return ExtractFormat.Tariffs;
        if (Has("jeugdigen_0_17")) return ExtractFormat.Population;
        if (Has("categorie")) return ExtractFormat.Endreasons;
        if (Has("richting") || Has("betrouwbaarheid") || Has("grenswaarde")) return ExtractFormat.Instruments;
        if (Has("code", "zorgsoort")) return ExtractFormat.Caretypes;
        if (Has("sector") || Has("agb_code", "naam")) return ExtractFormat.Providers;
        if (Has("regio") || Has("gemeente")) return ExtractFormat.Regions;
        return null;
    }
}
