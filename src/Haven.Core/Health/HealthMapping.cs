using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Health;

internal sealed class HealthRecordMapping : IEntityTypeConfiguration<HealthRecord>
{
    public void Configure(EntityTypeBuilder<HealthRecord> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.By).HasMaxLength(200);
        b.Property(r => r.SdqReasonCode).HasMaxLength(4);
        b.Property(r => r.OffenceOutcome).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Outcome).HasMaxLength(500);
        b.Property(r => r.Notes).HasMaxLength(HealthRecordService.MaxNotes);
        b.Property(r => r.DeletionReason).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.RecordedBy).WithMany().HasForeignKey(r => r.RecordedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ChildId, r.Kind, r.Date });
        b.HasIndex(r => r.SubmissionId).IsUnique();
        b.HasQueryFilter(r => r.DeletedAt == null);
    }
}
