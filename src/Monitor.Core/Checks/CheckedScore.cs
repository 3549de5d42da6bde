using Monitor.Core.Outcomes;

namespace Monitor.Core.Checks;

/// <summary>A <c>rom</c> row that passed its checks, pseudonymised.</summary>
public sealed record CheckedScore(int Line, string YouthKey, string Instrument, Informant Informant, DateOnly Date, double Score);
