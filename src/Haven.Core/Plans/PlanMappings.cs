using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Plans;

internal sealed class PlanMapping : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Child).WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ChildId, p.Kind });
    }
}

internal sealed class PlanVersionMapping : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.Property(v => v.Reason).HasMaxLength(200);
        b.Property(v => v.FamilyAndNetwork).HasMaxLength(PlanService.MaxText);
        b.Property(v => v.Contingency).HasMaxLength(PlanService.MaxText);
        b.Property(v => v.ToTheChild).HasMaxLength(PlanService.MaxText);
        b.HasMany(v => v.Outcomes).WithOne().HasForeignKey(o => o.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Actions).WithOne().HasForeignKey(a => a.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
        // One version per number: a second writer from the same base fails here too.
        b.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        b.HasIndex(v => v.SubmissionId).IsUnique();
    }
}

internal sealed class PlanOutcomeMapping : IEntityTypeConfiguration<PlanOutcome>
{
    public void Configure(EntityTypeBuilder<PlanOutcome> b) => b.Property(o => o.Text).HasMaxLength(PlanService.MaxLine);
}

internal sealed class PlanActionMapping : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.Property(a => a.What).HasMaxLength(PlanService.MaxLine);
        b.Property(a => a.Who).HasMaxLength(200);
        b.Property(a => a.Progress).HasMaxLength(PlanService.MaxLine);
        b.HasIndex(a => a.Key);
    }
}
