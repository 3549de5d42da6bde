namespace Monitor.Integration.Tests.ImportModel;

/// <summary>What the model says of one file of a command.</summary>
public sealed record ExpectedFile(string Name, string Status, int Read, int Accepted, int Rejected, int Duplicate,
    IReadOnlyDictionary<int, (string File, int Line)> DuplicateOf, IReadOnlyList<int> StoredLines);

/// <summary>
/// PROTOCOL.md 3 in a few lines, for the property test to check the importer against: a dictionary from
/// duplicate key to the stored row (file, line) that has it. A row failing a check is refused and is
/// never a duplicate; a row whose key is stored (and in force) or earlier in the file is a duplicate of
/// the first stored row; a full extract's rows are no duplicates of the rows it supersedes; the same
/// bytes import once.
/// </summary>
public sealed class Model
{
    private sealed record Stored(string File, int Line, string? Source)
    {
        public bool Superseded { get; set; }
    }

    private readonly Dictionary<(string, int, Monitor.Core.Domain.CareType, string, DateOnly, DateOnly?), List<Stored>> _byKey = new();
    private readonly List<(string File, string? Source)> _imports = [];
    private readonly HashSet<string> _hashes = [];

    public ExpectedFile Import(FileSpec file, string sha256)
    {
        if (!_hashes.Add(sha256)) return new ExpectedFile(file.Name, "already_imported", 0, 0, 0, 0, new Dictionary<int, (string, int)>(), []);
        var superseding = file.Full && file.Source is not null;
        int accepted = 0, rejected = 0, duplicate = 0;
        var duplicateOf = new Dictionary<int, (string, int)>();
        var storedLines = new List<int>();
        var newRows = new List<(string File, int Line, string? Source, (string, int, Monitor.Core.Domain.CareType, string, DateOnly, DateOnly?) Key)>();
        for (var i = 0; i < file.Rows.Count; i++)
        {
            var line = i + 2; // the header is line 1
            if (file.Rows[i].Key is not { } key)
            {
                rejected++;
                continue;
            }
            var original = Find(key, superseding ? file.Source : null) ?? newRows.Where(r => r.Key == key).Select(r => ((string, int)?)(r.File, r.Line)).FirstOrDefault();
            if (original is { } of)
            {
                duplicate++;
                duplicateOf[line] = of;
                continue;
            }
            accepted++;
            storedLines.Add(line);
            newRows.Add((file.Name, line, file.Source, key));
        }
        if (superseding)
            foreach (var rows in _byKey.Values)
                foreach (var row in rows.Where(r => r.Source == file.Source)) row.Superseded = true;
        foreach (var (name, line, source, key) in newRows)
        {
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(new Stored(name, line, source));
        }
        return new ExpectedFile(file.Name, "imported", file.Rows.Count, accepted, rejected, duplicate, duplicateOf, storedLines);
    }

    /// <summary>The stored row in force with this key, leaving out the rows a full extract of <paramref name="supersededSource"/> replaces.</summary>
    private (string, int)? Find((string, int, Monitor.Core.Domain.CareType, string, DateOnly, DateOnly?) key, string? supersededSource) =>
        _byKey.TryGetValue(key, out var rows)
            ? rows.Where(r => !r.Superseded && (supersededSource is null || r.Source != supersededSource)).Select(r => ((string, int)?)(r.File, r.Line)).FirstOrDefault()
            : null;
}
