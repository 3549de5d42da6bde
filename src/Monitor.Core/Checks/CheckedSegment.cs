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
    /// <summary>What, besides the youth, makes this row the same segment as another (PROTOCOL.md 3.1).</summary>
    public DuplicateKey DuplicateKey => new(Provider, CareType, ProductCode, Start, End);
}

/// <summary>
/// Two rows of one youth are duplicates when these are equal (PROTOCOL.md 3.1): provider, canonical care
/// type, product code (missing equals empty), start and end. The amount plays no part. The youth is not in
/// the key: the import compares only rows of the same youth.
/// </summary>
public readonly record struct DuplicateKey
{
    public DuplicateKey(int provider, CareType careType, string? productCode, DateOnly start, DateOnly? end) =>
        (Provider, CareType, ProductCode, Start, End) = (provider, careType, productCode ?? "", start, end);

    public int Provider { get; }
    public CareType CareType { get; }
    /// <summary>Never null: a missing product code is the empty one.</summary>
    public string ProductCode { get; }
    public DateOnly Start { get; }
    public DateOnly? End { get; }
}
