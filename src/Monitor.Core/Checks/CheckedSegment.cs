using Monitor.Core.Domain;

namespace Monitor.Core.Checks;

/// <summary>A <c>rijm</c> or <c>cbs</c> row that passed every check of PROTOCOL.md 3.1, already
/// pseudonymised: the raw BSN or client id is gone.</summary>
public sealed record CheckedSegment(
    int Line,
    string YouthKey,
    DateOnly BirthDate,
    char? Sex,
    int Municipality,
    int Provider,
    string? ProviderName,
    string? ProductCode,
    string CareCode,
    CareType CareType,
    DateOnly Start,
    DateOnly? End,
    decimal? Amount,
    bool? StartedAsCrisis,
    string? EndReason,
    string? Referrer)
{
    /// <summary>Two rows are duplicates when these are equal (PROTOCOL.md 3.1): same youth, provider,
    /// canonical care type, product code (missing equals empty), start and end.</summary>
    public bool SameSegmentAs(string youthKey, int provider, CareType careType, string? productCode, DateOnly start, DateOnly? end) =>
        YouthKey == youthKey && Provider == provider && CareType == careType
        && (ProductCode ?? "") == (productCode ?? "") && Start == start && End == end;
}
