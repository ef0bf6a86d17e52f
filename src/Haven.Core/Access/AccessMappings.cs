using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Access;

internal sealed class AccessLogEntryMapping : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.HasKey(e => e.Sequence);
        // The sequence is assigned by the chain writer, not the database, so that a gap is detectable.
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Resource).HasMaxLength(300);
        b.Property(e => e.Detail).HasMaxLength(1000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.ChildId, e.At });
        b.HasIndex(e => new { e.UserName, e.At });
    }
}

internal sealed class RecordAccessGrantMapping : IEntityTypeConfiguration<RecordAccessGrant>
{
    public void Configure(EntityTypeBuilder<RecordAccessGrant> b)
    {
        b.Property(g => g.Reason).HasMaxLength(500);
        b.HasIndex(g => new { g.ChildId, g.WorkerId });
        b.HasIndex(g => g.WorkerId);
    }
}
