using System.Globalization;
using Monitor.Core.Domain;

namespace Monitor.Core.Checks;

/// <summary>
/// Row checks for the reference formats (PROTOCOL.md 2.3). The protocol names only their columns, so
/// the checks are the same kind as for extracts: required values present, codes of the right form,
/// numbers that parse and are not negative, care types that exist. The product's docs list them.
/// </summary>
public sealed class ReferenceRowChecker
{
    private readonly ExtractFormat _format;
    private readonly bool _semicolonFile;
    private readonly CareTypeMapping _careTypes;
    private readonly int[] _columns;
    private readonly IReadOnlyList<string> _names;

    public ReferenceRowChecker(ExtractFormat format, IReadOnlyList<string> header, bool semicolonFile, CareTypeMapping careTypes)
    {
        if (!format.IsReference()) throw new ArgumentException($"{format.Name()} is not a reference format", nameof(format));
        _format = format;
        _semicolonFile = semicolonFile;
        _careTypes = careTypes;
        _names = format.RequiredColumns();
        _columns = _names.Select(name => header.ToList().IndexOf(name)).ToArray();
    }

    /// <returns>A <see cref="ProviderRow"/>, <see cref="RegionRow"/>, <see cref="TariffRow"/> or
    /// <see cref="CareTypeCodeRow"/>; null with the reasons in <paramref name="errors"/>.</returns>
    public object? Check(IReadOnlyList<string?> cells, List<RowError> errors)
    {
        var before = errors.Count;
        string? Cell(int i) => _columns[i] >= 0 && _columns[i] < cells.Count ? cells[_columns[i]] : null;
        string? Required(int i)
        {
            var value = Cell(i);
            if (value is null) errors.Add(new(_names[i], Reasons.Missing));
            return value;
        }

        object? row = null;
        switch (_format)
        {
            case ExtractFormat.Providers:
            {
                var code = Required(0);
                if (code is null) break;
                if (Identifiers.TryParseProvider(code, out var provider)) row = new ProviderRow(provider, Cell(1), Sectors.Parse(Cell(2)));
                else errors.Add(new("agb_code", Reasons.ProviderForm));
                break;
            }
            case ExtractFormat.Regions:
            {
                var code = Required(0);
                var name = Required(1);
                var region = Required(2);
                var municipality = 0;
                if (code is not null && !Identifiers.TryParseMunicipality(code, out municipality)) errors.Add(new("gemeentecode", Reasons.MunicipalityForm));
                if (errors.Count == before) row = new RegionRow(municipality, name!, region!);
                break;
            }
            case ExtractFormat.Tariffs:
            {
                var careText = Required(0);
                var yearText = Required(1);
                var tariffText = Required(2);
                var careType = default(CareType);
                var year = 0;
                var tariff = 0m;
                if (careText is not null && !_careTypes.TryMap(careText, out careType)) errors.Add(new("zorgsoort", Reasons.CareTypeUnknown));
                if (yearText is not null && !(yearText.Length == 4 && int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1))
                    errors.Add(new("jaar", Reasons.YearForm));
                if (tariffText is not null)
                {
                    if (!NumberValue.TryParse(tariffText, _semicolonFile, out tariff)) errors.Add(new("tarief_per_dag", Reasons.NumberUnparsable));
                    else if (tariff < 0) errors.Add(new("tarief_per_dag", Reasons.NegativeAmount));
                }
                if (errors.Count == before) row = new TariffRow(careType, year, tariff);
                break;
            }
            case ExtractFormat.Caretypes:
            {
                var code = Required(0);
                var word = Required(1);
                if (word is not null && !CareTypes.TryParseWord(word, out _)) errors.Add(new("zorgsoort", Reasons.NotACareTypeWord));
                if (errors.Count == before)
                {
                    CareTypes.TryParseWord(word, out var careType);
                    row = new CareTypeCodeRow(code!, careType);
                }
                break;
            }
        }
        return errors.Count > before ? null : row;
    }
}
