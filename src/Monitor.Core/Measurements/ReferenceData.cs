using Monitor.Core.Domain;

namespace Monitor.Core.Measurements;

/// <summary>What the reference files say about municipalities and providers, as the figures need it.</summary>
public sealed class ReferenceData
{
    private readonly Dictionary<int, RegionRow> _municipalities;
    private readonly Dictionary<int, ProviderRow> _providers;

    public ReferenceData(IEnumerable<RegionRow> municipalities, IEnumerable<ProviderRow> providers)
    {
        _municipalities = municipalities.ToDictionary(m => m.Municipality);
        _providers = providers.ToDictionary(p => p.Code);
    }

    public static ReferenceData Empty { get; } = new([], []);

    public IEnumerable<string> Regions => _municipalities.Values.Select(m => m.Region).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Every municipality in the regions file.</summary>
    public IEnumerable<int> Municipalities => _municipalities.Keys;

    public IEnumerable<int> MunicipalitiesOf(string region) => _municipalities.Values.Where(m => m.Region == region).Select(m => m.Municipality);

    public bool HasRegion(string region) => _municipalities.Values.Any(m => m.Region == region);

    /// <summary>The region of a municipality; null for a municipality outside the regions file.</summary>
    public string? RegionOf(int municipality) => _municipalities.TryGetValue(municipality, out var m) ? m.Region : null;

    public string? MunicipalityName(int municipality) => _municipalities.TryGetValue(municipality, out var m) ? m.Name : null;

    /// <summary>Providers without a known sector count as <c>overig</c> (PROTOCOL.md 5).</summary>
    public Sector SectorOf(int provider) => _providers.TryGetValue(provider, out var p) ? p.Sector : Sector.Overig;

    public string? ProviderName(int provider) => _providers.TryGetValue(provider, out var p) ? p.Name : null;
}
