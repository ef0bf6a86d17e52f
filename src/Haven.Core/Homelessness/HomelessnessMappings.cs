using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Homelessness;

internal sealed class HomelessnessAssessmentMapping : IEntityTypeConfiguration<HomelessnessAssessment>
{
    public void Configure(EntityTypeBuilder<HomelessnessAssessment> b)
    {
        b.Property(e => e.StayingNow).HasMaxLength(500);
        b.Property(e => e.ExplainedHow).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.AdvocateName).HasMaxLength(200);
        b.Property(e => e.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.DecisionInOwnWords).HasMaxLength(HomelessnessRules.MaxText);
        b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ClosureNotes).HasMaxLength(HomelessnessRules.MaxText);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.OptionsStepDone);
        b.HasMany(e => e.Stays).WithOne().HasForeignKey(s => s.AssessmentId);
        b.HasIndex(e => new { e.ChildId, e.PresentedOn });
        b.HasIndex(e => e.PresentedOn);
    }
}

internal sealed class TemporaryAccommodationMapping : IEntityTypeConfiguration<TemporaryAccommodation>
{
    public void Configure(EntityTypeBuilder<TemporaryAccommodation> b)
    {
        b.Property(s => s.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.Address).HasMaxLength(500);
        b.Ignore(s => s.IsBreach);
    }
}
