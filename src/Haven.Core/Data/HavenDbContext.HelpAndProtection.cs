using Haven.Core.Assessments;
using Haven.Core.ChildProtection;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentFactor> AssessmentFactors => Set<AssessmentFactor>();
    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
}
