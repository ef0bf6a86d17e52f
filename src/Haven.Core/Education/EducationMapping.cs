using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Education;

internal sealed class EducationRecordMapping : IEntityTypeConfiguration<EducationRecord>
{
    public void Configure(EntityTypeBuilder<EducationRecord> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Term).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Sen).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Progress).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Activity).HasConversion<string>().HasMaxLength(60);
        b.Property(r => r.Exclusion).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.AttendancePercent).HasPrecision(5, 1);
        b.Property(r => r.SchoolName).HasMaxLength(200);
        b.Property(r => r.Link).HasMaxLength(500);
        b.Property(r => r.Notes).HasMaxLength(4000);
        b.Property(r => r.DeletionReason).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.RecordedBy).WithMany().HasForeignKey(r => r.RecordedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ChildId, r.Kind, r.Date });
        b.HasIndex(r => r.SubmissionId).IsUnique();
        b.HasQueryFilter(r => r.DeletedAt == null);
    }
}
