using Monitor.Core.Publication;

namespace Monitor.Core.Tests.Publication;

/// <summary>The summary's messages come from published figures only, three to five of them, with one caveat.</summary>
public class KeyMessagesTests
{
    private static FigureSet Set(long youthsA, long youthsB, long entriesA = 40, long entriesB = 30)
    {
        var set = new FigureSet()
            .Count("baseline.counts.youths", youthsA).Count("followup.counts.youths", youthsB)
            .Count("baseline.counts.entries_in_period", entriesA).Count("followup.counts.entries_in_period", entriesB);
        foreach (var key in new[] { "counts.youths", "counts.entries_in_period" })
        {
            set.Difference("change." + key, "baseline." + key, "followup." + key);
            set.Difference("change_percent." + key, "baseline." + key, "followup." + key, relative: true);
        }
        return set;
    }

    [Fact]
    public void AFallInYouthsIsGoodNewsAndCitesItsFigures()
    {
        var messages = KeyMessages.Select(new PublicationRules(10).Apply(Set(200, 150)), new SummaryContext(false, 0));
        var youths = messages.Single(m => m.Name == "counts.youths");
        Assert.Equal(-1, youths.Direction);
        Assert.Equal(Judgement.Better, youths.Judgement);
        Assert.Equal(["baseline.counts.youths", "followup.counts.youths", "change_percent.counts.youths"], youths.Keys);
        Assert.InRange(messages.Count, 3, 5);
        Assert.Contains(messages, m => m.IsCaveat);
    }

    [Fact]
    public void AHiddenFigureIsNeverCited()
    {
        var published = new PublicationRules(10).Apply(Set(200, 5, 4, 30));
        var messages = KeyMessages.Select(published, new SummaryContext(true, 2));
        Assert.DoesNotContain(messages, m => m.Name is "counts.youths" or "counts.entries_in_period");
        Assert.All(messages.SelectMany(m => m.Keys), k => Assert.True(published.IsShown(k), k));
        Assert.Equal("caveat.one_as_of", messages.First(m => m.IsCaveat).Name);
        Assert.InRange(messages.Count, 3, 5);
    }

    [Fact]
    public void ASmallChangeIsAboutTheSameAndNeitherGoodNorBad()
    {
        var messages = KeyMessages.Select(new PublicationRules(10).Apply(Set(200, 199)), new SummaryContext(false, 0));
        var youths = messages.Single(m => m.Name == "counts.youths");
        Assert.Equal(0, youths.Direction);
        Assert.Equal(Judgement.Neutral, youths.Judgement);
    }
}
