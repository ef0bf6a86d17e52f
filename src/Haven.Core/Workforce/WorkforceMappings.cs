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
