namespace Monitor.Core.Domain;

/// <summary>A row of the <c>providers</c> file.</summary>
public sealed record ProviderRow(int Code, string? Name, Sector Sector);

/// <summary>A row of the <c>regions</c> file: which youth-care region a municipality belongs to.</summary>
public sealed record RegionRow(int Municipality, string Name, string Region);

/// <summary>A row of the <c>tariffs</c> file: the cost per day of a care type in a calendar year.</summary>
public sealed record TariffRow(CareType CareType, int Year, decimal PerDay);

/// <summary>A row of the <c>caretypes</c> file: an extra code that maps to a care type.</summary>
public sealed record CareTypeCodeRow(string Code, CareType CareType);
