using Haven.Core.Education;
using Haven.Core.Health;
using Haven.Core.LifeStory;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<HealthRecord> HealthRecords => Set<HealthRecord>();
    public DbSet<EducationRecord> EducationRecords => Set<EducationRecord>();
    public DbSet<LifeStoryEntry> LifeStoryEntries => Set<LifeStoryEntry>();
}
