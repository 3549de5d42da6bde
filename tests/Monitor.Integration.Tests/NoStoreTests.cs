using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>
/// Commands that only read never create a store: a misspelt <c>--db</c> says "no store at PATH" (exit 2,
/// on stderr) instead of answering "nothing yet" from a new, empty store it just made.
/// </summary>
public sealed class NoStoreTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("imports")]
    [InlineData("quarantine")]
    [InlineData("jobs")]
    [InlineData("jobs", "show", "1")]
    [InlineData("jobs", "ack", "1")]
    [InlineData("measure", "--period", "2020", "--as-of", "2021-06-30")]
    [InlineData("compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30")]
    [InlineData("episodes", "--as-of", "2021-06-30", "--csv", "e.csv")]
    [InlineData("did", "--regions", "A,B", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30")]
    [InlineData("report", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--out", "r")]
    [InlineData("bench", "measure", "--period", "2020", "--followup", "2021", "--as-of", "2022-06-30")]
    public void AReadingCommandWithoutAStoreSaysSoAndCreatesNone(params string[] args)
    {
        var typo = _folder.File("typo.db");

        var result = CommandLine.Run([.. args, "--db", typo]);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Equal($"monitor: no store at {typo} (--db PATH, or $MONITOR_DB)\n", result.Err.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(typo));
    }
}
