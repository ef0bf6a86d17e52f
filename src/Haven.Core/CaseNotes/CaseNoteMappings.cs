using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.CaseNotes;

internal sealed class CaseNoteMapping : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.Property(n => n.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Subject).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(20000);
        b.Property(n => n.PeopleSeen).HasMaxLength(500);
        b.Property(n => n.DeletionReason).HasMaxLength(1000);
        b.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Amendments).WithOne().HasForeignKey(a => a.CaseNoteId);
        b.Ignore(n => n.LatestAmendment);
        b.Ignore(n => n.CurrentSubject);
        b.Ignore(n => n.CurrentBody);
        b.HasIndex(n => n.SubmissionId).IsUnique();
        b.HasIndex(n => new { n.ChildId, n.EventAt });
        // Every read goes through the DeletedAt filter: with it in the index, the chronology's count of
        // a child's notes reads only the index, and its page of notes comes in the index's order.
        b.HasIndex(n => new { n.ChildId, n.DeletedAt, n.EventAt });
        b.HasIndex(n => new { n.ChildId, n.Type, n.EventAt });
        b.HasQueryFilter(n => n.DeletedAt == null);
    }
}

internal sealed class CaseNoteAmendmentMapping : IEntityTypeConfiguration<CaseNoteAmendment>
{
    public void Configure(EntityTypeBuilder<CaseNoteAmendment> b)
    {
        b.Property(a => a.Subject).HasMaxLength(200);
        b.Property(a => a.Body).HasMaxLength(20000);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.HasOne(a => a.AmendedBy).WithMany().HasForeignKey(a => a.AmendedByWorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}
