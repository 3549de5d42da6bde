using Monitor.Core.Domain;
using Monitor.Core.Privacy;

namespace Monitor.Core.Checks;

/// <summary>
/// The row checks of PROTOCOL.md 3.1 for the segment formats (<c>rijm</c>, <c>cbs</c>). Built once per
/// file from its header; <see cref="Check"/> then runs per row. Every failing check of a row is
/// reported, so an analyst fixes a row in one go; the row counts once as rejected.
/// </summary>
public sealed class SegmentRowChecker
{
    private const int MaxAgeAtStart = 27;
    private const int MaxProductCodeLength = 64;
    /// <summary>How far after the day of the import a segment may start (PROTOCOL.md 3.1): planned care is
    /// fine, a start in 9999 would stretch every as-of date taken from the data.</summary>
    private const int MaxDaysAfterImport = 366;

    private readonly bool _semicolonFile;
    private readonly DateOnly _latestStart;
    private readonly CareTypeMapping _careTypes;
    private readonly IdentityCheck _identity;
    private readonly string _careTypeColumn, _startColumn, _endColumn;
    private readonly int _bsn, _clientId, _birthDate, _sex, _municipality, _provider, _providerName, _productCode,
        _careType, _start, _end, _amount, _crisis, _endReason, _referrer;

    /// <param name="importDay">The day of the import: a segment may start at most 366 days after it.</param>
    public SegmentRowChecker(ExtractFormat format, IReadOnlyList<string> header, bool semicolonFile,
        CareTypeMapping careTypes, Pseudonymizer pseudonymizer, DateOnly importDay)
    {
        _latestStart = importDay.AddDays(MaxDaysAfterImport);
        if (format is not (ExtractFormat.Rijm or ExtractFormat.Cbs))
            throw new ArgumentException($"{format.Name()} is not a segment format", nameof(format));
        _semicolonFile = semicolonFile;
        _careTypes = careTypes;
        var cbs = format == ExtractFormat.Cbs;
        _careTypeColumn = cbs ? "hulpvorm" : "zorgsoort";
        _startColumn = cbs ? "datum_aanvang" : "begindatum";
        _endColumn = cbs ? "datum_einde" : "einddatum";

        int Index(string column) => IndexOf(header, column);
        _bsn = Index("bsn");
        _clientId = cbs ? -1 : Index("client_id");
        _birthDate = Index("geboortedatum");
        _sex = Index("geslacht");
        _municipality = Index("gemeentecode");
        _provider = Index("agb_code");
        _providerName = cbs ? -1 : Index("aanbieder");
        _productCode = cbs ? -1 : Index("productcode");
        _careType = Index(_careTypeColumn);
        _start = Index(_startColumn);
        _end = Index(_endColumn);
        _amount = cbs ? -1 : Index("bedrag");
        _crisis = cbs ? Index("gestart_met_crisis") : -1;
        _endReason = cbs ? Index("reden_beeindiging") : -1;
        _referrer = cbs ? Index("verwijzer") : -1;
        _identity = new IdentityCheck(pseudonymizer, fileHasClientId: _clientId >= 0);
    }

    /// <summary>Checks one row. <paramref name="cells"/> are trimmed, with null for an empty or missing cell.</summary>
    /// <returns>The checked segment, or null with the reasons added to <paramref name="errors"/>.</returns>
    public CheckedSegment? Check(IReadOnlyList<string?> cells, int line, List<RowError> errors)
    {
        var before = errors.Count;
        string? Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : null;

        var youthKey = _identity.YouthKey(Cell(_bsn), Cell(_clientId), errors);
        var birthDate = RequiredDate(Cell(_birthDate), "geboortedatum", errors);

        int municipality = 0, provider = 0;
        var municipalityText = Cell(_municipality);
        if (municipalityText is null) errors.Add(new("gemeentecode", Reasons.Missing));
        else if (!Identifiers.TryParseMunicipality(municipalityText, out municipality)) errors.Add(new("gemeentecode", Reasons.MunicipalityForm));

        var providerText = Cell(_provider);
        if (providerText is null) errors.Add(new("agb_code", Reasons.Missing));
        else if (!Identifiers.TryParseProvider(providerText, out provider)) errors.Add(new("agb_code", Reasons.ProviderForm));

        var careCode = Cell(_careType);
        var careType = default(CareType);
        if (careCode is null) errors.Add(new(_careTypeColumn, Reasons.Missing));
        else if (!_careTypes.TryMap(careCode, out careType)) errors.Add(new(_careTypeColumn, Reasons.CareTypeUnknown));

        var productCode = Cell(_productCode);
        if (productCode is { Length: > MaxProductCodeLength }) errors.Add(new("productcode", Reasons.ProductCodeTooLong));

        var start = RequiredDate(Cell(_start), _startColumn, errors);
        if (start > _latestStart)
        {
            errors.Add(new(_startColumn, Reasons.StartTooLate));
            start = null; // no further checks against a start that is out of range
        }
        DateOnly? end = null;
        if (Cell(_end) is { } endText)
        {
            if (DateValue.TryParse(endText, out var parsed, out var reason)) end = parsed;
            else errors.Add(new(_endColumn, reason!));
        }

        decimal? amount = null;
        if (Cell(_amount) is { } amountText)
        {
            if (!NumberValue.TryParse(amountText, _semicolonFile, out var parsed)) errors.Add(new("bedrag", Reasons.NumberUnparsable));
            else if (parsed < 0) errors.Add(new("bedrag", Reasons.NegativeAmount));
            else if (decimal.Round(parsed, 4) != parsed) errors.Add(new("bedrag", Reasons.TooManyDecimals)); // 1,50000 is fine
            else amount = parsed;
        }

        // The checks between columns only make sense when both columns parsed.
        if (start is { } s)
        {
            if (end is { } e && e < s) errors.Add(new(_endColumn, Reasons.EndBeforeStart));
            if (birthDate is { } b)
            {
                if (b > s) errors.Add(new("geboortedatum", Reasons.BirthAfterStart));
                else if (Age.InYears(b, s) > MaxAgeAtStart) errors.Add(new("geboortedatum", Reasons.OlderThan27));
            }
        }

        if (errors.Count > before) return null;
        return new CheckedSegment(line, youthKey!, birthDate!.Value, ParseSex(Cell(_sex)), municipality, provider,
            Cell(_providerName), productCode, careCode!, careType, start!.Value, end, amount,
            ParseYesNo(Cell(_crisis)), Cell(_endReason), Cell(_referrer));
    }

    internal static DateOnly? RequiredDate(string? text, string column, List<RowError> errors)
    {
        if (text is null)
        {
            errors.Add(new(column, Reasons.Missing));
            return null;
        }
        if (DateValue.TryParse(text, out var date, out var reason)) return date;
        errors.Add(new(column, reason!));
        return null;
    }

    /// <summary>Optional values that do not parse are ignored (PROTOCOL.md 3.1).</summary>
    private static char? ParseSex(string? text) => text?.ToLowerInvariant() switch
    {
        "m" or "man" => 'M',
        "v" or "vrouw" => 'V',
        "x" or "onbekend" => 'X',
        _ => null,
    };

    private static bool? ParseYesNo(string? text) => text?.ToUpperInvariant() switch
    {
        "J" => true,
        "N" => false,
        _ => null,
    };

    internal static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
            if (header[i] == column) return i;
        return -1;
    }
}
