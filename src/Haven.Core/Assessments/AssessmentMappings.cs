using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Assessments;

internal sealed class AssessmentMapping : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Version).IsConcurrencyToken();
        foreach (var p in new[] { nameof(Assessment.ParentsInvolvement), nameof(Assessment.ExtendedFamilyInvolvement), nameof(Assessment.IdentityAndCulture),
                     nameof(Assessment.Analysis), nameof(Assessment.WishesAndFeelings), nameof(Assessment.DirectWorkTools), nameof(Assessment.Observations),
                     nameof(Assessment.ManagerComments) })
            b.Property(p).HasMaxLength(AssessmentService.MaxText);
        b.HasOne(a => a.Referral).WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Child).WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Factors).WithOne().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ChildId, a.AuthorisedDate });
        b.HasIndex(a => a.FamilyAssessmentId);
        b.HasIndex(a => a.SubmissionId).IsUnique();
    }
}

internal sealed class AssessmentFactorMapping : IEntityTypeConfiguration<AssessmentFactor>
{
    public void Configure(EntityTypeBuilder<AssessmentFactor> b)
    {
        b.Property(f => f.Code).HasMaxLength(4);
        b.HasIndex(f => new { f.AssessmentId, f.Code }).IsUnique();
    }
}
