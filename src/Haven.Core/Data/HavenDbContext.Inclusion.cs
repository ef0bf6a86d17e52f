using Haven.Core.Education.Inclusion;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<HomeEducation> HomeEducations => Set<HomeEducation>();
    public DbSet<HomeEducationCheck> HomeEducationChecks => Set<HomeEducationCheck>();
    public DbSet<MissingEducation> MissingEducations => Set<MissingEducation>();
    public DbSet<MissingEducationAction> MissingEducationActions => Set<MissingEducationAction>();
    public DbSet<Exclusion> Exclusions => Set<Exclusion>();
}
