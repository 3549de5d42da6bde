using System.Globalization;
using Monitor.Core.Outcomes;
using Monitor.Core.Privacy;

namespace Monitor.Core.Checks;

/// <summary>
/// Row checks for the <c>rom</c> format (docs/outcomes.md): the identity as in a rijm file, an instrument
/// the instruments file knows, an informant, a date that parses and is not in the future, and a score
/// that parses and lies in the instrument's range.
/// </summary>
public sealed class RomRowChecker
{
    private readonly bool _semicolonFile;
    private readonly DateOnly _today;
    private readonly Dictionary<string, InstrumentRow> _instruments;
    private readonly IdentityCheck _identity;
    private readonly int _bsn, _clientId, _instrument, _informant, _date, _score;

    /// <param name="today">The day of the import: a score dated later is refused.</param>
    public RomRowChecker(IReadOnlyList<string> header, bool semicolonFile, IEnumerable<InstrumentRow> instruments, Pseudonymizer pseudonymizer, DateOnly today)
    {
        _semicolonFile = semicolonFile;
        _today = today;
        _instruments = instruments.ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
        int Index(string column) => SegmentRowChecker.IndexOf(header, column);
        (_bsn, _clientId, _instrument, _informant, _date, _score) =
            (Index("bsn"), Index("client_id"), Index("instrument"), Index("informant"), Index("datum"), Index("score"));
        _identity = new IdentityCheck(pseudonymizer, fileHasClientId: _clientId >= 0);
    }

    public CheckedScore? Check(IReadOnlyList<string?> cells, int line, List<RowError> errors)
    {
        var before = errors.Count;
        string? Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : null;

        var youthKey = _identity.YouthKey(Cell(_bsn), Cell(_clientId), errors);
        InstrumentRow? instrument = null;
        if (Cell(_instrument) is not { } name) errors.Add(new("instrument", Reasons.Missing));
        else if (!_instruments.TryGetValue(name, out instrument)) errors.Add(new("instrument", Reasons.InstrumentUnknown));

        var informant = default(Informant);
        if (Cell(_informant) is not { } who) errors.Add(new("informant", Reasons.Missing));
        else if (!Informants.TryParse(who, out informant)) errors.Add(new("informant", Reasons.InformantUnknown));

        var date = SegmentRowChecker.RequiredDate(Cell(_date), "datum", errors);
        if (date > _today) errors.Add(new("datum", Reasons.DateInFuture));

        double? score = null;
        if (Cell(_score) is not { } text) errors.Add(new("score", Reasons.Missing));
        else if (!NumberValue.TryParse(text, _semicolonFile, out var value)) errors.Add(new("score", Reasons.NumberUnparsable));
        else if (instrument is not null && (value < (decimal?)instrument.Minimum || value > (decimal?)instrument.Maximum)) errors.Add(new("score", Reasons.ScoreOutOfRange));
        else score = (double)value;

        if (errors.Count > before) return null;
        return new CheckedScore(line, youthKey!, instrument!.Name, informant, date!.Value, score!.Value);
    }
}
