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
        // At most one open allocation of each kind per child: two managers allocating an unallocated
        // child at the same moment (no version to check yet) cannot both add one; the second save fails
        // and is answered as a conflict (AllocationService.ReallocateAsync).
        b.HasIndex(a => new { a.ChildId, a.Kind }).IsUnique().HasFilter("\"EndDate\" IS NULL").HasDatabaseName("IX_Allocations_OneOpenPerChildAndKind");
    }
}
