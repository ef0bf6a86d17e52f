using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Education.Inclusion;

internal sealed class HomeEducationMapping : IEntityTypeConfiguration<HomeEducation>
{
    public void Configure(EntityTypeBuilder<HomeEducation> b)
    {
        b.Property(h => h.NotifiedBy).HasMaxLength(200);
        b.Property(h => h.PreviousSchool).HasMaxLength(200);
        b.Property(h => h.Reason).HasMaxLength(InclusionService.MaxText);
        b.Property(h => h.EndReason).HasMaxLength(InclusionService.MaxText);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => new { h.ChildId, h.NotifiedOn });
        b.HasIndex(h => h.EndedOn);
        b.HasIndex(h => h.SubmissionId).IsUnique();
        b.HasOne(h => h.Child).WithMany().HasForeignKey(h => h.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(h => h.Checks).WithOne(c => c.HomeEducation).HasForeignKey(c => c.HomeEducationId);
    }
}

internal sealed class HomeEducationCheckMapping : IEntityTypeConfiguration<HomeEducationCheck>
{
    public void Configure(EntityTypeBuilder<HomeEducationCheck> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Notes).HasMaxLength(InclusionService.MaxText);
        b.HasIndex(c => new { c.HomeEducationId, c.HeldOn });
    }
}

internal sealed class MissingEducationMapping : IEntityTypeConfiguration<MissingEducation>
{
    public void Configure(EntityTypeBuilder<MissingEducation> b)
    {
        b.Property(m => m.ReferredBy).HasMaxLength(200);
        b.Property(m => m.Reason).HasMaxLength(InclusionService.MaxText);
        b.Property(m => m.Closure).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.ClosureDetail).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.ChildId, m.ReferredOn });
        b.HasIndex(m => m.ClosedOn);
        b.HasIndex(m => m.SubmissionId).IsUnique();
        b.HasOne(m => m.Child).WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Actions).WithOne(a => a.MissingEducation).HasForeignKey(a => a.MissingEducationId);
    }
}

internal sealed class MissingEducationActionMapping : IEntityTypeConfiguration<MissingEducationAction>
{
    public void Configure(EntityTypeBuilder<MissingEducationAction> b)
    {
        b.Property(a => a.Action).HasMaxLength(1000);
        b.Property(a => a.Outcome).HasMaxLength(1000);
    }
}

internal sealed class ExclusionMapping : IEntityTypeConfiguration<Exclusion>
{
    public void Configure(EntityTypeBuilder<Exclusion> b)
    {
        b.Property(e => e.SchoolName).HasMaxLength(200);
        b.Property(e => e.Phase).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Days).HasPrecision(5, 1);
        b.Property(e => e.Reason).HasMaxLength(InclusionService.MaxText);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.ChildId, e.StartDate });
        // The trend reads every exclusion by date and phase.
        b.HasIndex(e => new { e.StartDate, e.Phase, e.Kind });
        b.HasIndex(e => e.SubmissionId).IsUnique();
        b.HasOne(e => e.Child).WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}
