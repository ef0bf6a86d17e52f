using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Workforce;

internal sealed class ServiceMapping : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b) => b.Property(s => s.Name).HasMaxLength(100);
}

internal sealed class TeamMapping : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b) => b.Property(t => t.Name).HasMaxLength(100);
}

internal sealed class WorkerMapping : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> b)
    {
        b.Property(w => w.DisplayName).HasMaxLength(200);
        b.Property(w => w.SweNumber).HasMaxLength(20);
        b.Property(w => w.Role).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class EmploymentMapping : IEntityTypeConfiguration<Employment>
{
    public void Configure(EntityTypeBuilder<Employment> b)
    {
        b.Property(e => e.ContractType).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Fte).HasPrecision(4, 2);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne(e => e.Worker).WithMany().HasForeignKey(e => e.WorkerId);
        b.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId);
        b.HasIndex(e => new { e.TeamId, e.StartDate });
        b.HasIndex(e => e.WorkerId);
    }
}

internal sealed class TeamEstablishmentMapping : IEntityTypeConfiguration<TeamEstablishment>
{
    public void Configure(EntityTypeBuilder<TeamEstablishment> b)
    {
        b.Property(e => e.Posts).HasPrecision(6, 2);
        b.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId);
        b.HasIndex(e => new { e.TeamId, e.EffectiveFrom });
    }
}
