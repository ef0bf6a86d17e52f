using Haven.Core.EarlyHelp;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<EarlyHelpEpisode> EarlyHelpEpisodes => Set<EarlyHelpEpisode>();
    public DbSet<EarlyHelpPlanAction> EarlyHelpPlanActions => Set<EarlyHelpPlanAction>();
    public DbSet<EarlyHelpReview> EarlyHelpReviews => Set<EarlyHelpReview>();
    public DbSet<EarlyHelpFeedback> EarlyHelpFeedback => Set<EarlyHelpFeedback>();
}
