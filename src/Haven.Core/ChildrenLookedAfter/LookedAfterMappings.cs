using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.ChildrenLookedAfter;

internal sealed class PeriodOfCareMapping : IEntityTypeConfiguration<PeriodOfCare>
{
    public void Configure(EntityTypeBuilder<PeriodOfCare> b)
    {
        b.Property(p => p.CategoryOfNeedCode).HasMaxLength(4);
        b.Property(p => p.ReasonCeasedCode).HasMaxLength(4);
        b.Property(p => p.HomePostcode).HasMaxLength(10);
        b.Property(p => p.PreviousPermanenceCode).HasMaxLength(2);
        b.Property(p => p.PreviousPermanenceLa).HasMaxLength(3);
        b.Property(p => p.PreviousPermanenceDate).HasMaxLength(10);
        b.Property(p => p.DecisionReason).HasMaxLength(4000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Child).WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.AuthorisedBy).WithMany().HasForeignKey(p => p.AuthorisedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Episodes).WithOne(e => e.PeriodOfCare).HasForeignKey(e => e.PeriodOfCareId);
        b.HasIndex(p => new { p.ChildId, p.StartDate });
    }
}

internal sealed class EpisodeMapping : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> b)
    {
        b.Property(e => e.ReasonForNewEpisodeCode).HasMaxLength(2);
        b.Property(e => e.LegalStatusCode).HasMaxLength(2);
        b.Property(e => e.ReasonEpisodeCeasedCode).HasMaxLength(4);
        b.Property(e => e.ReasonPlaceChangeCode).HasMaxLength(8);
        b.Property(e => e.CorrectionReason).HasMaxLength(2000);
        b.HasOne(e => e.Placement).WithMany().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ChildId, e.SupersededAt, e.StartDate });
    }
}

internal sealed class PlacementMapping : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> b)
    {
        b.Property(p => p.PlacementTypeCode).HasMaxLength(4);
        b.Property(p => p.ProviderCode).HasMaxLength(4);
        b.Property(p => p.ReasonForChangeCode).HasMaxLength(8);
        b.Property(p => p.CarerName).HasMaxLength(200);
        b.Property(p => p.AddressLine1).HasMaxLength(200);
        b.Property(p => p.AddressLine2).HasMaxLength(200);
        b.Property(p => p.Town).HasMaxLength(100);
        b.Property(p => p.Postcode).HasMaxLength(10);
        b.Property(p => p.Urn).HasMaxLength(8);
        b.Property(p => p.DistanceFromHomeMiles).HasPrecision(6, 1);
        b.Property(p => p.Matching).HasMaxLength(8000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.ChildId, p.StartDate });
        b.HasOne<PeriodOfCare>().WithMany().HasForeignKey(p => p.PeriodOfCareId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(p => p.CarerKey);
    }
}

internal sealed class StatutoryVisitMapping : IEntityTypeConfiguration<StatutoryVisit>
{
    public void Configure(EntityTypeBuilder<StatutoryVisit> b)
    {
        b.Property(v => v.Summary).HasMaxLength(20000);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne(v => v.VisitedBy).WithMany().HasForeignKey(v => v.VisitedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.ChildId, v.VisitDate });
        b.HasIndex(v => v.SubmissionId).IsUnique();
    }
}

internal sealed class LookedAfterReviewMapping : IEntityTypeConfiguration<LookedAfterReview>
{
    public void Configure(EntityTypeBuilder<LookedAfterReview> b)
    {
        b.Property(r => r.ParticipationCode).HasMaxLength(4);
        b.Property(r => r.Decisions).HasMaxLength(20000);
        b.Property(r => r.LetterToChild).HasMaxLength(20000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Chair).WithMany().HasForeignKey(r => r.ChairWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PeriodOfCare>().WithMany().HasForeignKey(r => r.PeriodOfCareId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ChildId, r.ReviewDate });
        b.HasIndex(r => r.SubmissionId).IsUnique();
    }
}

internal sealed class IroVisitMapping : IEntityTypeConfiguration<IroVisit>
{
    public void Configure(EntityTypeBuilder<IroVisit> b)
    {
        b.Property(v => v.Summary).HasMaxLength(8000);
        b.Property(v => v.Purpose).HasMaxLength(500);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne(v => v.Iro).WithMany().HasForeignKey(v => v.IroWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.ChildId, v.VisitDate });
        b.HasIndex(v => v.SubmissionId).IsUnique();
        b.Property(v => v.DeletionReason).HasMaxLength(1000);
        b.HasQueryFilter(v => v.DeletedAt == null);
    }
}

internal sealed class ContactArrangementMapping : IEntityTypeConfiguration<ContactArrangement>
{
    public void Configure(EntityTypeBuilder<ContactArrangement> b)
    {
        b.Property(c => c.With).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.PersonName).HasMaxLength(200);
        b.Property(c => c.Frequency).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.ContactArrangementId);
        b.HasIndex(c => c.ChildId);
    }
}

internal sealed class ContactSessionMapping : IEntityTypeConfiguration<ContactSession>
{
    public void Configure(EntityTypeBuilder<ContactSession> b) => b.Property(s => s.HowItWent).HasMaxLength(8000);
}

internal sealed class PreProceedingsMapping : IEntityTypeConfiguration<PreProceedings>
{
    public void Configure(EntityTypeBuilder<PreProceedings> b)
    {
        b.Property(p => p.ParentsProgress).HasMaxLength(8000);
        b.Property(p => p.Outcome).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.ChildId);
    }
}

internal sealed class CareProceedingsMapping : IEntityTypeConfiguration<CareProceedings>
{
    public void Configure(EntityTypeBuilder<CareProceedings> b)
    {
        b.Property(p => p.Court).HasMaxLength(200);
        b.Property(p => p.ParallelPlan).HasMaxLength(8000);
        b.Property(p => p.ContingencyPlan).HasMaxLength(8000);
        b.Property(p => p.FinalOrder).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Hearings).WithOne().HasForeignKey(h => h.CareProceedingsId);
        b.HasIndex(p => p.ChildId);
        b.Ignore(p => p.DueBy);
    }
}

internal sealed class CourtHearingMapping : IEntityTypeConfiguration<CourtHearing>
{
    public void Configure(EntityTypeBuilder<CourtHearing> b)
    {
        b.Property(h => h.Kind).HasMaxLength(100);
        b.Property(h => h.Outcome).HasMaxLength(4000);
    }
}
