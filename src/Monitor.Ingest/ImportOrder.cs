using Monitor.Core.Checks;

namespace Monitor.Ingest;

/// <summary>
/// The order in which several files are best imported: reference files first — providers, regions,
/// care-type codes, then tariffs (which may name care types by code), then the outcome reference data —
/// since an extract's care-type codes are mapped with the codes known at that moment, and a rom file's
/// instruments must be known; then extracts; then files whose format cannot be told
/// (the import rejects them with the reason). Within each group the given order is kept.
/// </summary>
public static class ImportOrder
{
    private static readonly ExtractFormat[] ReferenceOrder =
    [
        ExtractFormat.Providers, ExtractFormat.Regions, ExtractFormat.Caretypes, ExtractFormat.Tariffs,
        ExtractFormat.Population, ExtractFormat.Endreasons, ExtractFormat.Instruments, // instruments before rom scores
    ];

    /// <param name="files">The files, in the order to keep within each group.</param>
    /// <param name="format">The format of every file, or null to tell each from its header.</param>
    public static IReadOnlyList<(string File, ExtractFormat? Format)> ReferenceFirst(IEnumerable<string> files, ExtractFormat? format = null) =>
        files.Select(f => (File: f, Format: format ?? Detect(f)))
            .OrderBy(f => f.Format switch
            {
                { } x when x.IsReference() => Array.IndexOf(ReferenceOrder, x),
                not null => ReferenceOrder.Length,
                null => ReferenceOrder.Length + 1,
            })
            .ToList();

    /// <summary>The format the header says, or null when it says none or the file cannot be read as CSV.</summary>
    public static ExtractFormat? Detect(string file)
    {
        try
        {
            using var rows = CsvRows.Open(file);
            return ExtractFormats.Detect(rows.Header);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // not readable as CSV: the import says why
        }
    }
}
