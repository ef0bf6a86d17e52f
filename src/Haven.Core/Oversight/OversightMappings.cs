using Haven.Core.Plans;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Oversight;

internal sealed class OversightEntryMapping : IEntityTypeConfiguration<OversightEntry>
{
    public void Configure(EntityTypeBuilder<OversightEntry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Direction).HasMaxLength(PlanService.MaxText);
        b.HasOne(e => e.Child).WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Worker>().WithMany().HasForeignKey(e => e.ManagerWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Actions).WithOne().HasForeignKey(a => a.OversightEntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ChildId, e.Date });
        b.HasIndex(e => e.SubmissionId).IsUnique();
    }
}

internal sealed class OversightActionMapping : IEntityTypeConfiguration<OversightAction>
{
    public void Configure(EntityTypeBuilder<OversightAction> b)
    {
        b.Property(a => a.What).HasMaxLength(PlanService.MaxLine);
        b.Property(a => a.Who).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.ChildId, a.CompletedOn });
    }
}

internal sealed class SupervisionSessionMapping : IEntityTypeConfiguration<SupervisionSession>
{
    public void Configure(EntityTypeBuilder<SupervisionSession> b)
    {
        b.Property(s => s.Notes).HasMaxLength(PlanService.MaxText);
        b.HasOne<Worker>().WithMany().HasForeignKey(s => s.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Worker>().WithMany().HasForeignKey(s => s.SupervisorWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Cases).WithOne().HasForeignKey(e => e.SupervisionSessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.WorkerId, s.Date });
        b.HasIndex(s => s.SubmissionId).IsUnique();
    }
}
