using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Returns.DfeFeed;

public enum DfeSubmissionStatus
{
    /// The last payload sent for the child was accepted.
    Accepted,
    /// The last attempt failed or was refused: Error says why; the last accepted payload still stands.
    Error,
    /// The child left scope and the DfE accepted the purge of all their data.
    Purged,
}

/// Per child: the evidence of what left the council and the basis of change detection. The last
/// payload the DfE accepted (as sent, without purge markers) and its SHA-256, when, and the receipt;
/// the state of the latest attempt and its error. Not a form: written only by the feed.
public class DfeFeedSubmission
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    /// la_child_id as sent.
    public string LaChildId { get; set; } = "";
    public string? AcceptedJson { get; set; }
    public string? AcceptedHash { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? Receipt { get; set; }
    public DfeSubmissionStatus Status { get; set; }
    public string? Error { get; set; }
    public DateTime? ErrorAt { get; set; }
    public int? LastSendId { get; set; }
    /// The last purge the DfE accepted for the child: what went and the local change that caused it
    /// (the same text is in the access log against the child), and when.
    public string? LastPurge { get; set; }
    public DateTime? LastPurgeAt { get; set; }
}

/// One run of the feed: when, in which mode, full or changes only, which children, the counts and
/// the outcome.
public class DfeFeedSend
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DfeFeedMode Mode { get; set; }
    public bool Full { get; set; }
    /// Children in the run (changed or all), of which top-level purges; accepted, refused/failed, and left out as invalid.
    public int Children { get; set; }
    public int Purges { get; set; }
    public int Batches { get; set; }
    public int Accepted { get; set; }
    public int Failed { get; set; }
    public int Invalid { get; set; }
    public string Outcome { get; set; } = "";
    /// The la_child_ids of the run, space-separated.
    public string ChildIds { get; set; } = "";
}

internal sealed class DfeFeedSubmissionMapping : IEntityTypeConfiguration<DfeFeedSubmission>
{
    public void Configure(EntityTypeBuilder<DfeFeedSubmission> b)
    {
        b.HasIndex(s => s.ChildId).IsUnique();
        b.Property(s => s.LaChildId).HasMaxLength(20);
        b.Property(s => s.AcceptedHash).HasMaxLength(64);
        b.Property(s => s.Receipt).HasMaxLength(400);
        b.Property(s => s.Error).HasMaxLength(2000);
        b.Property(s => s.LastPurge).HasMaxLength(1000);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => s.Status);
    }
}

internal sealed class DfeFeedSendMapping : IEntityTypeConfiguration<DfeFeedSend>
{
    public void Configure(EntityTypeBuilder<DfeFeedSend> b)
    {
        b.Property(s => s.Mode).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Outcome).HasMaxLength(400);
        b.HasIndex(s => s.StartedAt);
    }
}
