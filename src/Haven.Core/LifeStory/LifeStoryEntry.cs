using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.LifeStory;

public enum LifeStoryKind
{
    /// Life story work done with the child (a session, a book, a memory box).
    LifeStoryWork,
    /// A later-life letter, written for the child to read when older.
    LaterLifeLetter,
    /// An entry in the history log the social worker keeps about the child's life, so a new
    /// worker can read it rather than ask the child to tell their story again.
    HistoryLog,
}

/// Long-lived writing kept with the child's record. Never edited in place: a correction is a new
/// entry, so what the child may one day read keeps its history.
public class LifeStoryEntry : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public LifeStoryKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public int AuthorWorkerId { get; set; }
    public Worker Author { get; set; } = null!;
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }

    public const int MaxTitle = 200;
    public const int MaxText = 50000;

    public static string Describe(LifeStoryKind kind) => kind switch
    {
        LifeStoryKind.LifeStoryWork => "Life story work",
        LifeStoryKind.LaterLifeLetter => "Later-life letter",
        _ => "History log entry",
    };
}

internal sealed class LifeStoryEntryMapping : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<LifeStoryEntry>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<LifeStoryEntry> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Title).HasMaxLength(LifeStoryEntry.MaxTitle);
        b.Property(r => r.Text).HasMaxLength(LifeStoryEntry.MaxText);
        b.Property(r => r.DeletionReason).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorWorkerId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ChildId, r.Kind, r.Date });
        b.HasIndex(r => r.SubmissionId).IsUnique();
        b.HasQueryFilter(r => r.DeletedAt == null);
    }
}
