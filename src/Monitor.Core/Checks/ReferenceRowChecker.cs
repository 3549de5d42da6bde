using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Outcomes;

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
    private readonly int _minimum, _maximum;

    public ReferenceRowChecker(ExtractFormat format, IReadOnlyList<string> header, bool semicolonFile, CareTypeMapping careTypes)
    {
        if (!format.IsReference()) throw new ArgumentException($"{format.Name()} is not a reference format", nameof(format));
        _format = format;
        _semicolonFile = semicolonFile;
        _careTypes = careTypes;
        _names = format.RequiredColumns();
        _columns = _names.Select(name => header.ToList().IndexOf(name)).ToArray();
        // Optional columns of the instruments file: the range a score must lie in.
        (_minimum, _maximum) = (header.ToList().IndexOf("minimum"), header.ToList().IndexOf("maximum"));
    }

    /// <returns>A <see cref="ProviderRow"/>, <see cref="RegionRow"/>, <see cref="TariffRow"/>,
    /// <see cref="CareTypeCodeRow"/>, <see cref="PopulationRow"/>, <see cref="EndReasonRow"/> or
    /// <see cref="InstrumentRow"/>; null with the reasons in <paramref name="errors"/>.</returns>
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
            case ExtractFormat.Population:
            {
                var code = Required(0);
                var yearText = Required(1);
                var countText = Required(2);
                int municipality = 0, year = 0, youths = 0;
                if (code is not null && !Identifiers.TryParseMunicipality(code, out municipality)) errors.Add(new("gemeentecode", Reasons.MunicipalityForm));
                if (yearText is not null && !(yearText.Length == 4 && int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1))
                    errors.Add(new("jaar", Reasons.YearForm));
                // Digits only: "27.258" would be a decimal number by PROTOCOL.md 2, not a count.
                if (countText is not null && !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out youths))
                    errors.Add(new("jeugdigen_0_17", Reasons.CountForm));
                if (errors.Count == before) row = new PopulationRow(municipality, year, youths);
                break;
            }
            case ExtractFormat.Endreasons:
            {
                var code = Required(0);
                var text = Required(1);
                var category = default(EndCategory);
                if (text is not null && !EndCategories.TryParse(text, out category)) errors.Add(new("categorie", Reasons.CategoryUnknown));
                if (errors.Count == before) row = new EndReasonRow(code!, category);
                break;
            }
            case ExtractFormat.Instruments:
            {
                var name = Required(0);
                var direction = Required(1);
                var lowerIsBetter = false;
                if (direction is not null)
                {
                    if (direction.Equals("lager_is_beter", StringComparison.OrdinalIgnoreCase)) lowerIsBetter = true;
                    else if (!direction.Equals("hoger_is_beter", StringComparison.OrdinalIgnoreCase)) errors.Add(new("richting", Reasons.DirectionUnknown));
                }
                var sd = Number(2, "sd", required: true);
                var reliability = Number(3, "betrouwbaarheid", required: true);
                var cutoff = Number(4, "grenswaarde", required: true);
                var minimum = Number(_minimum, "minimum", required: false);
                var maximum = Number(_maximum, "maximum", required: false);
                if (sd is <= 0) errors.Add(new("sd", Reasons.NotPositive));
                if (reliability is < 0 or >= 1) errors.Add(new("betrouwbaarheid", Reasons.ReliabilityRange));
                if (minimum > maximum) errors.Add(new("minimum", Reasons.RangeReversed));
                if (errors.Count == before) row = new InstrumentRow(name!, lowerIsBetter, sd!.Value, reliability!.Value, cutoff!.Value, minimum, maximum);
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

        double? Number(int column, string name, bool required)
        {
            var text = required ? Required(column) : column >= 0 && column < cells.Count ? cells[column] : null;
            if (text is null) return null;
            if (NumberValue.TryParse(text, _semicolonFile, out var value)) return (double)value;
            errors.Add(new(name, Reasons.NumberUnparsable));
            return null;
        }
    }
}
