using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Allocations;

internal sealed class AllocationMapping : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> b)
    {
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.ChangeReasonCode).HasMaxLength(6);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.ChildId, a.EndDate });
        b.HasIndex(a => new { a.WorkerId, a.EndDate });
        b.HasIndex(a => new { a.TeamId, a.EndDate });
    }
}
