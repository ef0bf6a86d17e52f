using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.EarlyHelp;

internal sealed class EarlyHelpEpisodeMapping : IEntityTypeConfiguration<EarlyHelpEpisode>
{
    public void Configure(EntityTypeBuilder<EarlyHelpEpisode> b)
    {
        b.Property(e => e.LeadPractitioner).HasMaxLength(200);
        b.Property(e => e.LeadAgency).HasMaxLength(200);
        b.Property(e => e.AssessmentCompletedBy).HasMaxLength(200);
        b.Property(e => e.AssessmentSummary).HasMaxLength(EarlyHelpRules.MaxText);
        b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ClosureNotes).HasMaxLength(EarlyHelpRules.MaxText);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne<Haven.Core.Referrals.Referral>().WithMany().HasForeignKey(e => e.SteppedDownFromReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Haven.Core.Referrals.Referral>().WithMany().HasForeignKey(e => e.SteppedUpReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Actions).WithOne().HasForeignKey(a => a.EpisodeId);
        b.HasMany(e => e.Reviews).WithOne().HasForeignKey(r => r.EpisodeId);
        b.HasMany(e => e.Feedback).WithOne().HasForeignKey(f => f.EpisodeId);
        b.HasIndex(e => new { e.ChildId, e.StartDate });
    }
}

internal sealed class EarlyHelpPlanActionMapping : IEntityTypeConfiguration<EarlyHelpPlanAction>
{
    public void Configure(EntityTypeBuilder<EarlyHelpPlanAction> b)
    {
        b.Property(a => a.Description).HasMaxLength(1000);
        b.Property(a => a.Owner).HasMaxLength(200);
    }
}

internal sealed class EarlyHelpReviewMapping : IEntityTypeConfiguration<EarlyHelpReview>
{
    public void Configure(EntityTypeBuilder<EarlyHelpReview> b) => b.Property(r => r.Summary).HasMaxLength(EarlyHelpRules.MaxText);
}

internal sealed class EarlyHelpFeedbackMapping : IEntityTypeConfiguration<EarlyHelpFeedback>
{
    public void Configure(EntityTypeBuilder<EarlyHelpFeedback> b)
    {
        b.Property(f => f.Activity).HasMaxLength(FeedbackRules.MaxActivity);
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.Property(f => f.Comment).HasMaxLength(FeedbackRules.MaxComment);
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.EpisodeId);
    }
}
