using Haven.Core.Access;

namespace Haven.Core.Tests.Access;

public sealed class AccessLogAnchorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("haven-anchor-").FullName;
    private AccessLogAnchor Anchor => new(Path.Combine(_folder, "haven.db.access-log-anchor"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Func<long, Task<string?>> Log(params string[] hashes) =>
        sequence => Task.FromResult(sequence >= 1 && sequence <= hashes.Length ? hashes[sequence - 1] : null);

    [Fact]
    public async Task Problem_NoAnchorYet_IsNone()
    {
        Assert.Null(await Anchor.ProblemAsync(0, Log()));
    }

    [Fact]
    public async Task Problem_LogReachesTheAnchorWithTheSameHash_IsNone()
    {
        Anchor.Write(new AnchorPoint(2, "b"));
        Assert.Null(await Anchor.ProblemAsync(3, Log("a", "b", "c")));
    }

    [Fact]
    public async Task Problem_LogShorterThanTheAnchor_NamesTheMissingEntries()
    {
        Anchor.Write(new AnchorPoint(5, "e"));
        Assert.Equal("entries after 3 are missing: the log was anchored at entry 5", await Anchor.ProblemAsync(3, Log("a", "b", "c")));
    }

    [Fact]
    public async Task Problem_EntryAtTheAnchorDiffers_SaysTheLogWasRebuilt()
    {
        Anchor.Write(new AnchorPoint(2, "b"));
        Assert.Equal("the log has been rebuilt: entry 2 is not the entry that was anchored", await Anchor.ProblemAsync(3, Log("a", "x", "c")));
    }

    [Fact]
    public async Task CheckBeforeAppending_LogCutShort_KeepsTheOldAnchorAsEvidenceThatVerifyStillReports()
    {
        Anchor.Write(new AnchorPoint(5, "e"));
        Assert.False(await Anchor.CheckBeforeAppendingAsync(3, Log("a", "b", "c")));
        Assert.False(File.Exists(Anchor.FilePath));
        var evidence = Assert.Single(Anchor.Mismatches());
        Assert.Equal(new AnchorPoint(5, "e"), evidence.Point);

        // Logging goes on and re-anchors, but the cut is still reported until someone deals with it.
        Anchor.Write(new AnchorPoint(4, "d"));
        Assert.StartsWith("the log was earlier found cut short or rebuilt: anchored at entry 5", await Anchor.ProblemAsync(4, Log("a", "b", "c", "d")));
    }

    [Fact]
    public async Task CheckBeforeAppending_LogMatches_LeavesTheAnchorAlone()
    {
        Anchor.Write(new AnchorPoint(3, "c"));
        Assert.True(await Anchor.CheckBeforeAppendingAsync(3, Log("a", "b", "c")));
        Assert.Equal(new AnchorPoint(3, "c"), Anchor.Read());
        Assert.Empty(Anchor.Mismatches());
    }
}
