using Haven.Core.Fostering;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Permanence;

internal sealed class PermanencePlanMapping : IEntityTypeConfiguration<PermanencePlan>
{
    public void Configure(EntityTypeBuilder<PermanencePlan> b)
    {
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Notes).HasMaxLength(PermanenceService.MaxText);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ChildId, p.SetAtReview });
        b.HasIndex(p => p.SubmissionId).IsUnique();
        b.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdoptionCaseMapping : IEntityTypeConfiguration<AdoptionCase>
{
    public void Configure(EntityTypeBuilder<AdoptionCase> b)
    {
        b.Property(a => a.EarlyPermanence).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Siblings).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.SiblingsReason).HasMaxLength(PermanenceService.MaxText);
        b.Property(a => a.FosterCareCode).HasMaxLength(1);
        b.Property(a => a.AdopterNumberCode).HasMaxLength(1);
        b.Property(a => a.AdopterSexCode).HasMaxLength(2);
        b.Property(a => a.AdopterLegalStatusCode).HasMaxLength(3);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RecruitmentEnquiry>().WithMany().HasForeignKey(x => x.AdopterEnquiryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.ChildId).IsUnique();
        b.HasIndex(a => a.SealedAt);
    }
}
