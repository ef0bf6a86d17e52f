using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.ChildProtection;

internal sealed class StrategyDiscussionMapping : IEntityTypeConfiguration<StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussion> b)
    {
        b.Property(s => s.Concerns).HasMaxLength(ChildProtectionService.MaxText);
        b.Property(s => s.DecisionReason).HasMaxLength(ChildProtectionService.MaxText);
        b.Property(s => s.ImmediateSafetyPlan).HasMaxLength(ChildProtectionService.MaxText);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Child).WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Referral).WithMany().HasForeignKey(s => s.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.StrategyDiscussionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ChildId, s.Date });
        b.HasIndex(s => s.SubmissionId).IsUnique();
    }
}

internal sealed class StrategyParticipantMapping : IEntityTypeConfiguration<StrategyParticipant>
{
    public void Configure(EntityTypeBuilder<StrategyParticipant> b)
    {
        b.Property(p => p.Agency).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Role).HasMaxLength(200);
    }
}

internal sealed class Section47EnquiryMapping : IEntityTypeConfiguration<Section47Enquiry>
{
    public void Configure(EntityTypeBuilder<Section47Enquiry> b)
    {
        b.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.OutcomeSummary).HasMaxLength(ChildProtectionService.MaxText);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Child).WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referrals.Referral>().WithMany().HasForeignKey(s => s.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.StrategyDiscussion).WithOne().HasForeignKey<Section47Enquiry>(s => s.StrategyDiscussionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.ChildId, s.CompletedDate });
    }
}
