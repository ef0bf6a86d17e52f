using Haven.Core.ChildrenLookedAfter;
using Haven.Core.People;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Fostering;

internal sealed class RecruitmentCampaignMapping : IEntityTypeConfiguration<RecruitmentCampaign>
{
    public void Configure(EntityTypeBuilder<RecruitmentCampaign> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class RecruitmentEnquiryMapping : IEntityTypeConfiguration<RecruitmentEnquiry>
{
    public void Configure(EntityTypeBuilder<RecruitmentEnquiry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.HouseholdName).HasMaxLength(200);
        b.Property(e => e.Postcode).HasMaxLength(10);
        b.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.LeftReason).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.LeftNotes).HasMaxLength(1000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.Furthest);
        b.HasOne(e => e.Campaign).WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.Kind, e.EnquiryDate });
        b.HasIndex(e => e.SubmissionId).IsUnique();
    }
}

internal sealed class FosterHouseholdMapping : IEntityTypeConfiguration<FosterHousehold>
{
    public void Configure(EntityTypeBuilder<FosterHousehold> b)
    {
        b.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.CareType).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Name).HasMaxLength(200);
        b.Property(h => h.Postcode).HasMaxLength(10);
        b.Property(h => h.DeregisteredReason).HasMaxLength(500);
        b.Property(h => h.DeregisteredReasonKind).HasConversion<string>().HasMaxLength(40);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.Ignore(h => h.IsTemporary);
        b.Ignore(h => h.TemporaryApprovalEnds);
        b.HasOne(h => h.SupervisingWorker).WithMany().HasForeignKey(h => h.SupervisingWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RecruitmentEnquiry>().WithMany().HasForeignKey(h => h.EnquiryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => h.SubmissionId).IsUnique();
    }
}

internal sealed class HouseholdPlacementMapping : IEntityTypeConfiguration<HouseholdPlacement>
{
    public void Configure(EntityTypeBuilder<HouseholdPlacement> b)
    {
        b.HasOne<FosterHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Placement>().WithMany().HasForeignKey(x => x.PlacementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PlacementId).IsUnique();
    }
}

internal sealed class SupervisionVisitMapping : IEntityTypeConfiguration<SupervisionVisit>
{
    public void Configure(EntityTypeBuilder<SupervisionVisit> b)
    {
        b.Property(v => v.Notes).HasMaxLength(4000);
        b.HasOne<FosterHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.SubmissionId).IsUnique();
    }
}

internal sealed class CarerTrainingMapping : IEntityTypeConfiguration<CarerTraining>
{
    public void Configure(EntityTypeBuilder<CarerTraining> b)
    {
        b.Property(t => t.Course).HasMaxLength(200);
        b.HasOne<FosterHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RecruitmentEnquiry>().WithMany().HasForeignKey(x => x.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.SubmissionId).IsUnique();
    }
}

internal sealed class CarerReviewMapping : IEntityTypeConfiguration<CarerReview>
{
    public void Configure(EntityTypeBuilder<CarerReview> b)
    {
        b.Property(r => r.Summary).HasMaxLength(4000);
        b.HasOne<FosterHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.SubmissionId).IsUnique();
    }
}

internal sealed class CarerFeedbackMapping : IEntityTypeConfiguration<CarerFeedback>
{
    public void Configure(EntityTypeBuilder<CarerFeedback> b)
    {
        b.Property(f => f.Comments).HasMaxLength(4000);
        b.HasOne<FosterHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.SubmissionId).IsUnique();
    }
}

internal sealed class SpecialGuardianshipMapping : IEntityTypeConfiguration<SpecialGuardianship>
{
    public void Configure(EntityTypeBuilder<SpecialGuardianship> b)
    {
        b.Property(s => s.GuardianNames).HasMaxLength(200);
        b.Property(s => s.SupportPlan).HasMaxLength(4000);
        b.HasIndex(s => s.SubmissionId).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Support).WithOne().HasForeignKey(x => x.SpecialGuardianshipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuardianSupportMapping : IEntityTypeConfiguration<GuardianSupport>
{
    public void Configure(EntityTypeBuilder<GuardianSupport> b)
    {
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Description).HasMaxLength(1000);
        b.HasOne<RecruitmentEnquiry>().WithMany().HasForeignKey(x => x.AdopterEnquiryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SubmissionId).IsUnique();
    }
}

internal sealed class FosteringCorrectionMapping : IEntityTypeConfiguration<FosteringCorrection>
{
    public void Configure(EntityTypeBuilder<FosteringCorrection> b)
    {
        b.Property(c => c.Field).HasMaxLength(100);
        b.Property(c => c.Before).HasMaxLength(1000);
        b.Property(c => c.After).HasMaxLength(1000);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.HasOne<RecruitmentEnquiry>().WithMany().HasForeignKey(x => x.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FosterHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
