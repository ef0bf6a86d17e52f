using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Lado;

internal sealed class LadoPersonMapping : IEntityTypeConfiguration<LadoPerson>
{
    public void Configure(EntityTypeBuilder<LadoPerson> b)
    {
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Name);
    }
}

internal sealed class LadoCaseMapping : IEntityTypeConfiguration<LadoCase>
{
    public void Configure(EntityTypeBuilder<LadoCase> b)
    {
        b.Property(c => c.Role).HasMaxLength(200);
        b.Property(c => c.EmployerName).HasMaxLength(200);
        b.Property(c => c.EmployerSector).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.ReferrerName).HasMaxLength(200);
        b.Property(c => c.ReferrerOrganisation).HasMaxLength(200);
        b.Property(c => c.Allegation).HasMaxLength(LadoRules.MaxText);
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.DecisionRationale).HasMaxLength(LadoRules.MaxText);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RegulatorName).HasMaxLength(200);
        b.Property(c => c.OutcomeNotes).HasMaxLength(LadoRules.MaxText);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.ClosedOn);
        b.Ignore(c => c.InitialConsiderationDue);
        b.Ignore(c => c.ConsideredInTime);
        b.HasOne(c => c.Person).WithMany(p => p.Cases).HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Children).WithOne().HasForeignKey(x => x.LadoCaseId);
        b.HasMany(c => c.Meetings).WithOne().HasForeignKey(x => x.LadoCaseId);
        b.HasIndex(c => c.ReceivedOn);
    }
}

internal sealed class LadoCaseChildMapping : IEntityTypeConfiguration<LadoCaseChild>
{
    public void Configure(EntityTypeBuilder<LadoCaseChild> b)
    {
        b.Property(c => c.Description).HasMaxLength(200);
        b.HasOne<Haven.Core.People.Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LadoMeetingMapping : IEntityTypeConfiguration<LadoMeeting>
{
    public void Configure(EntityTypeBuilder<LadoMeeting> b)
    {
        b.Property(m => m.Attendees).HasMaxLength(1000);
        b.Property(m => m.Summary).HasMaxLength(LadoRules.MaxText);
        b.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.LadoMeetingId);
    }
}

internal sealed class LadoActionMapping : IEntityTypeConfiguration<LadoAction>
{
    public void Configure(EntityTypeBuilder<LadoAction> b)
    {
        b.Property(a => a.Description).HasMaxLength(1000);
        b.Property(a => a.Owner).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.LadoCaseId, a.CompletedOn });
        b.HasOne<LadoCase>().WithMany().HasForeignKey(a => a.LadoCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
