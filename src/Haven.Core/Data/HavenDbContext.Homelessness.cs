using Haven.Core.Homelessness;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<HomelessnessAssessment> HomelessnessAssessments => Set<HomelessnessAssessment>();
    public DbSet<TemporaryAccommodation> TemporaryAccommodations => Set<TemporaryAccommodation>();
}
