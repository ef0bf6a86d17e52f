using Haven.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.ChildInNeed;

internal sealed class ChildInNeedPlanMapping : IEntityTypeConfiguration<ChildInNeedPlan>
{
    public void Configure(EntityTypeBuilder<ChildInNeedPlan> b)
    {
        b.Property(p => p.ClosureReason).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.ClosureNote).HasMaxLength(PlanService.MaxText);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Child).WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.ChildInNeedPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ChildId, p.EndDate });
        b.HasIndex(p => p.PlanId).IsUnique();
        b.HasIndex(p => p.SubmissionId).IsUnique();
    }
}

internal sealed class ChildInNeedPlanReviewMapping : IEntityTypeConfiguration<ChildInNeedPlanReview>
{
    public void Configure(EntityTypeBuilder<ChildInNeedPlanReview> b)
    {
        b.Property(r => r.Summary).HasMaxLength(PlanService.MaxText);
        b.Property(r => r.Views).HasMaxLength(PlanService.MaxText);
        b.HasIndex(r => r.SubmissionId).IsUnique();
    }
}
