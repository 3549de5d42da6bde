using System.CommandLine;
using Monitor.Core.Statistics;

namespace Monitor.Cli.Commands;

/// <summary>The bootstrap options of compare, did and report (issue 13): how many replicates, and the seed.</summary>
public sealed class StatisticsOptions
{
    public Option<int?> Replicates { get; } = new("--bootstrap")
    {
        Description = $"Replicates of the bootstrap over youths for the 95% intervals (default {PoissonBootstrap.DefaultReplicates}; 0: no intervals). Time grows with replicates × cohort size.",
    };

    public Option<ulong?> Seed { get; } = new("--seed")
    {
        Description = $"Seed of the bootstrap (default {PoissonBootstrap.DefaultSeed}): the same seed, store and parameters give the same intervals.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Replicates);
        command.Options.Add(Seed);
    }

    /// <summary>Replicates (0 = none) and seed.</summary>
    public (int Replicates, ulong Seed) Resolve(ParseResult parsed)
    {
        var replicates = parsed.GetValue(Replicates) ?? PoissonBootstrap.DefaultReplicates;
        if (replicates < 0) throw new UsageException($"--bootstrap cannot be negative ({replicates})");
        return (replicates, parsed.GetValue(Seed) ?? PoissonBootstrap.DefaultSeed);
    }
}
